package com.assistantgateway.orchestrator.plugin;

import java.util.Set;

/**
 * Describes an assistant type.
 *
 * @param type the id tenants configure assistants with ({@code support}, {@code echo})
 * @param name display name
 * @param version the plugin's version
 * @param description one line for the console
 * @param configSchema JSON Schema of the assistant's settings
 * @param channels the channels it can answer on; {@code "*"} for all
 */
public record AssistantManifest(
        String type, String name, String version, String description, String configSchema, Set<String> channels) {

    public static final String ALL_CHANNELS = "*";

    public boolean supports(String channel) {
        return channels.contains(ALL_CHANNELS) || channels.contains(channel);
    }
}
