package com.assistantgateway.admin.ledger;

import com.assistantgateway.admin.audit.AuditTrail;
import com.assistantgateway.admin.handover.HandoverQueue;
import com.assistantgateway.routes.backbone.ChannelSignatures;
import com.assistantgateway.routes.backbone.RetriedTransactions;
import com.assistantgateway.routes.message.BindingId;
import com.assistantgateway.routes.message.CanonicalJson;
import com.assistantgateway.routes.message.ConversationId;
import com.assistantgateway.routes.message.Direction;
import com.assistantgateway.routes.message.GatewayMessage;
import com.assistantgateway.routes.message.MessageId;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.Acceptance;
import com.assistantgateway.routes.port.AssistantAnswer;
import com.assistantgateway.routes.port.ConversationEntry;
import com.assistantgateway.routes.port.HandoverReason;
import com.assistantgateway.routes.port.InboundState;
import com.assistantgateway.routes.port.MessageLedger;
import com.assistantgateway.routes.port.MessageStatus;
import com.assistantgateway.routes.port.MessageView;
import com.assistantgateway.routes.port.PolicyDecision;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The message ledger on the admin module's tables. */
@Service
public class JdbcMessageLedger implements MessageLedger {

    /** Status of a stored reply row: produced, on its way to the channel. */
    static final String REPLY_QUEUED = "QUEUED";

    private static final int MAX_REASON = 1000;

    /** The statuses of a conversation a person has, or is about to get (see the inbox and the handover queue). */
    private static final Set<String> WITH_A_PERSON = Set.of("agent", "waiting");

    private final LedgerMapper mapper;
    private final AuditTrail audit;
    private final RetriedTransactions transactions;
    private final HandoverQueue handovers;
    private final Clock clock;

    public JdbcMessageLedger(
            LedgerMapper mapper,
            AuditTrail audit,
            RetriedTransactions transactions,
            HandoverQueue handovers,
            Clock clock) {
        this.clock = clock;
        this.handovers = handovers;
        this.mapper = mapper;
        this.audit = audit;
        this.transactions = transactions;
    }

    @Override
    public Acceptance accept(GatewayMessage given) {
        return transactions.write(() -> acceptOnce(given));
    }

    private Acceptance acceptOnce(GatewayMessage given) {
        Optional<GatewayMessage> first = firstWithSameChannelId(given);
        if (first.isPresent()) {
            return new Acceptance(first.get(), false);
        }
        Placed placed = inOwnConversation(given);
        GatewayMessage inbound = placed.message();
        ensureConversation(placed);
        try {
            mapper.insertMessage(row(inbound, MessageStatus.RECEIVED.name()));
        } catch (DuplicateKeyException raced) {
            return new Acceptance(firstWithSameChannelId(inbound).orElseThrow(() -> raced), false);
        }
        audit.record(
                inbound.tenantId(),
                "channel:" + inbound.channel(),
                "message.received",
                "message",
                inbound.id().value(),
                null);
        return new Acceptance(inbound, true);
    }

    @Override
    public void markQueued(TenantId tenantId, Collection<MessageId> messageIds) {
        if (!messageIds.isEmpty()) {
            mapper.confirmQueued(tenantId, messageIds, clock.instant());
        }
    }

    @Override
    public List<GatewayMessage> unconfirmed(TenantId tenantId, Instant before, int limit) {
        return mapper.unconfirmed(tenantId, before, limit).stream()
                .map(stored -> CanonicalJson.read(stored.payload()))
                .toList();
    }

    @Override
    public Optional<InboundState> inboundState(TenantId tenantId, MessageId messageId) {
        return mapper.inbound(tenantId, messageId)
                .map(row -> new InboundState(
                        MessageStatus.valueOf(row.status()),
                        Optional.ofNullable(row.replyPayload()).map(CanonicalJson::read),
                        WITH_A_PERSON.contains(row.conversationStatus())));
    }

