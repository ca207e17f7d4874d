package com.assistantgateway.admin.registry;

import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.TenantId;
import java.time.Instant;

/** A row of {@code channel_bindings}; settings are a JSON object of strings, credentials its sealed JSON. */
public record BindingRow(
        TenantId tenantId,
        String id,
        AssistantId assistantId,
        String channel,
        String inboundKey,
        String settings,
        String credentials,
        String status,
        Instant createdAt) {}
