package com.assistantgateway.admin.registry;

import com.assistantgateway.routes.message.AssistantId;
import java.util.Map;
import java.util.regex.Pattern;

/** What it takes to bind a channel's inbound key to an assistant. */
public record NewBinding(
        String id,
        AssistantId assistantId,
        String channel,
        String inboundKey,
        Map<String, String> settings,
        Map<String, String> credentials) {

    /** Binding ids appear in route ids and JMS selectors: letters, digits and {@code - _ .} only. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public NewBinding {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("binding id must be 1 to 64 letters, digits or . _ - characters");
        }
        if (inboundKey == null || inboundKey.isBlank()) {
            throw new IllegalArgumentException("a binding needs an inbound key");
        }
    }
}