    @Override
    public void markProcessing(TenantId tenantId, MessageId messageId) {
        mapper.markProcessing(tenantId, messageId, clock.instant());
    }

    /** The stored reply to an inbound message, if one was stored already. */
    public Optional<GatewayMessage> replyTo(TenantId tenantId, MessageId inboundId) {
        return mapper.replyTo(tenantId, inboundId).map(stored -> CanonicalJson.read(stored.payload()));
    }

    @Override
    public void recordReply(GatewayMessage reply, List<PolicyDecision> decisions) {
        if (reply.direction() != Direction.OUTBOUND || reply.inReplyTo() == null) {
            throw new IllegalArgumentException("not a reply: " + reply.id());
        }
        transactions.write(() -> recordReplyOnce(reply, decisions));
    }

    private void recordReplyOnce(GatewayMessage reply, List<PolicyDecision> decisions) {
        // Conversation row first, as accept() locks it: one lock order, or MySQL picks deadlock victims.
        mapper.touchConversation(reply.tenantId(), reply.conversationId(), reply.receivedAt());
        mapper.insertMessage(row(reply, REPLY_QUEUED));
        mapper.updateStatus(
                reply.tenantId(), reply.inReplyTo(), MessageStatus.ANSWERED.name(), null, reply.receivedAt());
        audit.record(
                reply.tenantId(),
                "assistant:" + reply.assistantId().value(),
                "message.answered",
                "message",
                reply.inReplyTo().value(),
                CanonicalJson.write(Map.of("replyId", reply.id().value(), "confidence", reply.confidence())));
        String actor = "assistant:" + reply.assistantId().value();
        for (PolicyDecision decision : decisions) {
            audit.record(
                    reply.tenantId(),
                    actor,
                    "policy." + decision.rule() + "." + decision.action(),
                    "message",
                    reply.inReplyTo().value(),
                    CanonicalJson.write(Map.of(
                            "policyVersion", decision.version(),
                            "detail", decision.detail(),
                            "replyId", reply.id().value())));
        }
        String handover = reply.metadata().get(AssistantAnswer.META_HANDOVER);
        if (handover != null) {
            handovers.open(reply.tenantId(), reply.conversationId(), HandoverReason.ofCode(handover), actor);
        }
    }

    /**
     * Stores a person's reply in a taken-over conversation. Unlike an assistant's, there may be many per inbound
     * message; the messages waiting for the agent count as answered.
     */
    public void recordAgentReply(GatewayMessage reply) {
        transactions.write(() -> recordAgentReplyOnce(reply));
    }

    private void recordAgentReplyOnce(GatewayMessage reply) {
        mapper.touchConversation(reply.tenantId(), reply.conversationId(), reply.receivedAt());
        MessageRow row = row(reply, REPLY_QUEUED);
        mapper.insertMessage(new MessageRow(
                row.tenantId(),
                row.id(),
                row.conversationId(),
                row.assistantId(),
                row.bindingId(),
                row.channel(),
                row.direction(),
                null,
                null,
                null,
                row.sender(),
                row.recipient(),
                row.status(),
                null,
                row.payload(),
                row.createdAt(),
                null,
                null,
                null));
        handovers.agentReplied(reply.tenantId(), reply.conversationId());
        mapper.answerAwaitingAgent(reply.tenantId(), reply.conversationId(), reply.receivedAt());
    }

    /** The newest inbound message of a conversation: what an agent's reply answers. */
    public Optional<GatewayMessage> lastInboundOf(TenantId tenantId, ConversationId conversationId) {
        return mapper.lastInboundOf(tenantId, conversationId).map(stored -> CanonicalJson.read(stored.payload()));
    }

    @Override
    @Transactional
    public void markFailed(TenantId tenantId, MessageId messageId, String reason) {
        String shortReason = reason == null ? null : reason.substring(0, Math.min(reason.length(), MAX_REASON));
        mapper.updateStatus(tenantId, messageId, MessageStatus.FAILED.name(), shortReason, clock.instant());
        audit.record(tenantId, "gateway", "message.failed", "message", messageId.value(), null);
    }

