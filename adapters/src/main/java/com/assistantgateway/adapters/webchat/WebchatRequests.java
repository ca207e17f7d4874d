package com.assistantgateway.adapters.webchat;

import com.assistantgateway.adapters.JsonRequestBody;
import com.assistantgateway.adapters.webchat.VisitorTokens.Kind;
import com.assistantgateway.adapters.webchat.VisitorTokens.Visitor;
import com.assistantgateway.adapters.webchat.WebchatBinding.Identity;
import com.assistantgateway.adapters.webchat.WebchatBinding.Settings;
import com.assistantgateway.routes.backbone.ChannelSignatures;
import com.assistantgateway.routes.backbone.GatewayHeaders;
import com.assistantgateway.routes.message.AttachmentRef;
import com.assistantgateway.routes.message.CanonicalJson;
import com.assistantgateway.routes.message.ConversationId;
import com.assistantgateway.routes.message.GatewayMessage;
import com.assistantgateway.routes.message.MessageId;
import com.assistantgateway.routes.port.AttachmentStore;
import com.assistantgateway.routes.port.ChannelBinding;
import com.assistantgateway.routes.port.ChannelBindings;
import com.assistantgateway.routes.port.ChannelRequestException;
import com.assistantgateway.routes.port.MessageLedger;
import com.assistantgateway.routes.port.MessageView;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.apache.camel.Headers;
import org.springframework.stereotype.Component;

/**
 * Checks web chat requests and turns them into sessions and canonical messages, in the order a caller can act on:
 * unknown binding (404), origin not allowed (403), no valid session or visitor signature (401), malformed (400).
 * Nothing is stored here.
 */
@Component
public class WebchatRequests {

    public static final String ORIGIN = "Origin";
    public static final String HOST = "Host";
    public static final String AUTHORIZATION = "Authorization";
    static final int MAX_VISITOR_ID = 200;
    static final int MAX_CLIENT_MESSAGE_ID = 100;
    /** A message's JSON with its attachments, base64-encoded, at the largest size a binding may allow. */
    static final int MAX_BODY_BYTES = 7 * 1024 * 1024;

    static final int MAX_ATTACHMENTS = 3;

    private final ChannelBindings bindings;
    private final MessageLedger ledger;
    private final VisitorTokens tokens;
    private final AttachmentStore attachmentStore;
    private final WebchatProperties properties;
    private final Clock clock;

    public WebchatRequests(
            ChannelBindings bindings,
            MessageLedger ledger,
            AttachmentStore attachmentStore,
            WebchatProperties properties,
            Clock clock) {
        this.clock = clock;
        this.bindings = bindings;
        this.attachmentStore = attachmentStore;
        this.ledger = ledger;
        this.tokens = new VisitorTokens(clock);
        this.properties = properties;
    }

    /**
     * Opens a visitor's session: resumes the conversation of a valid resume token, or starts one for a verified
     * visitor (their own conversation on every device) or an anonymous one. Answers the tokens and the widget's look.
     */
    public String openSession(
            @Header(GatewayHeaders.BINDING_KEY) String bindingKey,
            @Header(ORIGIN) String origin,
            @Header(HOST) String host,
            @Body byte[] body,
            @Headers Map<String, Object> headers) {
        ChannelBinding binding = bindings.require(WebchatBinding.CHANNEL, bindingKey);
        Settings settings = WebchatBinding.settings(binding.settings());
        requireOrigin(settings, origin, host, true);
        JsonNode request = parse(body);
        Visitor visitor = resumed(binding, settings, text(request, "resume", 4096))
                .orElseGet(() -> newVisitor(binding, settings, request));
        Duration resumeFor = Duration.ofDays(settings.persistenceDays());
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("session", tokens.issue(binding, Kind.SESSION, visitor, properties.sessionTtl()));
        response.put("expiresIn", properties.sessionTtl().toSeconds());
        response.put("resume", tokens.issue(binding, Kind.RESUME, visitor, resumeFor));
        response.put("visitorId", visitor.visitor());
        response.put("conversationId", visitor.conversation().value());
        response.put("persistence", settings.persistence().name().toLowerCase(Locale.ROOT));
        response.put("persistenceDays", settings.persistenceDays());
        response.put("theme", settings.theme());
        response.put(
                "attachments", Map.of("types", settings.attachmentTypes(), "maxBytes", settings.attachmentMaxBytes()));
        headers.clear();
        headers.put(Exchange.HTTP_RESPONSE_CODE, 201);
        headers.put(Exchange.CONTENT_TYPE, "application/json");
        headers.put("Cache-Control", "no-store");
        return CanonicalJson.write(response);
    }

