package com.assistantgateway.admin.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer} with a login token or a tenant API key; anything else stays anonymous.
 * A token or key of a suspended tenant is refused with a 403 that says so.
 */
public class BearerTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final Users users;
    private final ApiKeys apiKeys;
    private final SecurityConfiguration.Refusal refusal;

    public BearerTokenFilter(Users users, ApiKeys apiKeys, SecurityConfiguration.Refusal refusal) {
        this.users = users;
        this.apiKeys = apiKeys;
        this.refusal = refusal;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            String token = header.substring(BEARER.length()).trim();
            Optional<GatewayPrincipal> principal =
                    token.startsWith(ApiKeys.PREFIX) ? apiKeys.authenticate(token) : users.byToken(token);
            if (principal.isPresent()) {
                Users.Standing standing = users.standing(principal.get());
                if (standing == Users.Standing.TENANT_SUSPENDED) {
                    refusal.tenantSuspended(response);
                    return;
                }
                if (standing == Users.Standing.GOOD) {
                    SecurityContextHolder.getContext().setAuthentication(new PrincipalAuthentication(principal.get()));
                }
            }
        }
        chain.doFilter(request, response);
    }
}
