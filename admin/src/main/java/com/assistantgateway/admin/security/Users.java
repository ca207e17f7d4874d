package com.assistantgateway.admin.security;

import com.assistantgateway.admin.AdminProblem;
import com.assistantgateway.admin.AdminProperties;
import com.assistantgateway.admin.audit.AuditTrail;
import com.assistantgateway.admin.registry.TenantRegistry;
import com.assistantgateway.admin.registry.TenantRow;
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
    private final TenantRegistry tenants;
    private final PasswordEncoder passwords = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    private final Clock clock;

    public Users(
            SecurityMapper mapper,
            AuditTrail audit,
            AdminProperties properties,
            LoginThrottle throttle,
            TenantRegistry tenants,
            Clock clock) {
        this.clock = clock;
        this.mapper = mapper;
        this.audit = audit;
        this.properties = properties;
        this.throttle = throttle;
        this.tenants = tenants;
    }

    /**
     * Invites a user to a tenant. Nobody grants more than they hold: the creator, user or API key, must hold every
     * permission of the role given.
     */
    @Transactional
    public UserView create(TenantId tenantId, NewUser user, GatewayPrincipal creator) {
        requireMayGrant(creator, user.role());
        return seed(tenantId, user, creator.name());
    }

    /**
     * Creates a user on the platform's own behalf (the bootstrap admin, the demo's accounts, a new tenant's first
     * admin), or a platform admin when {@code tenantId} is {@code null}.
     */
    @Transactional
    public UserView seed(TenantId tenantId, NewUser user, String actor) {
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
            if (!tenantActive(principal.get())) {
                throw new TenantSuspended();
            }
        } else {
            throttle.failed(email);
        }
        return principal;
    }

    /** Whether a principal authenticated earlier may still act as it did then. */
    public enum Standing {
        GOOD,
        /** Its user was disabled, deleted or given another role since: its session is over. */
        ENDED,
        /** Its tenant is suspended: nothing of it is served, to anyone but platform admins. */
        TENANT_SUSPENDED
    }

    /**
     * Checked on every request of a session: a user disabled or given another role since signing in, or one whose
     * tenant was suspended meanwhile, stops acting at once, whatever session or token they hold.
     */
    public Standing standing(GatewayPrincipal principal) {
        if (principal.role() != null) {
            Optional<UserRow> now = mapper.userByEmail(principal.name().toLowerCase(Locale.ROOT))
                    .filter(row -> row.id().equals(principal.id())
                            && ACTIVE.equals(row.status())
                            && row.role().equals(principal.role().name()));
            if (now.isEmpty()) {
                return Standing.ENDED;
            }
        }
        return tenantActive(principal) ? Standing.GOOD : Standing.TENANT_SUSPENDED;
    }

    private boolean tenantActive(GatewayPrincipal principal) {
        return principal.tenantId() == null
                || tenants.tenant(principal.tenantId()).map(TenantRow::active).orElse(false);
    }

    private static void requireMayGrant(GatewayPrincipal actor, Role role) {
        if (!actor.permissions().containsAll(role.permissions())) {
            throw AdminProblem.forbidden(
                    "every permission of the role " + role.name() + " (nobody grants more than" + " they hold)");
        }
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

    /**
     * Disables a user: every API token of theirs is deleted and their console sessions end on their next request.
     * Only someone holding everything the user's role holds may, and a tenant keeps one active tenant admin.
     */
    @Transactional
    public void disable(TenantId tenantId, String userId, GatewayPrincipal actor) {
        UserRow user = mapper.user(tenantId, userId).orElseThrow(AdminProblem::notFound);
        Role role = Role.valueOf(user.role());
        requireMayGrant(actor, role);
        if (role == Role.TENANT_ADMIN && ACTIVE.equals(user.status())) {
            requireAnotherAdmin(tenantId);
        }
        mapper.updateUserStatus(tenantId, userId, DISABLED);
        mapper.deleteTokensOf(tenantId, userId);
        audit.record(
                tenantId,
                actor.name(),
                "user.disabled",
                "user",
                userId,
                audit.change(Map.of("status", user.status()), Map.of("status", DISABLED)));
    }

    /**
     * Gives a user another role; their tokens and sessions end at once, so the new role applies from their next
     * sign-in. The actor must hold everything both the old and the new role hold.
     */
    @Transactional
    public UserView changeRole(TenantId tenantId, String userId, Role role, GatewayPrincipal actor) {
        UserRow user = mapper.user(tenantId, userId).orElseThrow(AdminProblem::notFound);
        Role before = Role.valueOf(user.role());
        if (role.isPlatform()) {
            throw AdminProblem.invalid("platform admins belong to no tenant");
        }
        requireMayGrant(actor, before);
        requireMayGrant(actor, role);
        if (before == role) {
            return UserView.of(user);
        }
        if (before == Role.TENANT_ADMIN && ACTIVE.equals(user.status())) {
            requireAnotherAdmin(tenantId);
        }
        mapper.updateUserRole(tenantId, userId, role.name());
        mapper.deleteTokensOf(tenantId, userId);
        audit.record(
                tenantId,
                actor.name(),
                "user.role-changed",
                "user",
                userId,
                audit.change(Map.of("role", before.name()), Map.of("role", role.name())));
        return UserView.of(mapper.user(tenantId, userId).orElseThrow());
    }

    private void requireAnotherAdmin(TenantId tenantId) {
        if (mapper.countActive(tenantId, Role.TENANT_ADMIN.name()) <= 1) {
            throw AdminProblem.conflict("a tenant keeps at least one active tenant admin");
        }
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
