package com.assistantgateway.admin.registry;

import java.time.Instant;
import java.util.List;

/** A tenant as the admin API shows it. */
public record TenantView(
        String slug,
        String name,
        String plan,
        String sector,
        List<String> locales,
        List<String> enabledChannels,
        int retentionDays,
        String status,
        Instant createdAt) {

    static TenantView of(TenantRow row) {
        return new TenantView(
                row.slug().value(),
                row.name(),
                row.plan(),
                row.sector(),
                TenantRegistry.list(row.locales()),
                TenantRegistry.list(row.enabledChannels()),
                row.retentionDays(),
                row.status(),
                row.createdAt());
    }
}
