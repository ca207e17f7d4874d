package com.assistantgateway.admin.security;

import com.assistantgateway.admin.AdminProblem;
import com.assistantgateway.admin.AdminProperties;
import com.assistantgateway.admin.audit.AuditTrail;
import com.assistantgateway.routes.message.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users: created with an Argon2id password hash, signed in by password, and by login token on the API. */
@Service
public class Users {

    static final String ACTIVE = "active";
    static final String DISABLED = "disabled";

    /** Hashed when an address is unknown, so a login takes as long whether or not the user exists. */
    private static final String DUMMY_HASH =
            Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode("not-a-password");

    private final SecurityMapper mapper;
    private final AuditTrail audit;
    private final AdminProperties properties;
    private final LoginThrottle throttle;
    private final PasswordEncoder passwords = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    private final Clock clock = Clock.systemUTC();

    public Users(SecurityMapper mapper, AuditTrail audit, AdminProperties properties, LoginThrottle throttle) {
        this.mapper = mapper;
        this.audit = audit;
        this.properties = properties;
        this.throttle = throttle;
    }

    /** Creates a user of a tenant, or a platform admin when {@code tenantId} is {@code null}. */
    @Transactional
    public UserView create(TenantId tenantId, NewUser user, String actor) {
        if (user.role().isPlatform() != (tenantId == null)) {
            throw AdminProblem.invalid("platform admins belong to no tenant; every other role belongs to one");
        }
        UserRow row = new UserRow(
                UUID.randomUUID().toString(),
                user.email().toLowerCase(Locale.ROOT),
                user.name(),
                passwords.encode(user.password()),
                user.role().name(),
                tenantId,
                ACTIVE,
                clock.instant());
        try {
            mapper.insertUser(row);
        } catch (DuplicateKeyException e) {
            throw AdminProblem.conflict("a user with this email exists");
        }
        if (tenantId != null) {
            audit.record(
                    tenantId,
                    actor,
                    "user.created",
                    "user",
                    row.id(),
                    audit.change(null, Map.of("email", row.email(), "role", row.role())));
        }
        return UserView.of(row);
    }

    /**
     * The principal for an email and password, if they match an active user.
     *
     * @throws LoginThrottled when the address failed too often lately (see {@link LoginThrottle})
     */
    public Optional<GatewayPrincipal> authenticate(String email, String password) {
        Duration pause = throttle.pause(email);
        if (!pause.isZero()) {
            throw new LoginThrottled(pause);
        }
        Optional<UserRow> user = mapper.userByEmail(email == null ? "" : email.toLowerCase(Locale.ROOT));
        String hash = user.map(UserRow::passwordHash).orElse(DUMMY_HASH);
        boolean matches = passwords.matches(password == null ? "" : password, hash);
        Optional<GatewayPrincipal> principal =
                user.filter(row -> matches && ACTIVE.equals(row.status())).map(Users::principal);
        if (principal.isPresent()) {
            throttle.succeeded(email);
        } else {
            throttle.failed(email);
        }
        return principal;
    }

    /** A login token for the API: shown once, stored as its SHA-256, valid for {@code gateway.admin.session-ttl}. */
    @Transactional
    public LoginToken issueToken(GatewayPrincipal principal) {
        String token = Tokens.LOGIN_PREFIX + Tokens.random(32);
        Instant expires = clock.instant().plus(properties.sessionTtl());
        mapper.insertToken(Tokens.sha256(token), principal.id(), expires);
        return new LoginToken(token, expires);
    }

    public Optional<GatewayPrincipal> byToken(String token) {
        return mapper.userByToken(Tokens.sha256(token), clock.instant())
                .filter(row -> ACTIVE.equals(row.status()))
                .map(Users::principal);
    }

    @Transactional
    public void revokeToken(String token) {
        mapper.deleteToken(Tokens.sha256(token), clock.instant());
    }

    public List<UserView> list(TenantId tenantId) {
        return mapper.users(tenantId).stream().map(UserView::of).toList();
    }

    /** Disables a user and ends their API sessions. */
    @Transactional
    public void disable(TenantId tenantId, String userId, String actor) {
        if (mapper.updateUserStatus(tenantId, userId, DISABLED) == 0) {
            throw AdminProblem.notFound();
        }
        mapper.deleteTokensOf(tenantId, userId);
        audit.record(
                tenantId,
                actor,
                "user.disabled",
                "user",
                userId,
                audit.change(Map.of("status", ACTIVE), Map.of("status", DISABLED)));
    }

    /** Whether any user may sign in with this address (the bootstrap admin is created only once). */
    public boolean exists(String email) {
        return mapper.userByEmail(email.toLowerCase(Locale.ROOT)).isPresent();
    }

    private static GatewayPrincipal principal(UserRow row) {
        Role role = Role.valueOf(row.role());
        return new GatewayPrincipal(row.id(), row.email(), role, row.tenantId(), role.permissions());
    }

    /** A login token and when it expires. */
    public record LoginToken(String token, Instant expiresAt) {}
}
