package com.assistantgateway.admin.inbox;

import com.assistantgateway.admin.AdminProblem;
import com.assistantgateway.admin.audit.AuditTrail;
import com.assistantgateway.admin.ledger.JdbcMessageLedger;
import com.assistantgateway.routes.message.ConversationId;
import com.assistantgateway.routes.message.GatewayMessage;
import com.assistantgateway.routes.message.MessageId;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.OutboundMessages;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inbox. Taking a conversation over stops the assistant answering it (new messages wait for the agent); the
 * agent's replies go out through the conversation's own channel and binding, under the same channel rules as an
 * assistant's; handing it back lets the assistant answer again.
 */
@Service
public class Conversations {

    static final String AGENT = "agent";
    private static final int MAX_REPLY = 20_000;

    private final InboxMapper inbox;
    private final JdbcMessageLedger ledger;
    private final OutboundMessages outbound;
    private final AuditTrail audit;
    private final Clock clock;

    public Conversations(
            InboxMapper inbox, JdbcMessageLedger ledger, OutboundMessages outbound, AuditTrail audit, Clock clock) {
        this.clock = clock;
        this.inbox = inbox;
        this.ledger = ledger;
        this.outbound = outbound;
        this.audit = audit;
    }

    public List<ConversationSummary> list(TenantId tenantId, ConversationFilter filter, int offset, int limit) {
        return inbox.conversations(tenantId, filter, offset, limit);
    }

    public long count(TenantId tenantId, ConversationFilter filter) {
        return inbox.count(tenantId, filter);
    }

    public Thread thread(TenantId tenantId, ConversationId conversationId) {
        ConversationSummary summary =
                inbox.conversation(tenantId, conversationId).orElseThrow(AdminProblem::notFound);
        return new Thread(summary, ledger.messages(tenantId, conversationId));
    }

    @Transactional
    public ConversationSummary takeOver(TenantId tenantId, ConversationId conversationId, String agent) {
        ConversationSummary before =
                inbox.conversation(tenantId, conversationId).orElseThrow(AdminProblem::notFound);
        inbox.takeOver(tenantId, conversationId, agent, clock.instant());
        audit.record(
                tenantId,
                agent,
                "conversation.taken-over",
                "conversation",
                conversationId.value(),
                audit.change(Map.of("status", before.status()), Map.of("status", AGENT, "assignee", agent)));
        return inbox.conversation(tenantId, conversationId).orElseThrow();
    }

    /** Sends an agent's reply; the conversation must be taken over first, so an assistant never answers alongside. */
    @Transactional
    public GatewayMessage reply(TenantId tenantId, ConversationId conversationId, String text, String agent) {
        ConversationSummary conversation =
                inbox.conversation(tenantId, conversationId).orElseThrow(AdminProblem::notFound);
        if (!AGENT.equals(conversation.status())) {
            throw AdminProblem.conflict("take the conversation over before replying");
        }
        if (text == null || text.isBlank() || text.length() > MAX_REPLY) {
            throw AdminProblem.invalid("a reply needs text of at most " + MAX_REPLY + " characters");
        }
        GatewayMessage last = ledger.lastInboundOf(tenantId, conversationId)
                .orElseThrow(() -> AdminProblem.conflict("the conversation has no message to reply to"));
        GatewayMessage reply = last.agentReply(MessageId.random(), text.strip(), agent, clock.instant());
        ledger.recordAgentReply(reply);
        audit.record(
                tenantId,
                agent,
                "conversation.replied",
                "conversation",
                conversationId.value(),
                audit.change(null, Map.of("messageId", reply.id().value())));
        outbound.send(reply);
        return reply;
    }

    @Transactional
    public ConversationSummary handBack(TenantId tenantId, ConversationId conversationId, String actor) {
        ConversationSummary before =
                inbox.conversation(tenantId, conversationId).orElseThrow(AdminProblem::notFound);
        inbox.handBack(tenantId, conversationId, clock.instant());
        audit.record(
                tenantId,
                actor,
                "conversation.handed-back",
                "conversation",
                conversationId.value(),
                audit.change(Map.of("status", before.status()), Map.of("status", "open")));
        return inbox.conversation(tenantId, conversationId).orElseThrow();
    }

    /** A conversation and its messages, oldest first. */
    public record Thread(ConversationSummary conversation, List<GatewayMessage> messages) {}
}
