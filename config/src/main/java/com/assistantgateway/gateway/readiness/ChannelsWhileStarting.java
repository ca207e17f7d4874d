package com.assistantgateway.gateway.readiness;

import com.assistantgateway.gateway.web.Refusals;
import com.assistantgateway.routes.backbone.Problems;
import com.assistantgateway.routes.port.ChannelRequestException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Channel endpoints answer {@code 503} with {@code Retry-After} until the gateway is first ready. The web server
 * accepts connections before Camel has started the channel routes; without this a customer's message sent in those
 * seconds would get a 404, which every sender (Twilio, a webhook client) takes as "wrong address, do not retry".
 */
public class ChannelsWhileStarting extends OncePerRequestFilter {

    private final Readiness readiness;
    private final Problems problems;

    public ChannelsWhileStarting(Readiness readiness, Problems problems) {
        this.readiness = readiness;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (readiness.hasBeenReady()) {
            chain.doFilter(request, response);
            return;
        }
        ChannelRequestException starting = ChannelRequestException.starting(
                "The gateway is starting and accepts messages in a few seconds; send it again then.");
        Refusals.write(response, starting, problems);
    }

    @Configuration
    static class Registration {

        @Bean
        FilterRegistrationBean<ChannelsWhileStarting> channelsWhileStarting(Readiness readiness, Problems problems) {
            var registration = new FilterRegistrationBean<>(new ChannelsWhileStarting(readiness, problems));
            registration.addUrlPatterns("/channels/*");
            // Before every other filter: nothing of a request is read or checked before the routes can take it.
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }
}