    @Override
    public List<GatewayMessage> history(TenantId tenantId, ConversationId conversationId, MessageId before, int limit) {
        if (limit == 0) {
            return List.of();
        }
        List<GatewayMessage> newestFirst = new ArrayList<>();
        for (StoredMessage stored : mapper.historyBefore(tenantId, conversationId, before, limit)) {
            newestFirst.add(CanonicalJson.read(stored.payload()));
        }
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    @Override
    public List<ConversationEntry> conversationAfter(
            TenantId tenantId, ConversationId conversationId, long afterPosition, int limit) {
        return mapper.conversationAfter(tenantId, conversationId, afterPosition, limit).stream()
                .map(row -> new ConversationEntry(row.seq(), CanonicalJson.read(row.payload())))
                .toList();
    }

    @Override
    public Optional<MessageView> find(TenantId tenantId, MessageId messageId) {
        return mapper.message(tenantId, messageId)
                .filter(stored -> Direction.INBOUND.name().equals(stored.direction()))
                .map(stored -> {
                    GatewayMessage inbound = CanonicalJson.read(stored.payload());
                    MessageStatus status = MessageStatus.valueOf(stored.status());
                    Optional<GatewayMessage> reply = replyTo(tenantId, messageId);
                    if (reply.isEmpty() && status == MessageStatus.ANSWERED) {
                        reply = mapper.agentReplyTo(tenantId, inbound.conversationId(), messageId)
                                .map(agent -> CanonicalJson.read(agent.payload()));
                    }
                    return new MessageView(inbound, status, reply);
                });
    }

    @Override
    public Optional<ConversationId> thread(
            TenantId tenantId, BindingId bindingId, String participant, Collection<String> channelMessageIds) {
        if (participant == null || channelMessageIds.isEmpty()) {
            return Optional.empty();
        }
        return mapper.thread(tenantId, bindingId, participant, channelMessageIds);
    }

    @Override
    public Optional<Instant> lastInbound(TenantId tenantId, BindingId bindingId, String participant) {
        return Optional.ofNullable(mapper.lastInbound(tenantId, bindingId, participant));
    }

    @Override
    @Transactional
    public boolean holdForAgent(TenantId tenantId, MessageId messageId, ConversationId conversationId) {
        if (mapper.holdForAgent(tenantId, messageId, conversationId, clock.instant()) == 0) {
            return false;
        }
        audit.record(tenantId, "gateway", "message.held-for-agent", "message", messageId.value(), null);
        handovers.customerWrote(tenantId, conversationId);
        return true;
    }

    @Override
    @Transactional
    public void flagForHuman(TenantId tenantId, ConversationId conversationId, String reason) {
        audit.record(
                tenantId,
                "gateway",
                "conversation.needs-human",
                "conversation",
                conversationId.value(),
                CanonicalJson.write(Map.of("reason", reason)));
        handovers.open(tenantId, conversationId, HandoverReason.CHANNEL_RULE, "gateway");
    }

    /** {@code open}; {@code waiting} or {@code agent} once handed to a person. */
    public Optional<String> conversationStatus(TenantId tenantId, ConversationId conversationId) {
        return mapper.conversationStatus(tenantId, conversationId);
    }

    /** A conversation's messages and replies, oldest first: the thread as admins read it. */
    public List<GatewayMessage> messages(TenantId tenantId, ConversationId conversationId) {
        return mapper.conversationMessages(tenantId, conversationId).stream()
                .map(stored -> CanonicalJson.read(stored.payload()))
                .toList();
    }

    /** Inbound messages stored for the tenant. */
    public long countInbound(TenantId tenantId) {
        return mapper.countInbound(tenantId);
    }

    public long countConversations(TenantId tenantId) {
        return mapper.countConversations(tenantId);
    }

    /** The message this one repeats: the same channel message id, or the same replay key, on the same binding. */
    private Optional<GatewayMessage> firstWithSameChannelId(GatewayMessage inbound) {
        Optional<StoredMessage> first = inbound.channelMessageId() == null
                ? Optional.empty()
                : mapper.messageByChannelId(inbound.tenantId(), inbound.bindingId(), inbound.channelMessageId());
        String replayKey = inbound.metadata().get(GatewayMessage.REPLAY_KEY);
        if (first.isEmpty() && replayKey != null) {
            first = mapper.messageByReplayKey(inbound.tenantId(), inbound.bindingId(), replayKey);
        }
        return first.map(stored -> CanonicalJson.read(stored.payload()));
    }

    /**
     * A conversation belongs to the binding and participant that started it. A message naming one of someone else's
     * (a guessed or leaked id, another binding's) never joins it, so it never sees that thread's history: it goes to
     * a conversation derived from what it named, its binding and its sender, the same one on every such message, or,
     * should that be taken too, to a new one.
     */
    private Placed inOwnConversation(GatewayMessage inbound) {
        Standing named = standing(inbound.conversationId(), inbound);
        if (named != Standing.FOREIGN) {
            return new Placed(inbound, named == Standing.OWN);
        }
        ConversationId derived = new ConversationId("c-"
                + ChannelSignatures.sha256Hex(inbound.bindingId() + "\n" + participant(inbound.from()) + "\n"
                                + inbound.conversationId().value())
                        .substring(0, 32));
        Standing standing = standing(derived, inbound);
        return standing == Standing.FOREIGN
                ? new Placed(inbound.inConversation(ConversationId.random()), false)
                : new Placed(inbound.inConversation(derived), standing == Standing.OWN);
    }

    /** Whether the conversation is new, or this message's binding and participant started it, or someone else. */
    private Standing standing(ConversationId conversation, GatewayMessage inbound) {
        return mapper.conversation(inbound.tenantId(), conversation)
                .map(row -> Objects.equals(row.bindingId(), inbound.bindingId())
                                && participant(row.participant()).equals(participant(inbound.from()))
                        ? Standing.OWN
                        : Standing.FOREIGN)
                .orElse(Standing.NEW);
    }

    private enum Standing {
        NEW,
        OWN,
        FOREIGN
    }

    /** A message in the conversation it belongs to, and whether that conversation was stored already. */
    private record Placed(GatewayMessage message, boolean existing) {}

    /** Addresses compare as mail clients and phone systems do: case does not make another person. */
    private static String participant(String address) {
        return address == null ? "" : address.strip().toLowerCase(Locale.ROOT);
    }

    private void ensureConversation(Placed placed) {
        GatewayMessage inbound = placed.message();
        if (placed.existing()) {
            mapper.touchConversation(inbound.tenantId(), inbound.conversationId(), inbound.receivedAt());
            return;
        }
        try {
            mapper.insertConversation(new ConversationRow(
                    inbound.tenantId(),
                    inbound.conversationId(),
                    inbound.assistantId(),
                    inbound.channel(),
                    inbound.bindingId(),
                    inbound.from(),
                    "open",
                    inbound.receivedAt(),
                    inbound.receivedAt()));
        } catch (DuplicateKeyException startedConcurrently) {
            // another message of the same new conversation got there first; the row is what we need
        }
    }

    private static MessageRow row(GatewayMessage message, String status) {
        return new MessageRow(
                message.tenantId(),
                message.id(),
                message.conversationId(),
                message.assistantId(),
                message.bindingId(),
                message.channel(),
                message.direction().name(),
                message.channelMessageId(),
                message.metadata().get(GatewayMessage.REPLAY_KEY),
                message.inReplyTo(),
                message.from(),
                message.to(),
                status,
                message.confidence(),
                CanonicalJson.write(message),
                message.receivedAt(),
                message.metadata().get(AssistantAnswer.META_OUTCOME),
                message.metadata().get(AssistantAnswer.META_LANGUAGE),
                message.metadata().get(AssistantAnswer.META_HANDOVER));
    }
}
