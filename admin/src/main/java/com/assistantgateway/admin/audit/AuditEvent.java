package com.assistantgateway.admin.audit;

import com.assistantgateway.routes.message.TenantId;
import java.time.Instant;

/** One audited action: who did what to which target of which tenant. */
public record AuditEvent(
        Long id,
        TenantId tenantId,
        Instant occurredAt,
        String actor,
        String action,
        String targetType,
        String targetId,
        String detail) {}
