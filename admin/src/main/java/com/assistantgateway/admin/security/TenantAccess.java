package com.assistantgateway.admin.security;

import com.assistantgateway.admin.AdminProblem;
import com.assistantgateway.admin.registry.TenantRegistry;
import com.assistantgateway.routes.message.TenantId;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The one check every tenant-scoped endpoint makes, before it reads anything: a tenant the caller does not belong to
 * is "not found", exactly like a tenant that does not exist, so no id of another tenant can be probed; a permission
 * the caller lacks within their own tenant is "forbidden".
 */
@Component
public class TenantAccess {

    private final TenantRegistry tenants;

    public TenantAccess(TenantRegistry tenants) {
        this.tenants = tenants;
    }

    /** The tenant named in the path, once the current principal may act on it with this permission. */
    public TenantId require(String tenantSlug, Permission permission) {
        GatewayPrincipal principal = current();
        if (!TenantId.isValid(tenantSlug)) {
            throw AdminProblem.notFound();
        }
        TenantId tenantId = new TenantId(tenantSlug);
        if (!principal.reaches(tenantId) || tenants.tenant(tenantId).isEmpty()) {
            throw AdminProblem.notFound();
        }
        if (!principal.may(permission)) {
            throw AdminProblem.forbidden(permission.scope());
        }
        return tenantId;
    }

    /** Platform-level actions: creating tenants, rotating the master key. */
    public GatewayPrincipal requirePlatformAdmin() {
        GatewayPrincipal principal = current();
        if (!principal.isPlatformAdmin()) {
            throw AdminProblem.forbidden("platform-admin");
        }
        return principal;
    }

    public static GatewayPrincipal current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof GatewayPrincipal principal) {
            return principal;
        }
        throw new IllegalStateException("no authenticated gateway principal; the security filter chain must run first");
    }
}