    /** A visitor's message, from a valid session of this binding on an allowed origin. */
    public GatewayMessage normalize(
            @Header(GatewayHeaders.BINDING_KEY) String bindingKey,
            @Header(ORIGIN) String origin,
            @Header(HOST) String host,
            @Header(AUTHORIZATION) String authorization,
            @Body byte[] body) {
        ChannelBinding binding = bindings.require(WebchatBinding.CHANNEL, bindingKey);
        Settings settings = WebchatBinding.settings(binding.settings());
        requireOrigin(settings, origin, host, true);
        Visitor visitor = session(binding, authorization);
        JsonNode request = parse(body);
        String text = text(request, "text", properties.maxTextChars());
        List<Attachment> files = attachments(settings, request);
        if ((text == null || text.isBlank()) && files.isEmpty()) {
            throw ChannelRequestException.badRequest("'text' is required and must be a non-empty string.");
        }
        MessageId id = MessageId.random();
        List<AttachmentRef> stored = new ArrayList<>();
        for (Attachment file : files) {
            stored.add(
                    attachmentStore.store(binding.tenantId(), id, file.fileName(), file.contentType(), file.content()));
        }
        boolean attachmentsOnly = text == null || text.isBlank();
        if (attachmentsOnly) {
            text = "(" + stored.size() + " attachment(s) without text)";
        }
        return GatewayMessage.inbound()
                .id(id)
                .tenant(binding.tenantId())
                .assistant(binding.assistantId())
                .binding(binding.id())
                .channel(WebchatBinding.CHANNEL)
                .conversation(visitor.conversation())
                .from(visitor.visitor())
                .to(binding.inboundKey())
                .text(text)
                .attachments(stored)
                .locale(text(request, "locale", 35))
                // The widget names each message once; a post retried after a dropped connection is the same message.
                .channelMessageId(channelMessageId(visitor, text(request, "clientMessageId", MAX_CLIENT_MESSAGE_ID)))
                .receivedAt(clock.instant())
                .traceId(id.value().replace("-", ""))
                .metadata(attachmentsOnly ? Map.of(GatewayMessage.NO_TEXT, "true") : Map.of())
                .build();
    }

    /**
     * A visitor's stop of the reply being written to one of their messages: announced to every instance, as the one
     * generating it may be any of them. Messages of other conversations are not theirs to stop (404).
     */
    public String stop(
            @Header(GatewayHeaders.BINDING_KEY) String bindingKey,
            @Header(ORIGIN) String origin,
            @Header(HOST) String host,
            @Header(AUTHORIZATION) String authorization,
            @Header("messageId") String messageId,
            @Headers Map<String, Object> headers) {
        ChannelBinding binding = bindings.require(WebchatBinding.CHANNEL, bindingKey);
        requireOrigin(WebchatBinding.settings(binding.settings()), origin, host, true);
        Visitor visitor = session(binding, authorization);
        GatewayMessage message = (MessageId.isValid(messageId)
                        ? ledger.find(binding.tenantId(), new MessageId(messageId))
                        : Optional.<MessageView>empty())
                .map(MessageView::message)
                .filter(found -> found.conversationId().equals(visitor.conversation()))
                .orElseThrow(() -> ChannelRequestException.notFound("No message '" + messageId + "' of yours."));
        headers.clear();
        headers.put(GatewayHeaders.TENANT_ID, message.tenantId().value());
        headers.put(GatewayHeaders.CONVERSATION_ID, message.conversationId().value());
        headers.put(GatewayHeaders.MESSAGE_ID, message.id().value());
        headers.put(WebchatLiveReplies.KIND, WebchatLiveReplies.STOP);
        return "";
    }

    /**
     * The ledger de-duplicates on a binding's channel message ids; a client's id is the visitor's own choice, so it
     * is scoped to the visitor: another visitor's equal id is another message, never a refusal or a join.
     */
    static String channelMessageId(Visitor visitor, String clientMessageId) {
        return clientMessageId == null
                ? null
                : "wc:" + ChannelSignatures.sha256Hex(visitor.visitor() + "\n" + clientMessageId);
    }

    private record Attachment(String fileName, String contentType, byte[] content) {}

    /**
     * The files a visitor attached ({@code attachments: [{fileName, contentType, data: <base64>}]}), each of a type
     * and size the binding accepts; all are checked before any is stored.
     */
    private static List<Attachment> attachments(Settings settings, JsonNode request) {
        JsonNode files = request.get("attachments");
        if (files == null || files.isNull() || (files.isArray() && files.isEmpty())) {
            return List.of();
        }
        if (!files.isArray()) {
            throw ChannelRequestException.badRequest("'attachments' must be a list.");
        }
        if (settings.attachmentTypes().isEmpty()) {
            throw new ChannelRequestException(415, "attachments-not-accepted", "This chat takes no attachments.");
        }
        if (files.size() > MAX_ATTACHMENTS) {
            throw ChannelRequestException.badRequest("At most " + MAX_ATTACHMENTS + " attachments a message.");
        }
        List<Attachment> read = new ArrayList<>();
        for (JsonNode file : files) {
            String name = text(file, "fileName", 200);
            String type = text(file, "contentType", 100);
            String data = text(file, "data", Integer.MAX_VALUE);
            if (name == null || name.isBlank() || type == null || data == null) {
                throw ChannelRequestException.badRequest("Each attachment needs 'fileName', 'contentType' and 'data'.");
            }
            if (!settings.accepts(type)) {
                throw new ChannelRequestException(
                        415,
                        "attachment-type-not-accepted",
                        "This chat takes " + String.join(", ", settings.attachmentTypes()) + ", not " + type + ".");
            }
            byte[] content;
            try {
                content = Base64.getDecoder().decode(data);
            } catch (IllegalArgumentException e) {
                throw ChannelRequestException.badRequest("'data' of " + name + " is not base64.");
            }
            if (content.length > settings.attachmentMaxBytes()) {
                throw ChannelRequestException.tooLarge(name + " has " + content.length + " bytes; this chat takes"
                        + " files of at most " + settings.attachmentMaxBytes() + ".");
            }
            read.add(new Attachment(name, type, content));
        }
        return read;
    }

