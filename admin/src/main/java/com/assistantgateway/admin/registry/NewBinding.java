package com.assistantgateway.admin.registry;

import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.BindingId;
import com.assistantgateway.routes.message.ChannelId;
import java.util.Map;
import java.util.Objects;

/** What it takes to bind a channel's inbound key to an assistant. */
public record NewBinding(
        BindingId id,
        AssistantId assistantId,
        ChannelId channel,
        String inboundKey,
        Map<String, String> settings,
        Map<String, String> credentials) {

    public NewBinding {
        Objects.requireNonNull(id, "id");
        if (inboundKey == null || inboundKey.isBlank()) {
            throw new IllegalArgumentException("a binding needs an inbound key");
        }
    }
}
