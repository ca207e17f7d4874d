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
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Three doors. The admin API ({@code /api/**}) is stateless: bearer login tokens or tenant API keys, no cookies, so
 * no CSRF. Channels and the OpenAPI document are open (channels authenticate each request themselves). The console,
 * Hawtio, Jolokia and the actuator endpoints use a form-login session with CSRF protection; Hawtio, Jolokia and
 * metrics are for platform admins only; health is open, its details shown to platform admins only. Every request of a session or token is checked against its
 * user's and tenant's standing now ({@link Users#standing}); pages are served with a Content-Security-Policy that
 * runs no inline script, and a referrer policy that keeps console addresses in the console.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    public static final String LOGIN_PAGE = "/console/login";

    /** The console: its own scripts and styles only, no inline script, nothing framed elsewhere. */
    static final String CONSOLE_POLICY =
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                    + " object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'";
    /** Hawtio's own bundle sets styles at run time; it still runs no inline or foreign script. */
    static final String HAWTIO_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; font-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self';"
            + " frame-ancestors 'self'";
    /** JSON and problem documents: nothing in them may load or run anything. */
    static final String DATA_POLICY = "default-src 'none'; frame-ancestors 'none'";

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
                .headers(SecurityConfiguration::dataHeaders)
                .addFilterBefore(
                        new BearerTokenFilter(users, apiKeys, new Refusal(json)), AnonymousAuthenticationFilter.class)
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

    /**
     * Open to anyone: nothing here reads a session or an identity, so nothing but the response headers is left of the
     * chain (every channel request passes it, twice with the async dispatch).
     */
    @Bean
    @Order(2)
    SecurityFilterChain open(HttpSecurity http) throws Exception {
        return headersOnly(http.securityMatcher("/channels/**", "/v3/api-docs/**", "/error"))
                .headers(SecurityConfiguration::dataHeaders)
                .build();
    }

    /**
     * Web chat's public pages and scripts: the widget loaded into tenants' sites, and each assistant's hosted chat
     * page, which sets its own framing policy (the binding's allowed origins) and so gets no frame options here.
     */
    @Bean
    @Order(2)
    SecurityFilterChain webchatPages(HttpSecurity http) throws Exception {
        return headersOnly(http.securityMatcher("/widget/**", "/chat/**"))
                .headers(headers ->
                        headers.frameOptions(frame -> frame.disable()).cacheControl(cache -> cache.disable()))
                .build();
    }

    /**
     * No Micrometer observation per filter and per authorization check: they cost a tenth of a channel request's CPU
     * and tell operators nothing the request metrics ({@code http.server.requests}) do not.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @Order(3)
    SecurityFilterChain console(HttpSecurity http, Users users) throws Exception {
        return http.authorizeHttpRequests(
                        auth -> auth.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
                                .permitAll()
                                .requestMatchers(LOGIN_PAGE, "/console/assets/**")
                                .permitAll()
                                // Open to probes; its details only to a platform admin's session.
                                .requestMatchers("/actuator/health", "/actuator/health/**")
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
                                + (e instanceof LoginThrottled
                                        ? "?throttled"
                                        : e instanceof TenantSuspended ? "?suspended" : "?error")))
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/console/logout").logoutSuccessUrl(LOGIN_PAGE + "?signed-out"))
                // Hawtio reads the token from the XSRF-TOKEN cookie and sends it back as a header; forms post it.
                .csrf(csrf -> csrf.csrfTokenRepository(csrfCookie())
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()))
                .addFilterAfter(new CsrfCookieFilter(), AnonymousAuthenticationFilter.class)
                .addFilterBefore(new SessionStandingFilter(users), AuthorizationFilter.class)
                .addFilterBefore(new JolokiaGetFilter(), AuthorizationFilter.class)
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                hawtio(), new StaticHeadersWriter(CSP, HAWTIO_POLICY)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new NegatedRequestMatcher(hawtio()), new StaticHeadersWriter(CSP, CONSOLE_POLICY))))
                .build();
    }

    /** A chain for public paths: no session, identity or CSRF, nothing but the response headers it writes. */
    private static HttpSecurity headersOnly(HttpSecurity http) throws Exception {
        return http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.disable())
                .securityContext(context -> context.disable())
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> anonymous.disable())
                .logout(logout -> logout.disable())
                .exceptionHandling(errors -> errors.disable())
                .servletApi(servletApi -> servletApi.disable());
    }

    private static final String CSP = "Content-Security-Policy";

    private static RequestMatcher hawtio() {
        return PathPatternRequestMatcher.withDefaults().matcher("/actuator/hawtio/**");
    }

    /** Hawtio reads the token from this cookie; same-site, like the session cookie (server.servlet.session.cookie). */
    private static CookieCsrfTokenRepository csrfCookie() {
        CookieCsrfTokenRepository repository = CookieCsrfTokenRepository.withHttpOnlyFalse();
        repository.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        return repository;
    }

    private static void dataHeaders(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(DATA_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER));
    }

    /** How a refused request is answered on the API: a problem document. */
    static final class Refusal {
        private final ObjectMapper json;

        Refusal(ObjectMapper json) {
            this.json = json;
        }

        void tenantSuspended(HttpServletResponse response) throws IOException {
            problem(json, response, HttpStatus.FORBIDDEN, "tenant-suspended", new TenantSuspended().getMessage());
        }
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
