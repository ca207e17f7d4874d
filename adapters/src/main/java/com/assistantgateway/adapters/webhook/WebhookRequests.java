package com.assistantgateway.adapters.webhook;

import com.assistantgateway.routes.backbone.ChannelSignatures;
import com.assistantgateway.routes.backbone.GatewayHeaders;
import com.assistantgateway.routes.message.CanonicalJson;
import com.assistantgateway.routes.message.ConversationId;
import com.assistantgateway.routes.message.GatewayMessage;
import com.assistantgateway.routes.message.MessageId;
import com.assistantgateway.routes.port.ChannelBinding;
import com.assistantgateway.routes.port.ChannelBindings;
import com.assistantgateway.routes.port.ChannelRequestException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Clock;
import java.util.regex.Pattern;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Checks and normalizes webhook requests, in the order a caller can act on: unknown binding (404), too large (413),
 * not authenticated (401), malformed (400). Nothing is stored here; a refusal leaves nothing behind.
 */
@Component
public class WebhookRequests {

    public static final String AUTHORIZATION = "Authorization";
    public static final String SIGNATURE = ChannelSignatures.SIGNATURE_HEADER;
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String TRACEPARENT = "traceparent";
    static final int MAX_IDEMPOTENCY_KEY = 200;
    private static final Pattern TRACEPARENT_FORMAT =
            Pattern.compile("^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$");

    private final ChannelBindings bindings;
    private final WebhookProperties properties;
    private final Clock clock;

    @Autowired
    public WebhookRequests(ChannelBindings bindings, WebhookProperties properties) {
        this(bindings, properties, Clock.systemUTC());
    }

    WebhookRequests(ChannelBindings bindings, WebhookProperties properties, Clock clock) {
        this.bindings = bindings;
        this.properties = properties;
        this.clock = clock;
    }

    public GatewayMessage normalize(
            @Header(GatewayHeaders.BINDING_KEY) String bindingKey,
            @Header(AUTHORIZATION) String authorization,
            @Header(SIGNATURE) String signature,
            @Header(IDEMPOTENCY_KEY) String idempotencyKey,
            @Header(TRACEPARENT) String traceparent,
            @Body byte[] body) {
        ChannelBinding binding = binding(bindingKey);
        byte[] raw = body == null ? new byte[0] : body;
        if (raw.length > properties.maxBodyBytes()) {
            throw ChannelRequestException.tooLarge(
                    "The body has " + raw.length + " bytes; the limit is " + properties.maxBodyBytes() + ".");
        }
        boolean tokenOk = ChannelSignatures.tokenMatches(
                binding.credential(WebhookBinding.TOKEN_SHA256).orElse(null), bearer(authorization));
        boolean signatureOk = binding.credential(WebhookBinding.SIGNING_SECRET)
                .map(secret -> ChannelSignatures.verify(secret, raw, signature))
                .orElse(false);
        if (!tokenOk && !signatureOk) {
            throw ChannelRequestException.unauthorized(
                    "Send 'Authorization: Bearer <binding token>' or a valid 'X-Gateway-Signature: sha256=<hmac>'.");
        }
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY)) {
            throw ChannelRequestException.badRequest(
                    "Idempotency-Key must have 1 to " + MAX_IDEMPOTENCY_KEY + " characters.");
        }
        JsonNode request = parse(raw);
        MessageId id = MessageId.random();
        return GatewayMessage.inbound()
                .id(id)
                .tenant(binding.tenantId())
                .assistant(binding.assistantId())
                .binding(binding.id())
                .channel(WebhookBinding.CHANNEL)
                .conversation(conversation(request))
                .from(optionalText(request, "from"))
                .to(binding.inboundKey())
                .text(requiredText(request))
                .locale(optionalText(request, "locale"))
                .channelMessageId(idempotencyKey)
                .receivedAt(clock.instant())
                .traceId(traceId(traceparent, id))
                .build();
    }

    /** The binding a status request may read, after its bearer token is checked. */
    public ChannelBinding authorizeRead(
            @Header(GatewayHeaders.BINDING_KEY) String bindingKey, @Header(AUTHORIZATION) String authorization) {
        ChannelBinding binding = binding(bindingKey);
        if (!ChannelSignatures.tokenMatches(
                binding.credential(WebhookBinding.TOKEN_SHA256).orElse(null), bearer(authorization))) {
            throw ChannelRequestException.unauthorized("Send 'Authorization: Bearer <binding token>'.");
        }
        return binding;
    }

    private ChannelBinding binding(String bindingKey) {
        return bindings.resolve(WebhookBinding.CHANNEL, bindingKey == null ? "" : bindingKey)
                .orElseThrow(() -> ChannelRequestException.notFound("No webhook binding '" + bindingKey + "'."));
    }

    private JsonNode parse(byte[] raw) {
        try {
            JsonNode node = CanonicalJson.mapper().readTree(raw);
            if (node == null || !node.isObject()) {
                throw ChannelRequestException.badRequest("The body must be a JSON object.");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw ChannelRequestException.badRequest("The body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ChannelRequestException.badRequest("The body could not be read.");
        }
    }

    private static String requiredText(JsonNode request) {
        JsonNode text = request.get("text");
        if (text == null || !text.isTextual() || text.asText().isBlank()) {
            throw ChannelRequestException.badRequest("'text' is required and must be a non-empty string.");
        }
        return text.asText();
    }

    private static String optionalText(JsonNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ChannelRequestException.badRequest("'" + field + "' must be a string.");
        }
        return value.asText();
    }

    private static ConversationId conversation(JsonNode request) {
        String given = optionalText(request, "conversationId");
        if (given == null) {
            return ConversationId.random();
        }
        if (!ConversationId.isValid(given)) {
            throw ChannelRequestException.badRequest(
                    "'conversationId' must be 1 to 100 letters, digits or . _ : @ - characters.");
        }
        return new ConversationId(given);
    }

    private static String bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return authorization.substring(7).trim();
    }

    private static String traceId(String traceparent, MessageId id) {
        if (traceparent != null) {
            var matcher = TRACEPARENT_FORMAT.matcher(traceparent.trim());
            if (matcher.matches()) {
                return matcher.group(1);
            }
        }
        return id.value().replace("-", "");
    }
}
