package com.assistantgateway.admin.registry;

import com.assistantgateway.routes.message.TenantId;
import java.time.Instant;

/**
 * A row of {@code tenants}. {@code locales} and {@code enabledChannels} are comma-separated lists; conversations older
 * than {@code retentionDays} are purged.
 */
public record TenantRow(
        TenantId slug,
        String name,
        String plan,
        String sector,
        String locales,
        String enabledChannels,
        int retentionDays,
        String status,
        Instant createdAt) {

    /** Serving its users and channels; a suspended tenant is not. */
    public boolean active() {
        return TenantRegistry.ACTIVE.equals(status);
    }
}