    /** The session a request carries in its {@code Authorization} header, or 401. */
    public Visitor session(ChannelBinding binding, String authorization) {
        String token = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).strip()
                : null;
        return tokens.verify(binding, Kind.SESSION, token)
                .orElseThrow(() -> ChannelRequestException.unauthorized(
                        "Open a session first (POST .../sessions) and send 'Authorization: Bearer <session>';"
                                + " an expired session is renewed with the resume token."));
    }

    /**
     * Pages of the binding's allowed origins may call it, and the gateway's own pages (the hosted chat). A request
     * without an {@code Origin} comes from no browser page; {@code required} says whether that is refused.
     */
    public void requireOrigin(Settings settings, String origin, String host, boolean required) {
        if (origin == null || origin.isBlank()) {
            if (required) {
                throw forbiddenOrigin("The request has no Origin; web chat is called from web pages.");
            }
            return;
        }
        if (!settings.allows(origin) && !sameOrigin(origin, host)) {
            throw forbiddenOrigin("Origin " + origin + " is not among this web chat binding's allowed origins.");
        }
    }

    static boolean sameOrigin(String origin, String host) {
        String normalized = WebchatBinding.normalizedOrigin(origin);
        if (normalized == null || host == null || host.isBlank()) {
            return false;
        }
        String authority = normalized.substring(normalized.indexOf("://") + 3);
        String hostOnly = host.strip().toLowerCase(Locale.ROOT);
        return authority.equals(hostOnly) || authority.equals(hostOnly.replaceFirst(":(80|443)$", ""));
    }

    private static ChannelRequestException forbiddenOrigin(String detail) {
        return new ChannelRequestException(403, "origin-not-allowed", detail);
    }

    private Optional<Visitor> resumed(ChannelBinding binding, Settings settings, String resume) {
        if (resume == null) {
            return Optional.empty();
        }
        // An invalid or expired resume token starts a new conversation rather than failing the widget.
        return tokens.verify(binding, Kind.RESUME, resume)
                .filter(visitor -> settings.identity() == Identity.ANONYMOUS || visitor.verified());
    }

    private Visitor newVisitor(ChannelBinding binding, Settings settings, JsonNode request) {
        String visitorId = text(request, "visitorId", MAX_VISITOR_ID);
        String visitorHash = text(request, "visitorHash", 128);
        if (settings.identity() == Identity.VERIFIED) {
            String secret = binding.credential(WebchatBinding.IDENTITY_SECRET)
                    .orElseThrow(() -> new ChannelRequestException(
                            403,
                            "verification-not-configured",
                            "This binding requires verified visitors but has no identitySecret."));
            if (visitorId == null || visitorId.isBlank() || visitorHash == null) {
                throw ChannelRequestException.unauthorized("This chat needs a signed-in visitor: send 'visitorId' and"
                        + " 'visitorHash' (hex HMAC-SHA256 of the id under the binding's identity secret).");
            }
            if (!MessageDigest.isEqual(
                    VisitorTokens.visitorHash(secret, visitorId).getBytes(StandardCharsets.US_ASCII),
                    visitorHash.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
                throw ChannelRequestException.unauthorized("'visitorHash' does not match 'visitorId'.");
            }
            // One conversation per verified visitor and binding, so it follows them across devices.
            return new VisitorTokens.Visitor(
                    binding.tenantId(),
                    binding.id(),
                    visitorId,
                    true,
                    new ConversationId("webchat-"
                            + ChannelSignatures.sha256Hex(binding.id().value() + "\n" + visitorId)
                                    .substring(0, 40)),
                    null);
        }
        return new VisitorTokens.Visitor(
                binding.tenantId(), binding.id(), "visitor-" + UUID.randomUUID(), false, ConversationId.random(), null);
    }

    /** An empty body is an empty object: opening a session needs nothing. */
    private static JsonNode parse(byte[] raw) {
        if (raw == null || raw.length == 0) {
            return CanonicalJson.mapper().createObjectNode();
        }
        if (raw.length > MAX_BODY_BYTES) {
            throw ChannelRequestException.tooLarge("The body has " + raw.length + " bytes; at most " + MAX_BODY_BYTES);
        }
        return JsonRequestBody.object(raw);
    }

    private static String text(JsonNode request, String field, int maxLength) {
        return JsonRequestBody.optionalText(request, field, maxLength);
    }
}
