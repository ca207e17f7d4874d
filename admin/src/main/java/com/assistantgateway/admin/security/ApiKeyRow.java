package com.assistantgateway.admin.security;

import com.assistantgateway.routes.message.TenantId;
import java.time.Instant;

/** A tenant API key as stored: its public prefix and the SHA-256 of the whole key, never the key. */
public record ApiKeyRow(
        TenantId tenantId,
        String id,
        String name,
        String prefix,
        String keySha256,
        String scopes,
        String createdBy,
        Instant createdAt,
        Instant lastUsedAt,
        Instant revokedAt) {}
