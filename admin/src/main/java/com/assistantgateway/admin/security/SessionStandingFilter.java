package com.assistantgateway.admin.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A console (or Hawtio) session acts only while its user does: disabled, deleted or given another role since signing
 * in, or their tenant suspended, and the session ends on its next request, which goes to the sign-in page saying why.
 */
class SessionStandingFilter extends OncePerRequestFilter {

    private final Users users;

    SessionStandingFilter(Users users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof PrincipalAuthentication signedIn) {
            Users.Standing standing = users.standing(signedIn.getPrincipal());
            if (standing != Users.Standing.GOOD) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                String reason = standing == Users.Standing.TENANT_SUSPENDED ? "suspended" : "ended";
                response.sendRedirect(request.getContextPath() + SecurityConfiguration.LOGIN_PAGE + "?" + reason);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
