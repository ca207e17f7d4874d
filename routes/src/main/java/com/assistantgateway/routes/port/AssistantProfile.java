package com.assistantgateway.routes.port;

import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.TenantId;
import java.util.Map;
import java.util.Optional;

/**
 * How a tenant configured one assistant.
 *
 * @param tenantId owner
 * @param id the assistant's id
 * @param type the plugin type that runs it ({@code support}, {@code echo}, ...)
 * @param name display name
 * @param persona tone and persona for generated answers
 * @param prompt extra instructions for generated answers
 * @param settings model and retrieval settings, validated against the plugin's config schema
 * @param credentials the assistant's own secrets (its LLM key), opened from their sealed column; never logged
 */
public record AssistantProfile(
        TenantId tenantId,
        AssistantId id,
        String type,
        String name,
        String persona,
        String prompt,
        Map<String, String> settings,
        Map<String, String> credentials) {

    public AssistantProfile {
        settings = settings == null ? Map.of() : Map.copyOf(settings);
        credentials = credentials == null ? Map.of() : Map.copyOf(credentials);
    }

    /** An assistant without secrets of its own. */
    public AssistantProfile(
            TenantId tenantId,
            AssistantId id,
            String type,
            String name,
            String persona,
            String prompt,
            Map<String, String> settings) {
        this(tenantId, id, type, name, persona, prompt, settings, Map.of());
    }

    public Optional<String> setting(String key) {
        return Optional.ofNullable(settings.get(key)).filter(v -> !v.isBlank());
    }

    public Optional<String> credential(String key) {
        return Optional.ofNullable(credentials.get(key)).filter(v -> !v.isBlank());
    }

    @Override
    public String toString() {
        return "AssistantProfile[" + tenantId + "/" + id + " " + type + ", settings=" + settings + ", credentials="
                + credentials.keySet() + "]";
    }
}
