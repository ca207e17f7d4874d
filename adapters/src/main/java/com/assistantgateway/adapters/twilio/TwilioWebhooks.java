package com.assistantgateway.adapters.twilio;

import com.assistantgateway.routes.backbone.ChannelOutcomes;
import com.assistantgateway.routes.backbone.ChannelSignatures;
import com.assistantgateway.routes.backbone.GatewayHeaders;
import com.assistantgateway.routes.message.AttachmentRef;
import com.assistantgateway.routes.message.ChannelId;
import com.assistantgateway.routes.message.ConversationId;
import com.assistantgateway.routes.message.GatewayMessage;
import com.assistantgateway.routes.port.ChannelBinding;
import com.assistantgateway.routes.port.ChannelBindings;
import com.assistantgateway.routes.port.ChannelRequestException;
import com.assistantgateway.routes.port.OptOuts;
import com.twilio.security.RequestValidator;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/**
 * Twilio's inbound webhooks: every request's {@code X-Twilio-Signature} is checked with the binding's auth token by
 * Twilio's own {@link RequestValidator} (403 and nothing stored when it fails), then the form becomes a canonical
 * message, an opt-out keyword is recorded, or a status callback updates its delivery.
 */
@Component
public class TwilioWebhooks {

    public static final String SIGNATURE = "X-Twilio-Signature";
    static final String OPTED_OUT = "opted-out";

    private final ChannelBindings bindings;
    private final OptOuts optOuts;
    private final ChannelOutcomes outcomes;
    private final TwilioProperties properties;
    private final Clock clock;

    public TwilioWebhooks(
            ChannelBindings bindings,
            OptOuts optOuts,
            ChannelOutcomes outcomes,
            TwilioProperties properties,
            Clock clock) {
        this.bindings = bindings;
        this.optOuts = optOuts;
        this.outcomes = outcomes;
        this.properties = properties;
        this.clock = clock;
    }

    /** An inbound SMS or WhatsApp message; {@code null} when it is a keyword or from an opted-out number. */
    public GatewayMessage message(
            @Header(TwilioRoutes.KIND) ChannelId channel,
            @Header(GatewayHeaders.BINDING_KEY) String bindingKey,
            @Header(SIGNATURE) String signature,
            @Header(Exchange.HTTP_URL) String requestUrl,
            @Header(Exchange.HTTP_QUERY) String query,
            @Header("X-Forwarded-Proto") String forwardedProto,
            @Header("X-Forwarded-Host") String forwardedHost,
            @Body String body) {
        ChannelBinding binding = binding(channel, bindingKey);
        Map<String, String> form = verified(binding, signature, requestUrl, query, forwardedProto, forwardedHost, body);
        String from = required(form, "From");
        String messageSid = required(form, "MessageSid");
        Optional<OptOutKeywords> keyword = OptOutKeywords.of(form.get("Body"));
        if (keyword.isPresent()) {
            switch (keyword.get()) {
                case OPT_OUT -> optOuts.optOut(
                        binding.tenantId(), from, form.get("Body").strip(), clock.instant());
                case OPT_IN -> optOuts.optIn(binding.tenantId(), from);
                case HELP -> {
                    // Twilio answers HELP itself with the number's configured help text.
                }
            }
            outcomes.skipped(
                    binding, "keyword-" + keyword.get().name().toLowerCase().replace('_', '-'), from, messageSid);
            return null;
        }
        if (optOuts.isOptedOut(binding.tenantId(), from)) {
            outcomes.skipped(binding, OPTED_OUT, from, messageSid);
            return null;
        }
        List<AttachmentRef> media = media(form);
        String text = form.getOrDefault("Body", "").strip();
        Map<String, String> metadata = new LinkedHashMap<>();
        copy(form, metadata, "ProfileName", "twilio.profileName");
        copy(form, metadata, "WaId", "twilio.waId");
        copy(form, metadata, "NumSegments", "twilio.numSegments");
        copy(form, metadata, "AccountSid", "twilio.accountSid");
        if (text.isEmpty()) {
            metadata.put(GatewayMessage.NO_TEXT, "true");
        }
        return GatewayMessage.inbound()
                .tenant(binding.tenantId())
                .assistant(binding.assistantId())
                .binding(binding.id())
                .channel(channel)
                .conversation(conversation(binding, from))
                .from(TwilioBinding.address(channel, from))
                .to(TwilioBinding.address(channel, form.get("To")))
                .text(text.isEmpty() ? "(" + media.size() + " media attachment(s) without text)" : text)
                .attachments(media)
                .channelMessageId(messageSid)
                .receivedAt(clock.instant())
                .metadata(metadata)
                .build();
    }

