package com.assistantgateway.admin.security;

import com.assistantgateway.admin.AdminProblem;
import com.assistantgateway.admin.audit.AuditTrail;
import com.assistantgateway.routes.message.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tenant API keys for automation. A key reads {@code agw_k_<prefix>_<secret>}: the prefix finds it (and is shown in
 * lists), the whole key is stored only as its SHA-256 and shown once, at creation or rotation. A key may hold only
 * scopes its creator holds.
 */
@Service
public class ApiKeys {

    public static final String PREFIX = "agw_k_";

    private final SecurityMapper mapper;
    private final AuditTrail audit;
    private final Clock clock;

    public ApiKeys(SecurityMapper mapper, AuditTrail audit, Clock clock) {
        this.clock = clock;
        this.mapper = mapper;
        this.audit = audit;
    }

    @Transactional
    public IssuedKey create(TenantId tenantId, String name, List<String> scopes, GatewayPrincipal creator) {
        Set<Permission> permissions = parse(scopes);
        if (!creator.permissions().containsAll(permissions)) {
            throw AdminProblem.invalid("a key cannot hold scopes its creator does not have");
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            throw AdminProblem.invalid("a key needs a name of at most 200 characters");
        }
        String prefix = Tokens.hex(6);
        String key = PREFIX + prefix + "_" + Tokens.random(32);
        ApiKeyRow row = new ApiKeyRow(
                tenantId,
                UUID.randomUUID().toString(),
                name,
                prefix,
                Tokens.sha256(key),
                permissions.stream().map(Permission::scope).sorted().collect(Collectors.joining(",")),
                creator.name(),
                clock.instant(),
                null,
                null);
        mapper.insertApiKey(row);
        audit.record(
                tenantId,
                creator.name(),
                "api-key.created",
                "api-key",
                row.id(),
                audit.change(null, Map.of("name", name, "prefix", prefix, "scopes", row.scopes())));
        return new IssuedKey(ApiKeyView.of(row), key);
    }

    /** Replaces the key's secret: the old key stops working at once, the new one is shown once. */
    @Transactional
    public IssuedKey rotate(TenantId tenantId, String keyId, String actor) {
        ApiKeyRow before = mapper.apiKey(tenantId, keyId).orElseThrow(AdminProblem::notFound);
        String prefix = Tokens.hex(6);
        String key = PREFIX + prefix + "_" + Tokens.random(32);
        if (mapper.rotateApiKey(tenantId, keyId, prefix, Tokens.sha256(key)) == 0) {
            throw AdminProblem.conflict("a revoked key cannot be rotated");
        }
        audit.record(
                tenantId,
                actor,
                "api-key.rotated",
                "api-key",
                keyId,
                audit.change(Map.of("prefix", before.prefix()), Map.of("prefix", prefix)));
        return new IssuedKey(ApiKeyView.of(mapper.apiKey(tenantId, keyId).orElseThrow()), key);
    }

    @Transactional
    public void revoke(TenantId tenantId, String keyId, String actor) {
        mapper.apiKey(tenantId, keyId).orElseThrow(AdminProblem::notFound);
        if (mapper.revokeApiKey(tenantId, keyId, clock.instant()) == 0) {
            throw AdminProblem.conflict("the key is revoked already");
        }
        audit.record(tenantId, actor, "api-key.revoked", "api-key", keyId, null);
    }

    public List<ApiKeyView> list(TenantId tenantId) {
        return mapper.apiKeys(tenantId).stream().map(ApiKeyView::of).toList();
    }

    /** The principal for a presented key, if it is a live key. */
    public Optional<GatewayPrincipal> authenticate(String key) {
        if (!key.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = key.substring(PREFIX.length());
        int separator = rest.indexOf('_');
        if (separator <= 0) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return mapper.apiKeyByPrefix(rest.substring(0, separator))
                .filter(row -> row.revokedAt() == null && Tokens.sameHash(row.keySha256(), key))
                .map(row -> {
                    mapper.touchApiKey(row.tenantId(), row.id(), now);
                    return new GatewayPrincipal(
                            row.id(),
                            "api-key:" + row.prefix() + " (" + row.name() + ")",
                            null,
                            row.tenantId(),
                            parse(Arrays.asList(row.scopes().split(","))));
                });
    }

    static Set<Permission> parse(List<String> scopes) {
        if (scopes == null || scopes.isEmpty()) {
            throw AdminProblem.invalid("a key needs at least one scope, e.g. conversations:read");
        }
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        for (String scope : scopes) {
            try {
                permissions.add(Permission.fromScope(scope));
            } catch (IllegalArgumentException e) {
                throw AdminProblem.invalid(e.getMessage());
            }
        }
        return permissions;
    }

    /** A key as lists show it: prefix and scopes, never the key. */
    public record ApiKeyView(
            String id,
            String name,
            String prefix,
            List<String> scopes,
            String createdBy,
            Instant createdAt,
            Instant lastUsedAt,
            Instant revokedAt) {

        static ApiKeyView of(ApiKeyRow row) {
            return new ApiKeyView(
                    row.id(),
                    row.name(),
                    row.prefix(),
                    List.of(row.scopes().split(",")),
                    row.createdBy(),
                    row.createdAt(),
                    row.lastUsedAt(),
                    row.revokedAt());
        }
    }

    /** A key just created or rotated: the only time {@code key} is shown. */
    public record IssuedKey(ApiKeyView apiKey, String key) {}
}
