package com.assistantgateway.admin.registry;

import com.assistantgateway.routes.message.AssistantId;
import java.util.Map;

/** What it takes to bind a channel's inbound key to an assistant. */
public record NewBinding(
        String id,
        AssistantId assistantId,
        String channel,
        String inboundKey,
        Map<String, String> settings,
        Map<String, String> credentials) {}