    /** A status callback: queued, sent, delivered, undelivered, failed (with ErrorCode), read. */
    public void status(
            @Header(TwilioRoutes.KIND) ChannelId channel,
            @Header(GatewayHeaders.BINDING_KEY) String bindingKey,
            @Header(SIGNATURE) String signature,
            @Header(Exchange.HTTP_URL) String requestUrl,
            @Header(Exchange.HTTP_QUERY) String query,
            @Header("X-Forwarded-Proto") String forwardedProto,
            @Header("X-Forwarded-Host") String forwardedHost,
            @Body String body) {
        ChannelBinding binding = binding(channel, bindingKey);
        Map<String, String> form = verified(binding, signature, requestUrl, query, forwardedProto, forwardedHost, body);
        String status = Optional.ofNullable(form.get("MessageStatus")).orElse(form.get("SmsStatus"));
        if (status == null) {
            throw ChannelRequestException.badRequest("MessageStatus is required.");
        }
        // An unknown MessageSid (not one of our deliveries on this binding) is acknowledged and ignored.
        outcomes.deliveryStatus(binding, required(form, "MessageSid"), status, form.get("ErrorCode"));
    }

    /** What Twilio gets back at once: empty TwiML (the reply follows asynchronously through the REST API). */
    public String emptyTwiml(@org.apache.camel.Headers Map<String, Object> headers) {
        headers.put(Exchange.CONTENT_TYPE, "text/xml");
        headers.put(Exchange.HTTP_RESPONSE_CODE, 200);
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";
    }

    private ChannelBinding binding(ChannelId channel, String bindingKey) {
        return bindings.require(channel, bindingKey);
    }

    private Map<String, String> verified(
            ChannelBinding binding,
            String signature,
            String requestUrl,
            String query,
            String forwardedProto,
            String forwardedHost,
            String body) {
        Map<String, String> form = parseForm(body);
        String url = publicUrl(requestUrl, query, forwardedProto, forwardedHost);
        String token = binding.credential(TwilioBinding.AUTH_TOKEN).orElse(null);
        if (token == null || signature == null || !new RequestValidator(token).validate(url, form, signature)) {
            throw ChannelRequestException.forbidden("The X-Twilio-Signature does not match this request.");
        }
        return form;
    }

    /** The URL Twilio called, as Twilio saw it: the configured public base URL, else the (forwarded) request URL. */
    String publicUrl(String requestUrl, String query, String forwardedProto, String forwardedHost) {
        java.net.URI uri = java.net.URI.create(requestUrl);
        String base = properties.publicBaseUrl().isBlank()
                ? (forwardedProto != null ? forwardedProto : uri.getScheme()) + "://"
                        + (forwardedHost != null ? forwardedHost : uri.getRawAuthority())
                : properties.publicBaseUrl().replaceAll("/+$", "");
        return base + uri.getRawPath() + (query == null || query.isEmpty() ? "" : "?" + query);
    }

    static Map<String, String> parseForm(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        if (body == null || body.isBlank()) {
            return form;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.put(name, value);
        }
        return form;
    }

    /** One conversation per binding and customer number: SMS has no threads. */
    static ConversationId conversation(ChannelBinding binding, String from) {
        String key =
                binding.tenantId().value() + "/" + binding.id() + "/" + TwilioBinding.address(TwilioBinding.SMS, from);
        return new ConversationId(
                binding.channel() + "-" + ChannelSignatures.sha256Hex(key).substring(0, 32));
    }

    private static List<AttachmentRef> media(Map<String, String> form) {
        int count;
        try {
            count = Integer.parseInt(form.getOrDefault("NumMedia", "0"));
        } catch (NumberFormatException e) {
            throw ChannelRequestException.badRequest("NumMedia must be a number.");
        }
        List<AttachmentRef> media = new ArrayList<>();
        for (int i = 0; i < Math.min(count, 10); i++) {
            String url = form.get("MediaUrl" + i);
            if (url != null) {
                media.add(new AttachmentRef(url, form.get("MediaContentType" + i), null, null));
            }
        }
        return media;
    }

    private static String required(Map<String, String> form, String field) {
        String value = form.get(field);
        if (value == null || value.isBlank()) {
            throw ChannelRequestException.badRequest("'" + field + "' is required.");
        }
        return value;
    }

    private static void copy(Map<String, String> form, Map<String, String> metadata, String field, String key) {
        if (form.get(field) != null) {
            metadata.put(key, form.get(field));
        }
    }
}
