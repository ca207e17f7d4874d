package com.assistantgateway.admin.registry;

import java.time.Instant;
import java.util.Map;

/** An assistant as the admin API shows it: its secrets masked. */
public record AssistantView(
        String id,
        String type,
        String name,
        String sector,
        String persona,
        String prompt,
        Map<String, String> settings,
        Map<String, String> credentials,
        String status,
        Instant createdAt) {

    /** Where the tenant's customers meet this assistant (their site or app), if set. */
    public String frontendUrl() {
        return settings.get(TenantRegistry.FRONTEND_URL);
    }

    /**
     * The front end as a link the console may render: only a web page's address, whatever an older version let be
     * saved ({@code javascript:} would run in the signed-in admin's session).
     */
    public String frontendLink() {
        String url = frontendUrl();
        if (url == null) {
            return null;
        }
        String lower = url.strip().toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? url.strip() : null;
    }

    /** The fused retrieval score under which the assistant says it does not know instead of answering. */
    public String confidenceThreshold() {
        return settings.get(TenantRegistry.CONFIDENCE_THRESHOLD);
    }
}
