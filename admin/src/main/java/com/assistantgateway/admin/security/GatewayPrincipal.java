package com.assistantgateway.admin.security;

import com.assistantgateway.routes.message.TenantId;
import java.io.Serializable;
import java.util.Set;

/**
 * Who is calling: a user (with a role) or a tenant API key (with scopes). {@code tenantId} is {@code null} only for
 * platform admins. {@code name} is what the audit trail records as the actor.
 */
public record GatewayPrincipal(String id, String name, Role role, TenantId tenantId, Set<Permission> permissions)
        implements Serializable {

    public GatewayPrincipal {
        permissions = Set.copyOf(permissions);
    }

    public boolean isPlatformAdmin() {
        return role == Role.PLATFORM_ADMIN;
    }

    /** Whether this principal belongs to the tenant (platform admins belong to every tenant). */
    public boolean reaches(TenantId tenant) {
        return isPlatformAdmin() || tenant.equals(tenantId);
    }

    public boolean may(Permission permission) {
        return permissions.contains(permission);
    }

    @Override
    public String toString() {
        return name;
    }
}
