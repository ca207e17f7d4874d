package com.assistantgateway.admin.security;

import com.assistantgateway.admin.AdminProblem;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Three doors. The admin API ({@code /api/**}) is stateless: bearer login tokens or tenant API keys, no cookies, so
 * no CSRF. Channels, health and the OpenAPI document are open (channels authenticate each request themselves). The
 * console, Hawtio, Jolokia and the other actuator endpoints use a form-login session with CSRF protection; Hawtio,
 * Jolokia and metrics are for platform admins only.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    public static final String LOGIN_PAGE = "/console/login";

    @Bean
    AuthenticationManager authenticationManager(PasswordAuthenticationProvider passwords) {
        return new ProviderManager(passwords);
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, Users users, ApiKeys apiKeys, ObjectMapper json) throws Exception {
        return http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new BearerTokenFilter(users, apiKeys), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        // A streamed response (the audit export) finishes on an async dispatch, checked already.
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
                        .permitAll()
                        .requestMatchers("/api/v1/auth/login")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, e) -> problem(
                                json,
                                response,
                                HttpStatus.UNAUTHORIZED,
                                "unauthorized",
                                "Sign in or present an API key."))
                        .accessDeniedHandler((request, response, e) ->
                                problem(json, response, HttpStatus.FORBIDDEN, "forbidden", "Not allowed.")))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain open(HttpSecurity http) throws Exception {
        return http.securityMatcher(
                        "/channels/**", "/actuator/health/**", "/actuator/health", "/v3/api-docs/**", "/error")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain console(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(
                        auth -> auth.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
                                .permitAll()
                                .requestMatchers(LOGIN_PAGE, "/console/assets/**")
                                .permitAll()
                                .requestMatchers("/actuator/**")
                                .hasRole(PrincipalAuthentication.PLATFORM_ADMIN)
                                .anyRequest()
                                .authenticated())
                .formLogin(form -> form.loginPage(LOGIN_PAGE)
                        .usernameParameter("email")
                        .defaultSuccessUrl("/console", false)
                        .failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath()
                                + LOGIN_PAGE
                                + (e instanceof LoginThrottled ? "?throttled" : "?error")))
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/console/logout").logoutSuccessUrl(LOGIN_PAGE + "?signed-out"))
                // Hawtio reads the token from the XSRF-TOKEN cookie and sends it back as a header; forms post it.
                .csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()))
                .addFilterAfter(new CsrfCookieFilter(), AnonymousAuthenticationFilter.class)
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
                .build();
    }

    private static void problem(
            ObjectMapper json, HttpServletResponse response, HttpStatus status, String type, String detail)
            throws IOException {
        ProblemDetail problem = AdminProblem.problem(status, type, status.getReasonPhrase(), detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    /** Loads the deferred CSRF token on every request, so the cookie exists before Hawtio's first POST. */
    static final class CsrfCookieFilter extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
            if (token != null) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
    }
}
