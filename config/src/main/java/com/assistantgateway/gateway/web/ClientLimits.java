package com.assistantgateway.gateway.web;

import com.assistantgateway.routes.backbone.Problems;
import com.assistantgateway.routes.port.ChannelRequestException;
import com.assistantgateway.routes.port.ChannelType;
import com.assistantgateway.routes.port.InboundLimits;
import com.assistantgateway.routes.port.InboundLimits.Refusal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One client address may send {@code gateway.admin.limits.client-messages-per-minute} requests a minute to the public
 * channel endpoints; over that it gets {@code 429} with {@code Retry-After} before anything of the request is read.
 * The address is the connection's, or the proxy's {@code X-Forwarded-For} when {@code server.forward-headers-strategy}
 * says to trust it. Paths a provider pushes to from addresses all tenants share ({@link
 * ChannelType#providerPushPath}) are left to the tenant's and sender's limits.
 */
public class ClientLimits extends OncePerRequestFilter {

    private final InboundLimits limits;
    private final Problems problems;
    private final List<String> providerPaths;

    public ClientLimits(InboundLimits limits, Problems problems, List<ChannelType> channels) {
        this.limits = limits;
        this.problems = problems;
        this.providerPaths = channels.stream()
                .flatMap(channel -> channel.providerPushPath().stream())
                .distinct()
                .toList();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return providerPaths.stream().anyMatch(path::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Refusal> refusal = limits.admitClient(request.getRemoteAddr());
        if (refusal.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        ChannelRequestException refused = ChannelRequestException.rateLimited(
                "This address is over its limit of " + refusal.get().perMinute()
                        + " requests a minute to the gateway's channels; nothing was stored.",
                refusal.get().retryAfter());
        Refusals.write(response, refused, problems);
    }

    @Configuration
    static class Registration {

        @Bean
        FilterRegistrationBean<ClientLimits> clientLimits(
                InboundLimits limits, Problems problems, List<ChannelType> channels) {
            var registration = new FilterRegistrationBean<>(new ClientLimits(limits, problems, channels));
            registration.addUrlPatterns("/channels/*");
            // Right after the starting guard, before authentication reads or checks anything.
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
            return registration;
        }
    }
}
