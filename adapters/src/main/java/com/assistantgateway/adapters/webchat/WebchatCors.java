package com.assistantgateway.adapters.webchat;

import com.assistantgateway.adapters.JsonBodyFilter;
import com.assistantgateway.routes.backbone.Problems;
import com.assistantgateway.routes.port.ChannelBinding;
import com.assistantgateway.routes.port.ChannelBindings;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Cross-origin access to a web chat binding, per binding: its allowed origins may call it from their pages, and no
 * other origin's page may read its answers. Unknown bindings and origins fail closed: no CORS headers and a refused
 * preflight, except that any page may read the refusal of a session. The routes check the origin again, so a
 * non-browser client gains nothing by skipping CORS.
 */
public class WebchatCors extends OncePerRequestFilter {

    static final String PATHS = "/channels/webchat/*";
    private static final String PREFIX = "/channels/webchat/";
    private static final String SESSIONS = "/sessions";

    private final ChannelBindings bindings;

    WebchatCors(ChannelBindings bindings) {
        this.bindings = bindings;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String origin = request.getHeader(WebchatRequests.ORIGIN);
        if (origin == null) {
            chain.doFilter(request, response);
            return;
        }
        boolean allowed = binding(request.getRequestURI())
                .map(binding -> allows(binding, origin))
                .orElse(false);
        // Opening a session answers every origin readably, so a widget pasted on the wrong site can say why it
        // has no chat; the session itself is refused there (403), and nothing else answers such a page at all.
        boolean readable = allowed || request.getRequestURI().endsWith(SESSIONS);
        response.addHeader("Vary", "Origin");
        if (readable) {
            response.setHeader("Access-Control-Allow-Origin", origin);
        }
        if ("OPTIONS".equals(request.getMethod()) && request.getHeader("Access-Control-Request-Method") != null) {
            if (!readable) {
                response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                return;
            }
            response.setHeader("Access-Control-Allow-Methods", "GET, POST");
            response.setHeader("Access-Control-Allow-Headers", "Authorization, Content-Type, Last-Event-ID");
            response.setHeader("Access-Control-Max-Age", "600");
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        chain.doFilter(request, response);
    }

    private Optional<ChannelBinding> binding(String uri) {
        int start = uri.indexOf(PREFIX);
        if (start < 0) {
            return Optional.empty();
        }
        String rest = uri.substring(start + PREFIX.length());
        int slash = rest.indexOf('/');
        return bindings.resolve(WebchatBinding.CHANNEL, slash < 0 ? rest : rest.substring(0, slash));
    }

    private static boolean allows(ChannelBinding binding, String origin) {
        try {
            return WebchatBinding.settings(binding.settings()).allows(origin);
        } catch (IllegalArgumentException e) {
            return false; // settings saved before a check existed: closed until fixed
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<WebchatCors> webchatCors(ChannelBindings bindings) {
            var registration = new FilterRegistrationBean<>(new WebchatCors(bindings));
            registration.addUrlPatterns(PATHS);
            registration.setOrder(Ordered.LOWEST_PRECEDENCE - 1);
            return registration;
        }

        /** After CORS, so a refused body still carries the headers that let the widget read the refusal. */
        @Bean
        FilterRegistrationBean<JsonBodyFilter> webchatBodyFilter(Problems problems) {
            var registration =
                    new FilterRegistrationBean<>(new JsonBodyFilter(problems, WebchatRequests.MAX_BODY_BYTES));
            registration.addUrlPatterns(PATHS);
            registration.setOrder(Ordered.LOWEST_PRECEDENCE);
            return registration;
        }
    }
}
