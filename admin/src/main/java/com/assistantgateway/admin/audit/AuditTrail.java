package com.assistantgateway.admin.audit;

import com.assistantgateway.routes.message.TenantId;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;

/** Records admin actions and message events in the tenant's audit trail, in the caller's transaction. */
@Service
public class AuditTrail {

    private final AuditMapper mapper;
    private final Clock clock = Clock.systemUTC();

    public AuditTrail(AuditMapper mapper) {
        this.mapper = mapper;
    }

    public void record(
            TenantId tenantId, String actor, String action, String targetType, String targetId, String detail) {
        mapper.insert(new AuditEvent(null, tenantId, clock.instant(), actor, action, targetType, targetId, detail));
    }

    public List<AuditEvent> latest(TenantId tenantId, int limit) {
        return mapper.latest(tenantId, limit);
    }
}
