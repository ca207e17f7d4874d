package com.assistantgateway.admin.security;

import static com.assistantgateway.admin.security.Permission.ASSISTANTS_READ;
import static com.assistantgateway.admin.security.Permission.ASSISTANTS_WRITE;
import static com.assistantgateway.admin.security.Permission.BINDINGS_READ;
import static com.assistantgateway.admin.security.Permission.CONVERSATIONS_READ;
import static com.assistantgateway.admin.security.Permission.CONVERSATIONS_WRITE;
import static com.assistantgateway.admin.security.Permission.KNOWLEDGE_READ;
import static com.assistantgateway.admin.security.Permission.KNOWLEDGE_WRITE;
import static com.assistantgateway.admin.security.Permission.REPORTS_READ;
import static com.assistantgateway.admin.security.Permission.TENANT_READ;

import java.util.EnumSet;
import java.util.Set;

/** A user's role: which permissions it grants, and whether across all tenants or within the user's own. */
public enum Role {
    /** Everything, in every tenant; creates tenants, rotates the master key, sees Hawtio. */
    PLATFORM_ADMIN(EnumSet.allOf(Permission.class)),
    /** Everything within their own tenant. */
    TENANT_ADMIN(EnumSet.allOf(Permission.class)),
    /** Assistants, knowledge and conversations of their own tenant; reads its bindings and reports. */
    AGENT_MANAGER(EnumSet.of(
            TENANT_READ,
            ASSISTANTS_READ,
            ASSISTANTS_WRITE,
            BINDINGS_READ,
            KNOWLEDGE_READ,
            KNOWLEDGE_WRITE,
            CONVERSATIONS_READ,
            CONVERSATIONS_WRITE,
            REPORTS_READ)),
    /** Reads conversations and reports of their own tenant. */
    USER(EnumSet.of(TENANT_READ, CONVERSATIONS_READ, REPORTS_READ));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = Set.copyOf(permissions);
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    public boolean isPlatform() {
        return this == PLATFORM_ADMIN;
    }
}
