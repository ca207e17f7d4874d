package com.assistantgateway.adapters.webhook;

import com.assistantgateway.adapters.JsonRequestBody;
import com.assistantgateway.routes.backbone.ChannelSignatures;
import com.assistantgateway.routes.backbone.GatewayHeaders;
import com.assistantgateway.routes.message.ConversationId;
import com.assistantgateway.routes.message.GatewayMessage;
import com.assistantgateway.routes.message.MessageId;
import com.assistantgateway.routes.port.ChannelBinding;
import com.assistantgateway.routes.port.ChannelBindings;
import com.assistantgateway.routes.port.ChannelRequestException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/**
 * Checks and normalizes webhook requests, in the order a caller can act on: unknown binding (404), too large (413),
 * not authenticated (401), malformed (400). Nothing is stored here; a refusal leaves nothing behind.
 */
@Component
public class WebhookRequests {

    public static final String AUTHORIZATION = "Authorization";
    public static final String SIGNATURE = ChannelSignatures.SIGNATURE_HEADER;
    public static final String TIMESTAMP = ChannelSignatures.TIMESTAMP_HEADER;
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String TRACEPARENT = "traceparent";
    static final int MAX_IDEMPOTENCY_KEY = 200;
    /** The ledger's sender column: an email address's longest form. */
    static final int MAX_FROM = 320;
    /** BCP 47 tags in practice; the longest registered ones stay well under this. */
    static final int MAX_LOCALE = 35;

    private static final Pattern TRACEPARENT_FORMAT =
            Pattern.compile("^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$");

    private final ChannelBindings bindings;
    private final WebhookProperties properties;
    private final Clock clock;

    public WebhookRequests(ChannelBindings bindings, WebhookProperties properties, Clock clock) {
        this.bindings = bindings;
        this.properties = properties;
        this.clock = clock;
    }

    public GatewayMessage normalize(
            @Header(GatewayHeaders.BINDING_KEY) String bindingKey,
            @Header(AUTHORIZATION) String authorization,
            @Header(SIGNATURE) String signature,
            @Header(TIMESTAMP) String timestamp,
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
        String replayKey = tokenOk ? null : verifiedSignature(binding, signature, timestamp, raw);
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY)) {
            throw ChannelRequestException.badRequest(
                    "Idempotency-Key must have 1 to " + MAX_IDEMPOTENCY_KEY + " characters.");
        }
        JsonNode request = JsonRequestBody.object(raw);
        MessageId id = MessageId.random();
        return GatewayMessage.inbound()
                .id(id)
                .tenant(binding.tenantId())
                .assistant(binding.assistantId())
                .binding(binding.id())
                .channel(WebhookBinding.CHANNEL)
                .conversation(conversation(request))
                .from(JsonRequestBody.optionalText(request, "from", MAX_FROM))
                .to(binding.inboundKey())
                .text(requiredText(request))
                .locale(JsonRequestBody.optionalText(request, "locale", MAX_LOCALE))
                .channelMessageId(idempotencyKey)
                .receivedAt(clock.instant())
                .traceId(traceId(traceparent, id))
                .metadata(replayKey == null ? Map.of() : Map.of(GatewayMessage.REPLAY_KEY, replayKey))
                .build();
    }

    /**
     * The request's signature, once it verifies; it is the request's replay key, so the same signed request accepted
     * twice is one message. Signed by default over {@code <X-Gateway-Timestamp>.<body>} within {@code
     * signature-tolerance} of now, as the gateway signs its own callbacks; over the body alone only where the binding
     * opted into that weaker scheme, which any captured request can be replayed against forever.
     */
    private String verifiedSignature(ChannelBinding binding, String signature, String timestamp, byte[] raw) {
        String secret = binding.credential(WebhookBinding.SIGNING_SECRET).orElse(null);
        if (secret == null || signature == null) {
            throw ChannelRequestException.unauthorized("Send 'Authorization: Bearer <binding token>', or sign the"
                    + " request: 'X-Gateway-Timestamp: <Unix seconds>' and 'X-Gateway-Signature: sha256=<hex"
                    + " HMAC-SHA256 of \"<timestamp>.<body>\">'.");
        }
        if (WebhookBinding.BODY_ONLY.equals(WebhookBinding.signatureScheme(binding))) {
            if (!ChannelSignatures.verify(secret, raw, signature)) {
                throw ChannelRequestException.unauthorized("The signature does not match the body.");
            }
            return null;
        }
        long signedAt;
        try {
            signedAt = Long.parseLong(timestamp == null ? "" : timestamp.strip());
        } catch (NumberFormatException e) {
            throw ChannelRequestException.unauthorized(
                    "A signed request needs 'X-Gateway-Timestamp: <Unix seconds>', signed with the body.");
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - signedAt);
        if (skew > properties.signatureTolerance().toSeconds()) {
            throw ChannelRequestException.unauthorized("The signature's timestamp is " + skew + " s away from now;"
                    + " requests are accepted within "
                    + properties.signatureTolerance().toSeconds() + " s. Sign"
                    + " each request, and each retry, when it is sent.");
        }
        byte[] signed = concat((signedAt + ".").getBytes(StandardCharsets.US_ASCII), raw);
        if (!ChannelSignatures.verify(secret, signed, signature)) {
            throw ChannelRequestException.unauthorized(
                    "The signature does not match '<X-Gateway-Timestamp>.<body>' under the binding's secret.");
        }
        return ChannelSignatures.sha256Hex(signature.strip().toLowerCase(Locale.ROOT));
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] joined = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
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
        return bindings.require(WebhookBinding.CHANNEL, bindingKey);
    }

    private static String requiredText(JsonNode request) {
        JsonNode text = request.get("text");
        if (text == null || !text.isTextual() || text.asText().isBlank()) {
            throw ChannelRequestException.badRequest("'text' is required and must be a non-empty string.");
        }
        return JsonRequestBody.optionalText(request, "text", Integer.MAX_VALUE);
    }

    private static ConversationId conversation(JsonNode request) {
        String given = JsonRequestBody.optionalText(request, "conversationId", 100);
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
