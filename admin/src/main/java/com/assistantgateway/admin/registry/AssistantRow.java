package com.assistantgateway.admin.registry;

import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.TenantId;
import java.time.Instant;

/** A row of {@code assistants}; {@code modelSettings} is a JSON object of strings. */
public record AssistantRow(
        TenantId tenantId,
        AssistantId id,
        String type,
        String name,
        String persona,
        String prompt,
        String modelSettings,
        String status,
        Instant createdAt) {}
