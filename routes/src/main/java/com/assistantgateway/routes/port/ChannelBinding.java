package com.assistantgateway.routes.port;

import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.BindingId;
import com.assistantgateway.routes.message.ChannelId;
import com.assistantgateway.routes.message.TenantId;
import java.util.Map;
import java.util.Optional;

/**
 * Connects a channel's inbound address or key to one tenant's assistant.
 *
 * @param id the binding's id within its tenant
 * @param tenantId the tenant that owns it
 * @param assistantId the assistant that answers what arrives on it
 * @param channel the channel type ({@code webhook}, ...)
 * @param inboundKey the address or key the channel receives on, unique per channel
 * @param settings channel settings, e.g. {@code callbackUrl}
 * @param credentials channel credentials; never logged, never returned by any API
 */
public record ChannelBinding(
        BindingId id,
        TenantId tenantId,
        AssistantId assistantId,
        ChannelId channel,
        String inboundKey,
        Map<String, String> settings,
        Map<String, String> credentials) {

    public ChannelBinding {
        settings = settings == null ? Map.of() : Map.copyOf(settings);
        credentials = credentials == null ? Map.of() : Map.copyOf(credentials);
    }

    public Optional<String> setting(String name) {
        return Optional.ofNullable(settings.get(name)).filter(v -> !v.isBlank());
    }

    public Optional<String> credential(String name) {
        return Optional.ofNullable(credentials.get(name)).filter(v -> !v.isBlank());
    }

    @Override
    public String toString() {
        return "ChannelBinding[" + tenantId + "/" + id + " " + channel + ":" + inboundKey + "]";
    }
}
