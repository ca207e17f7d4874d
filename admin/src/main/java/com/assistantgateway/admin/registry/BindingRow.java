package com.assistantgateway.admin.registry;

import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.BindingId;
import com.assistantgateway.routes.message.ChannelId;
import com.assistantgateway.routes.message.TenantId;
import java.time.Instant;

/** A row of {@code channel_bindings}; settings are a JSON object of strings, credentials its sealed JSON. */
public record BindingRow(
        TenantId tenantId,
        BindingId id,
        AssistantId assistantId,
        ChannelId channel,
        String inboundKey,
        String settings,
        String credentials,
        String status,
        Instant createdAt) {}
