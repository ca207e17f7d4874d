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

    /** The fused retrieval score under which the assistant hands over instead of answering. */
    public String confidenceThreshold() {
        return settings.get(TenantRegistry.CONFIDENCE_THRESHOLD);
    }
}
