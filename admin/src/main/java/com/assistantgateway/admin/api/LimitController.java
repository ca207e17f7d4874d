package com.assistantgateway.admin.api;

import com.assistantgateway.admin.audit.AuditTrail;
import com.assistantgateway.admin.limits.BucketInboundLimits;
import com.assistantgateway.admin.limits.TenantLimits;
import com.assistantgateway.admin.security.GatewayPrincipal;
import com.assistantgateway.admin.security.Permission;
import com.assistantgateway.admin.security.TenantAccess;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.InboundLimits.Usage;
import jakarta.validation.Valid;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A tenant's rate limits: what applies and what is left (its admins may look), and the platform's throttle, which
 * replaces the plan's limits for one tenant, live, on every instance.
 */
@RestController
@RequestMapping("/api/v1/tenants/{tenant}/limits")
public class LimitController {

    private final BucketInboundLimits limits;
    private final TenantAccess access;
    private final AuditTrail audit;

    public LimitController(BucketInboundLimits limits, TenantAccess access, AuditTrail audit) {
        this.limits = limits;
        this.access = access;
        this.audit = audit;
    }

    @GetMapping
    public Usage usage(@PathVariable String tenant) {
        return limits.usage(access.require(tenant, Permission.TENANT_READ));
    }

    @PutMapping
    @Transactional
    public Usage throttle(@PathVariable String tenant, @Valid @RequestBody TenantLimits body) {
        TenantId tenantId = access.require(tenant, Permission.TENANT_READ);
        GatewayPrincipal principal = access.requirePlatformAdmin();
        Usage before = limits.usage(tenantId);
        limits.set(tenantId, body);
        audit.record(tenantId, principal.name(), "limits.set", "tenant", tenantId.value(), audit.change(before, body));
        return limits.usage(tenantId);
    }

    /** Back to the plan's limits. */
    @DeleteMapping
    @Transactional
    public Usage followPlan(@PathVariable String tenant) {
        TenantId tenantId = access.require(tenant, Permission.TENANT_READ);
        GatewayPrincipal principal = access.requirePlatformAdmin();
        Usage before = limits.usage(tenantId);
        limits.set(tenantId, null);
        audit.record(
                tenantId, principal.name(), "limits.reset", "tenant", tenantId.value(), audit.change(before, null));
        return limits.usage(tenantId);
    }
}
