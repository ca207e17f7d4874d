package com.assistantgateway.admin.registry;

import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.TenantId;
import java.time.Instant;

/**
 * A row of {@code assistants}; {@code modelSettings} is a JSON object of strings, {@code credentials} the sealed
 * JSON of its secrets (its own LLM key).
 */
public record AssistantRow(
        TenantId tenantId,
        AssistantId id,
        String type,
        String name,
        String sector,
        String persona,
        String prompt,
        String modelSettings,
        String credentials,
        String status,
        Instant createdAt) {}
