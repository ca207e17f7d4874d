package com.assistantgateway.admin.security;

import java.time.Instant;

/** A user as the API shows it: no password hash. */
public record UserView(
        String id, String email, String name, Role role, String tenant, String status, Instant createdAt) {

    static UserView of(UserRow row) {
        return new UserView(
                row.id(),
                row.email(),
                row.name(),
                Role.valueOf(row.role()),
                row.tenantId() == null ? null : row.tenantId().value(),
                row.status(),
                row.createdAt());
    }
}
