package com.assistantgateway.admin.audit;

import com.assistantgateway.routes.message.CanonicalJson;
import com.assistantgateway.routes.message.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Records admin actions and message events in the tenant's audit trail, in the caller's transaction, so an action and
 * its record commit or roll back together.
 */
@Service
public class AuditTrail {

    /** Where platform-level actions are recorded (sign-ins of platform admins, key rotation); no tenant has it. */
    public static final TenantId PLATFORM = new TenantId("platform");

    private final AuditMapper mapper;
    private final Clock clock;

    public AuditTrail(AuditMapper mapper, Clock clock) {
        this.clock = clock;
        this.mapper = mapper;
    }

    public void record(
            TenantId tenantId, String actor, String action, String targetType, String targetId, String detail) {
        mapper.insert(new AuditEvent(null, tenantId, clock.instant(), actor, action, targetType, targetId, detail));
    }

    /** The detail of a configuration change: its before and after (views, so secrets are masked). */
    public String change(Object before, Object after) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("before", before);
        detail.put("after", after);
        return CanonicalJson.write(detail);
    }

    /**
     * Masks a secret wherever the tenant's trail recorded it (as a setting, before secrets were refused there).
     * Values shorter than {@link #MIN_REDACTED} are left: masking them would mangle ordinary words.
     */
    public int redact(TenantId tenantId, String secret, String mask) {
        if (secret == null || secret.length() < MIN_REDACTED) {
            return 0;
        }
        // Details are JSON: the secret appears there escaped as a JSON string would have it.
        String written = CanonicalJson.write(secret);
        return mapper.redact(tenantId, written.substring(1, written.length() - 1), mask);
    }

    static final int MIN_REDACTED = 8;

    public List<AuditEvent> latest(TenantId tenantId, int limit) {
        return mapper.latest(tenantId, limit);
    }

    public List<AuditEvent> query(TenantId tenantId, AuditQuery query, int offset, int limit) {
        return mapper.query(tenantId, query, offset, limit);
    }

    public long count(TenantId tenantId, AuditQuery query) {
        return mapper.count(tenantId, query);
    }

    /**
     * Filters of an audit query; {@code null} matches everything.
     *
     * @param action exact action, or a prefix ending in {@code .} ({@code message.})
     */
    public record AuditQuery(String action, String actor, String targetId, Instant from, Instant to) {

        public static final AuditQuery ALL = new AuditQuery(null, null, null, null, null);

        public String actionPrefix() {
            return action != null && action.endsWith(".") ? action + "%" : null;
        }
    }
}
