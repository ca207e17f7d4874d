package com.assistantgateway.routes.port;

import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.ChannelId;
import com.assistantgateway.routes.message.TenantId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A channel as the rest of the gateway sees it, declared once in the channel's own package: its name, where
 * customers reach a binding of it, which of a binding's settings name places the gateway connects to, and what else
 * it requires of a binding's settings.
 */
public interface ChannelType {

    /** The id bindings and messages carry: {@code webhook}, {@code email}, {@code sms} ... */
    ChannelId id();

    /** Where customers (a mailbox, a number) or providers (a webhook URL) reach a binding with this inbound key. */
    String inboundAddress(String publicBaseUrl, String inboundKey);

    /** Settings that make the gateway connect somewhere; each is checked when saved and on every connection. */
    default List<OutboundSetting> outboundSettings() {
        return List.of();
    }

    /**
     * The path of a script that shows this channel on a web page given a binding's inbound key as {@code
     * data-binding} (the web chat's loader): the console previews such bindings with it. Empty for other channels.
     */
    default Optional<String> embedScript() {
        return Optional.empty();
    }

    /**
     * The path of the page the gateway itself serves for an assistant bound to this channel (the web chat's hosted
     * page): its front end when the tenant has none of its own. Empty for other channels.
     */
    default Optional<String> hostedPage(TenantId tenant, AssistantId assistant) {
        return Optional.empty();
    }

    /**
     * The path under which a provider pushes this channel's traffic from its own shared addresses (Twilio's webhooks),
     * empty when customers' clients call the gateway themselves. The limit per client address does not apply there:
     * one provider address carries every tenant's traffic, so it would let one tenant's flood refuse another's
     * messages. The tenant's and sender's limits still do.
     */
    default Optional<String> providerPushPath() {
        return Optional.empty();
    }

    /**
     * Credentials the gateway makes for a new binding of this channel, each unless the admin gave it (a web chat
     * binding's key for signing its visitors' sessions): nobody has to invent a secret only the gateway reads.
     */
    default Map<String, String> generatedCredentials() {
        return Map.of();
    }

    /** What is wrong with a binding's settings beyond its outbound targets, worded for a tenant admin. */
    default List<String> problems(TenantId tenant, String inboundKey, Map<String, String> settings) {
        return List.of();
    }

    /**
     * A setting naming a place the gateway connects to.
     *
     * @param name the setting
     * @param kind how its value names the place
     * @param portSetting for {@link Kind#HOST}: the setting holding the port
     * @param defaultPort for {@link Kind#HOST}: the port when that setting is absent
     */
    record OutboundSetting(String name, Kind kind, String portSetting, int defaultPort) {

        public static OutboundSetting url(String name) {
            return new OutboundSetting(name, Kind.URL, null, 0);
        }

        public static OutboundSetting urls(String name) {
            return new OutboundSetting(name, Kind.URL_LIST, null, 0);
        }

        public static OutboundSetting host(String name, String portSetting, int defaultPort) {
            return new OutboundSetting(name, Kind.HOST, portSetting, defaultPort);
        }

        public enum Kind {
            /** One URL the gateway calls. */
            URL,
            /** URLs separated by commas, spaces or new lines. */
            URL_LIST,
            /** A host name or address, with its port in another setting. */
            HOST
        }
    }
}
