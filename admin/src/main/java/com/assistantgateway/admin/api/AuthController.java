package com.assistantgateway.admin.api;

import com.assistantgateway.admin.AdminProblem;
import com.assistantgateway.admin.audit.AuditTrail;
import com.assistantgateway.admin.security.GatewayPrincipal;
import com.assistantgateway.admin.security.LoginThrottled;
import com.assistantgateway.admin.security.Permission;
import com.assistantgateway.admin.security.TenantAccess;
import com.assistantgateway.admin.security.TenantSuspended;
import com.assistantgateway.admin.security.Users;
import com.assistantgateway.admin.security.Users.LoginToken;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Sign in for a bearer token, sign out, and who am I. */
@RestController
@RequestMapping("/api/v1")
public class AuthController {

    private final Users users;
    private final AuditTrail audit;

    public AuthController(Users users, AuditTrail audit) {
        this.users = users;
        this.audit = audit;
    }

    @PostMapping("/auth/login")
    @Transactional
    public ResponseEntity<?> login(@Valid @RequestBody Login login) {
        Optional<GatewayPrincipal> signedIn;
        try {
            signedIn = users.authenticate(login.email(), login.password());
        } catch (TenantSuspended suspended) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN)
                    .body(AdminProblem.problem(
                            HttpStatus.FORBIDDEN, "tenant-suspended", "Tenant suspended", suspended.getMessage()));
        } catch (LoginThrottled throttled) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(
                            HttpHeaders.RETRY_AFTER,
                            Long.toString(Math.max(1, throttled.retryAfter().toSeconds())))
                    .body(AdminProblem.problem(
                            HttpStatus.TOO_MANY_REQUESTS,
                            "login-throttled",
                            "Too many sign-ins",
                            throttled.getMessage()));
        }
        return signedIn.<ResponseEntity<?>>map(principal -> {
                    LoginToken token = users.issueToken(principal);
                    audit.record(
                            principal.tenantId() == null ? AuditTrail.PLATFORM : principal.tenantId(),
                            principal.name(),
                            "user.signed-in",
                            "user",
                            principal.id(),
                            null);
                    return ResponseEntity.ok(new Session(token.token(), token.expiresAt(), Me.of(principal)));
                })
                .orElseGet(() -> ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                        .body(AdminProblem.problem(
                                HttpStatus.UNAUTHORIZED,
                                "login-failed",
                                "Sign-in failed",
                                "Wrong email or password.")));
    }

    @PostMapping("/auth/logout")
    @Transactional
    public ResponseEntity<Void> logout(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
        GatewayPrincipal principal = TenantAccess.current();
        users.revokeToken(authorization.substring("Bearer ".length()).trim());
        audit.record(
                principal.tenantId() == null ? AuditTrail.PLATFORM : principal.tenantId(),
                principal.name(),
                "user.signed-out",
                "user",
                principal.id(),
                null);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/me")
    public Me me() {
        return Me.of(TenantAccess.current());
    }

    public record Login(@NotBlank String email, @NotBlank String password) {

        @Override
        public String toString() {
            return "Login[" + email + "]";
        }
    }

    public record Session(String token, Instant expiresAt, Me user) {}

    /** The caller: a user's role, or an API key's scopes; {@code tenant} is null for platform admins. */
    public record Me(String name, String role, String tenant, List<String> permissions) {
        static Me of(GatewayPrincipal principal) {
            return new Me(
                    principal.name(),
                    principal.role() == null ? "api-key" : principal.role().name(),
                    principal.tenantId() == null ? null : principal.tenantId().value(),
                    principal.permissions().stream()
                            .map(Permission::scope)
                            .sorted()
                            .toList());
        }
    }
}
