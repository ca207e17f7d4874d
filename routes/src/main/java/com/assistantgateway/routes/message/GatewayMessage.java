package com.assistantgateway.routes.message;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The canonical message: the one contract for everything that travels on the gateway's queues, inbound messages and
 * replies alike. Serialized as JSON; {@code docs/canonical-message.md} and {@code schema/gateway-message-v1.json}
 * describe the wire form. Add fields only in a backwards-compatible way, or raise {@link #SCHEMA_VERSION}.
 *
 * @param schemaVersion the contract version this message was written with
 * @param id the gateway's id of this message
 * @param tenantId the owning tenant, resolved from the channel binding
 * @param assistantId the assistant that answers (or answered)
 * @param conversationId the conversation it belongs to
 * @param channel the channel type it came from or goes to ({@code webhook}, {@code email}, ...)
 * @param bindingId the channel binding that received it
 * @param direction inbound from a participant, or outbound reply
 * @param from sender address in the channel's own form
 * @param to recipient address in the channel's own form
 * @param subject subject line, where the channel has one
 * @param text the plain text the assistant reads or wrote
 * @param attachments attachments by reference
 * @param channelMessageId the channel's own id (Message-ID, MessageSid, Idempotency-Key) for de-duplication
 * @param inReplyTo for a reply: the inbound message it answers
 * @param locale BCP 47 language tag, when known
 * @param createdAt when the sender created it, when the channel says
 * @param receivedAt when the gateway received (or, for a reply, produced) it
 * @param traceId correlates logs across modules and hops
 * @param citations for a reply: where its statements come from
 * @param confidence for a reply: the assistant's confidence, 0 to 1
 * @param metadata free channel-specific key/values
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record GatewayMessage(
        int schemaVersion,
        MessageId id,
        TenantId tenantId,
        AssistantId assistantId,
        ConversationId conversationId,
        ChannelId channel,
        BindingId bindingId,
        Direction direction,
        String from,
        String to,
        String subject,
        String text,
        List<AttachmentRef> attachments,
        String channelMessageId,
        MessageId inReplyTo,
        String locale,
        Instant createdAt,
        Instant receivedAt,
        String traceId,
        List<Citation> citations,
        Double confidence,
        Map<String, String> metadata) {

    public static final int SCHEMA_VERSION = 1;

    public GatewayMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(assistantId, "assistantId");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(receivedAt, "receivedAt");
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        citations = citations == null ? List.of() : List.copyOf(citations);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /**
     * Metadata key of a value the channel saw once per genuine request (a signed webhook request's signature): the
     * ledger accepts one message per replay key and binding, so a replayed request is never a second message.
     */
    public static final String REPLAY_KEY = "replayKey";

    /**
     * Metadata key ({@code "true"}) of a message with no text of its own, only attachments: its text is a placeholder
     * the channel wrote, so nothing is to be answered from it.
     */
    public static final String NO_TEXT = "noText";

    /** Whether the sender wrote any text, or only attached files (see {@link #NO_TEXT}). */
    public boolean hasOwnText() {
        return !"true".equals(metadata.get(NO_TEXT));
    }

    /**
     * Metadata key of when this message is to be answered, not before (an ISO-8601 instant): it was stored while its
     * tenant or sender was over a limit, and waits for its turn on its tenant's queue.
     */
    public static final String NOT_BEFORE = "notBefore";

    /** When this message waits for its turn until (see {@link #NOT_BEFORE}). */
    public Optional<Instant> notBefore() {
        return Optional.ofNullable(metadata.get(NOT_BEFORE)).map(Instant::parse);
    }

    /** This message, to be answered at {@code notBefore} and not earlier. */
    public GatewayMessage deferredUntil(Instant notBefore) {
        Map<String, String> deferred = new LinkedHashMap<>(metadata);
        deferred.put(NOT_BEFORE, notBefore.toString());
        return copy(conversationId, text, deferred);
    }

    /** Metadata key of a message a person wrote (a taken-over conversation): who wrote it. */
    public static final String AGENT = "agent";

    /**
     * A person's reply to this inbound message, on the same channel and binding: no citations, no confidence, and the
     * agent named in {@link #AGENT}.
     */
    public GatewayMessage agentReply(MessageId replyId, String replyText, String agent, Instant at) {
        return outbound(replyId, replyText, List.of(), null, Map.of(AGENT, agent), at);
    }

    /** The reply to this inbound message, addressed back to its sender on the same channel and binding. */
    public GatewayMessage reply(MessageId replyId, String replyText, List<Citation> sources, double score, Instant at) {
        return outbound(replyId, replyText, sources, score, Map.of(), at);
    }

    /** A reply with what the answer step knows of it (its outcome, language, a handover's reason). */
    public GatewayMessage reply(
            MessageId replyId,
            String replyText,
            List<Citation> sources,
            double score,
            Map<String, String> replyMetadata,
            Instant at) {
        return outbound(replyId, replyText, sources, score, replyMetadata, at);
    }

    /**
     * This message with other text: what an assistant is shown when a policy replaced personal data with
     * placeholders. The ledger keeps the original.
     */
    public GatewayMessage withText(String newText) {
        return copy(conversationId, newText, metadata);
    }

    private GatewayMessage outbound(
            MessageId replyId,
            String replyText,
            List<Citation> sources,
            Double score,
            Map<String, String> replyMetadata,
            Instant at) {
        return new GatewayMessage(
                SCHEMA_VERSION,
                replyId,
                tenantId,
                assistantId,
                conversationId,
                channel,
                bindingId,
                Direction.OUTBOUND,
                to,
                from,
                subject,
                replyText,
                List.of(),
                null,
                id,
                locale,
                at,
                at,
                traceId,
                sources,
                score,
                replyMetadata);
    }

    /** This message in another conversation: where the ledger puts a message that named one not its own. */
    public GatewayMessage inConversation(ConversationId conversation) {
        return copy(conversation, text, metadata);
    }

    /** This message with another conversation, text or metadata; everything else as it is. */
    private GatewayMessage copy(ConversationId conversation, String newText, Map<String, String> newMetadata) {
        return new GatewayMessage(
                schemaVersion,
                id,
                tenantId,
                assistantId,
                conversation,
                channel,
                bindingId,
                direction,
                from,
                to,
                subject,
                newText,
                attachments,
                channelMessageId,
                inReplyTo,
                locale,
                createdAt,
                receivedAt,
                traceId,
                citations,
                confidence,
                newMetadata);
    }

    public static Builder inbound() {
        return new Builder();
    }

    /** Builds inbound messages in adapters, where most fields are optional. */
    public static final class Builder {
        private MessageId id = MessageId.random();
        private TenantId tenantId;
        private AssistantId assistantId;
        private ConversationId conversationId;
        private ChannelId channel;
        private BindingId bindingId;
        private String from;
        private String to;
        private String subject;
        private String text;
        private List<AttachmentRef> attachments = List.of();
        private String channelMessageId;
        private String locale;
        private Instant createdAt;
        private Instant receivedAt = Instant.now();
        private String traceId;
        private Map<String, String> metadata = Map.of();

        public Builder id(MessageId value) {
            this.id = value;
            return this;
        }

        public Builder tenant(TenantId value) {
            this.tenantId = value;
            return this;
        }

        public Builder assistant(AssistantId value) {
            this.assistantId = value;
            return this;
        }

        public Builder conversation(ConversationId value) {
            this.conversationId = value;
            return this;
        }

        public Builder channel(ChannelId value) {
            this.channel = value;
            return this;
        }

        public Builder binding(BindingId value) {
            this.bindingId = value;
            return this;
        }

        public Builder from(String value) {
            this.from = value;
            return this;
        }

        public Builder to(String value) {
            this.to = value;
            return this;
        }

        public Builder subject(String value) {
            this.subject = value;
            return this;
        }

        public Builder text(String value) {
            this.text = value;
            return this;
        }

        public Builder attachments(List<AttachmentRef> value) {
            this.attachments = value;
            return this;
        }

        public Builder channelMessageId(String value) {
            this.channelMessageId = value;
            return this;
        }

        public Builder locale(String value) {
            this.locale = value;
            return this;
        }

        public Builder createdAt(Instant value) {
            this.createdAt = value;
            return this;
        }

        public Builder receivedAt(Instant value) {
            this.receivedAt = value;
            return this;
        }

        public Builder traceId(String value) {
            this.traceId = value;
            return this;
        }

        public Builder metadata(Map<String, String> value) {
            this.metadata = value;
            return this;
        }

        public GatewayMessage build() {
            return new GatewayMessage(
                    SCHEMA_VERSION,
                    id,
                    tenantId,
                    assistantId,
                    conversationId == null ? ConversationId.random() : conversationId,
                    channel,
                    bindingId,
                    Direction.INBOUND,
                    from,
                    to,
                    subject,
                    text,
                    attachments,
                    channelMessageId,
                    null,
                    locale,
                    createdAt,
                    receivedAt,
                    traceId == null ? id.value() : traceId,
                    List.of(),
                    null,
                    metadata);
        }
    }
}
