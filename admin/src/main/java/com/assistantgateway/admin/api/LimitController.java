package com.assistantgateway.admin.api;

import com.assistantgateway.admin.limits.BucketInboundLimits;
import com.assistantgateway.admin.limits.TenantLimits;
import com.assistantgateway.admin.security.Permission;
import com.assistantgateway.admin.security.TenantAccess;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.InboundLimits.Usage;
import jakarta.validation.Valid;
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

    public LimitController(BucketInboundLimits limits, TenantAccess access) {
        this.limits = limits;
        this.access = access;
    }

    @GetMapping
    public Usage usage(@PathVariable String tenant) {
        return limits.usage(access.require(tenant, Permission.TENANT_READ));
    }

    @PutMapping
    public Usage throttle(@PathVariable String tenant, @Valid @RequestBody TenantLimits body) {
        TenantId tenantId = access.require(tenant, Permission.TENANT_READ);
        return limits.set(tenantId, body, access.requirePlatformAdmin().name());
    }

    /** Back to the plan's limits. */
    @DeleteMapping
    public Usage followPlan(@PathVariable String tenant) {
        TenantId tenantId = access.require(tenant, Permission.TENANT_READ);
        return limits.set(tenantId, null, access.requirePlatformAdmin().name());
    }
}
