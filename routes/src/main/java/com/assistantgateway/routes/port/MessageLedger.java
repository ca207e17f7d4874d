package com.assistantgateway.routes.port;

import com.assistantgateway.routes.message.BindingId;
import com.assistantgateway.routes.message.ConversationId;
import com.assistantgateway.routes.message.GatewayMessage;
import com.assistantgateway.routes.message.MessageId;
import com.assistantgateway.routes.message.TenantId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The durable record of conversations and messages. Every read and write names the tenant. */
public interface MessageLedger {

    /**
     * Stores an inbound message and its conversation, unless the binding already has a message with the same channel
     * message id; then the first one is returned, not fresh.
     */
    Acceptance accept(GatewayMessage inbound);

    /**
     * Confirms that the messages' sends to the broker committed ({@code RECEIVED} to {@code QUEUED}); messages the
     * processor has answered since are left as they are.
     */
    void markQueued(TenantId tenantId, Collection<MessageId> messageIds);

    /**
     * Messages stored before {@code before} whose send was never confirmed: the process died between the database
     * commit and the broker commit, or before confirming.
     */
    List<GatewayMessage> unconfirmed(TenantId tenantId, Instant before, int limit);

    /**
     * What the processor needs to know of a delivered message, read without writing: empty when the ledger never
     * accepted it; its stored reply if it was answered before (a redelivery); whether a person has its conversation.
     */
    Optional<InboundState> inboundState(TenantId tenantId, MessageId messageId);

    /** An attempt to answer the message failed and the broker will deliver it again: {@code PROCESSING}. */
    void markProcessing(TenantId tenantId, MessageId messageId);

    /** Stores a reply and marks its inbound message answered; a second reply to the same message is refused. */
    default void recordReply(GatewayMessage reply) {
        recordReply(reply, List.of());
    }

    /**
     * Stores an assistant's reply as {@link #recordReply(GatewayMessage)} does, in the same transaction as what the
     * reply's metadata asks for: a handover ({@link AssistantAnswer#META_HANDOVER}) puts the conversation in the
     * handover queue; each policy decision is audited.
     */
    void recordReply(GatewayMessage reply, List<PolicyDecision> decisions);

    void markFailed(TenantId tenantId, MessageId messageId, String reason);

    /** The latest messages of a conversation before the given one, oldest first: the assistant's memory. */
    List<GatewayMessage> history(TenantId tenantId, ConversationId conversationId, MessageId before, int limit);

    Optional<MessageView> find(TenantId tenantId, MessageId messageId);

    /**
     * A conversation's messages after a position, both directions (agents' replies too), oldest first: what a live
     * channel (web chat) replays to a visitor who reconnects, and a returning visitor's history from position 0.
     */
    List<ConversationEntry> conversationAfter(
            TenantId tenantId, ConversationId conversationId, long afterPosition, int limit);

    /**
     * The conversation a channel's thread belongs to: the one holding any of the given channel message ids (inbound,
     * or sent by us; see {@link DeliveryLog}) on this binding, with this participant. Scoping by participant keeps two
     * people who reply to the same mail in two conversations.
     */
    Optional<ConversationId> thread(
            TenantId tenantId, BindingId bindingId, String participant, Collection<String> channelMessageIds);

    /** When the participant last wrote to this binding: channels with a reply window (WhatsApp) check it. */
    Optional<Instant> lastInbound(TenantId tenantId, BindingId bindingId, String participant);

    /**
     * Whether a person has taken the message's conversation over; if so the message is marked {@code AWAITING_AGENT}
     * and no assistant answers it.
     */
    boolean holdForAgent(TenantId tenantId, MessageId messageId, ConversationId conversationId);

    /**
     * Hands a conversation to a person for a channel rule: it joins the handover queue, with why; the customer is not
     * told here (the channel could not reach them).
     */
    void flagForHuman(TenantId tenantId, ConversationId conversationId, String reason);
}
