package com.assistantgateway.orchestrator.plugin;

import com.assistantgateway.routes.message.ChannelId;
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
 * @param endpointSettings settings holding a URL the assistant calls (its LLM): checked by the outbound guard
 * @param linkSettings settings holding a URL shown to people as a link (its front end): must be a web page's
 */
public record AssistantManifest(
        String type,
        String name,
        String version,
        String description,
        String configSchema,
        Set<String> channels,
        Set<String> endpointSettings,
        Set<String> linkSettings) {

    public static final String ALL_CHANNELS = "*";

    public AssistantManifest {
        endpointSettings = Set.copyOf(endpointSettings);
        linkSettings = Set.copyOf(linkSettings);
    }

    /** A type whose settings name no URL. */
    public AssistantManifest(
            String type, String name, String version, String description, String configSchema, Set<String> channels) {
        this(type, name, version, description, configSchema, channels, Set.of(), Set.of());
    }

    public boolean supports(ChannelId channel) {
        return channels.contains(ALL_CHANNELS) || channels.contains(channel.value());
    }
}
