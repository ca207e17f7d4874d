package com.assistantgateway.admin.security;

import com.assistantgateway.routes.message.TenantId;
import java.time.Instant;

/** A user as stored; {@code passwordHash} never leaves this package. */
public record UserRow(
        String id,
        String email,
        String name,
        String passwordHash,
        String role,
        TenantId tenantId,
        String status,
        Instant createdAt) {}
