package com.assistantgateway.admin.security;

import java.util.Locale;

/** One thing a principal may do within a tenant. API key scopes are these, written {@code assistants:write}. */
public enum Permission {
    TENANT_READ,
    TENANT_WRITE,
    ASSISTANTS_READ,
    ASSISTANTS_WRITE,
    BINDINGS_READ,
    BINDINGS_WRITE,
    KNOWLEDGE_READ,
    KNOWLEDGE_WRITE,
    CONVERSATIONS_READ,
    CONVERSATIONS_WRITE,
    REPORTS_READ,
    DEAD_LETTERS_READ,
    DEAD_LETTERS_WRITE,
    AUDIT_READ,
    USERS_MANAGE,
    KEYS_MANAGE,
    PRIVACY_MANAGE;

    /** The scope spelling: {@code ASSISTANTS_WRITE} is {@code assistants:write}. */
    public String scope() {
        String name = name().toLowerCase(Locale.ROOT);
        int last = name.lastIndexOf('_');
        return name.substring(0, last).replace('_', '-') + ":" + name.substring(last + 1);
    }

    public static Permission fromScope(String scope) {
        for (Permission permission : values()) {
            if (permission.scope().equals(scope.trim())) {
                return permission;
            }
        }
        throw new IllegalArgumentException("unknown scope '" + scope + "'");
    }
}
