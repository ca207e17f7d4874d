package com.assistantgateway.admin.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Jolokia runs an MBean operation from a plain GET ({@code /jolokia/exec/...}), which a link can make a signed-in
 * operator's browser send with their session cookie. Here a GET may only read (version, read, list, search); an
 * operation or a write must be a POST, which carries the CSRF token, as Hawtio sends it.
 */
class JolokiaGetFilter extends OncePerRequestFilter {

    static final String PATH = "/actuator/jolokia";
    private static final Set<String> READS = Set.of("", "version", "read", "list", "search");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !HttpMethod.GET.matches(request.getMethod()) || !(path.equals(PATH) || path.startsWith(PATH + "/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length() + PATH.length());
        // Jolokia also takes the request path in the query: ?p=/exec/...
        String command = command(request.getParameter("p") != null ? request.getParameter("p") : path);
        if (!READS.contains(command)) {
            response.setHeader("Allow", "POST");
            response.sendError(
                    HttpServletResponse.SC_METHOD_NOT_ALLOWED, "Jolokia " + command + " requests must be POSTed");
            return;
        }
        chain.doFilter(request, response);
    }

    /** The request type: the first segment of the (decoded) Jolokia path, e.g. {@code exec} of {@code /exec/a/b}. */
    static String command(String jolokiaPath) {
        String decoded = URLDecoder.decode(jolokiaPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        String trimmed = decoded.replaceAll("^/+", "");
        int slash = trimmed.indexOf('/');
        return (slash < 0 ? trimmed : trimmed.substring(0, slash))
                .toLowerCase(Locale.ROOT)
                .strip();
    }
}
