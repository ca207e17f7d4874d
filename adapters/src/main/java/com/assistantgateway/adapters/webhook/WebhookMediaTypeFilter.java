package com.assistantgateway.adapters.webhook;

import com.assistantgateway.routes.backbone.Problems;
import com.assistantgateway.routes.port.ChannelRequestException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses webhook bodies that are not JSON with 415 before they reach Camel: the servlet layer would otherwise parse a
 * form-encoded body (curl's default for {@code -d}) as form fields and fail with an opaque 500.
 */
public class WebhookMediaTypeFilter extends OncePerRequestFilter {

    private final Problems problems;

    public WebhookMediaTypeFilter(Problems problems) {
        this.problems = problems;
    }

    static boolean acceptable(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isCompatibleWith(MediaType.APPLICATION_JSON)
                    || type.getSubtype().endsWith("+json");
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!"POST".equals(request.getMethod()) || acceptable(request.getContentType())) {
            chain.doFilter(request, response);
            return;
        }
        ChannelRequestException refused = new ChannelRequestException(
                415,
                "unsupported-media-type",
                "Send the body as JSON with 'Content-Type: application/json', not " + request.getContentType() + ".");
        response.setStatus(refused.status());
        response.setContentType("application/problem+json");
        response.getOutputStream().write(problems.body(refused).getBytes(StandardCharsets.UTF_8));
    }

    @Configuration
    static class Registration {

        @Bean
        FilterRegistrationBean<WebhookMediaTypeFilter> webhookMediaTypeFilter(Problems problems) {
            var registration = new FilterRegistrationBean<>(new WebhookMediaTypeFilter(problems));
            registration.addUrlPatterns("/channels/webhook/*");
            return registration;
        }
    }
}
