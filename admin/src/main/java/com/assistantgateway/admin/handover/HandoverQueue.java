package com.assistantgateway.admin.handover;

import com.assistantgateway.admin.AdminProblem;
import com.assistantgateway.admin.AdminProperties;
import com.assistantgateway.admin.audit.AuditTrail;
import com.assistantgateway.routes.message.ConversationId;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.HandoverReason;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The queue of conversations handed to people. A handed-over conversation waits (oldest first) until an available
 * agent has room; then it goes to the one who has waited longest since their last (round robin over agents with spare
 * capacity). A timer runs from the handover until an agent's first reply, and again from each customer message until
 * the next; agents are warned before it runs out. Every instance sweeps; the agents' rows are locked while
 * assigning and each agent's conversations counted as committed, so two instances never give one agent more than
 * their capacity.
 */
@Service
public class HandoverQueue {

    private static final int ASSIGN_BATCH = 50;

    private final HandoverMapper mapper;
    private final AuditTrail audit;
    private final AdminProperties.Handover settings;
    private final Clock clock;
    private final TransactionTemplate transactions;

    public HandoverQueue(
            HandoverMapper mapper,
            AuditTrail audit,
            AdminProperties properties,
            Clock clock,
            TransactionTemplate transactions) {
        this.transactions = transactions;
        this.mapper = mapper;
        this.audit = audit;
        this.settings = properties.handover();
        this.clock = clock;
    }

    /**
     * Puts a conversation in the queue (inside the caller's transaction: the reply that told the customer and the
     * handover commit together); a conversation a person already has stays theirs.
     */
    public void open(TenantId tenantId, ConversationId conversationId, HandoverReason reason, String actor) {
        Instant now = clock.instant();
        if (mapper.open(tenantId, conversationId, reason.code(), now, now.plus(settings.firstResponse())) == 1) {
            audit.record(
                    tenantId,
                    actor,
                    "conversation.handed-over",
                    "conversation",
                    conversationId.value(),
                    audit.change(null, Map.of("reason", reason.code(), "status", "waiting")));
            assignWaiting(tenantId);
        }
    }

    /** Gives waiting conversations, oldest first, to available agents with room; returns how many were assigned. */
    @Transactional
    public int assignWaiting(TenantId tenantId) {
        List<String> waiting = mapper.oldestWaiting(tenantId, ASSIGN_BATCH);
        if (waiting.isEmpty()) {
            return 0;
        }
        List<Agent> agents = new ArrayList<>(mapper.lockAvailable(tenantId));
        Map<String, Integer> load = new HashMap<>();
        for (Agent agent : agents) {
            load.put(agent.email(), mapper.lockAssigned(tenantId, agent.email()).size());
        }
        int assigned = 0;
        Instant now = clock.instant();
        for (String id : waiting) {
            // Agents are in round-robin order (longest since their last assignment first); the one given a
            // conversation moves to the back.
            Optional<Agent> next = agents.stream()
                    .filter(a -> load.get(a.email()) < a.capacity())
                    .findFirst();
            if (next.isEmpty()) {
                break;
            }
            Agent agent = next.get();
            ConversationId conversation = new ConversationId(id);
            if (mapper.assign(tenantId, conversation, agent.email(), now) == 1) {
                mapper.assigned(tenantId, agent.email(), now);
                load.merge(agent.email(), 1, Integer::sum);
                agents.remove(agent);
                agents.add(agent);
                assigned++;
                audit.record(
                        tenantId,
                        "system:handover",
                        "conversation.assigned",
                        "conversation",
                        id,
                        audit.change(
                                Map.of("status", "waiting"), Map.of("status", "agent", "assignee", agent.email())));
            }
        }
        return assigned;
    }

    public List<QueuedConversation> queue(TenantId tenantId) {
        return mapper.queue(tenantId);
    }

    public List<Agent> agents(TenantId tenantId) {
        return mapper.agents(tenantId);
    }

    public Agent agent(TenantId tenantId, String email) {
        return mapper.agent(tenantId, email).orElse(new Agent(email, false, settings.capacity(), null));
    }

    /** An agent says whether they take conversations now, and how many at once; waiting ones are assigned at once. */
    @Transactional
    public Agent setAvailability(TenantId tenantId, String email, boolean available, Integer capacity) {
        int room = capacity == null ? agent(tenantId, email).capacity() : capacity;
        if (room < 1 || room > 100) {
            throw AdminProblem.invalid("capacity must be a whole number from 1 to 100");
        }
        if (mapper.updateAgent(tenantId, email, available, room) == 0) {
            mapper.insertAgent(tenantId, email, available, room);
        }
        audit.record(
                tenantId,
                email,
                available ? "agent.available" : "agent.away",
                "agent",
                email,
                audit.change(null, Map.of("available", available, "capacity", room)));
        assignWaiting(tenantId);
        return agent(tenantId, email);
    }

    /** An agent replied: the timer stops until the customer writes again. */
    public void agentReplied(TenantId tenantId, ConversationId conversationId) {
        mapper.agentReplied(tenantId, conversationId);
    }

    /** The customer wrote to a person: their next reply is due. */
    public void customerWrote(TenantId tenantId, ConversationId conversationId) {
        mapper.customerWrote(tenantId, conversationId, clock.instant().plus(settings.nextResponse()));
    }

    /** What the console's badge shows an agent: counted by the database, since every console page shows it. */
    public Badge badge(TenantId tenantId, String email) {
        HandoverMapper.BadgeCounts counts =
                mapper.badge(tenantId, email, clock.instant().plus(settings.warnBefore()));
        return new Badge((int) counts.waiting(), (int) counts.mine(), (int) counts.atRisk());
    }

    public AdminProperties.Handover settings() {
        return settings;
    }

    public Instant now() {
        return clock.instant();
    }

    /** Assigns what waits (an agent may have come back, or finished one) and warns of timers about to run out. */
    @Scheduled(
            initialDelayString = "${gateway.admin.handover.sweep:10s}",
            fixedDelayString = "${gateway.admin.handover.sweep:10s}")
    public void sweep() {
        for (TenantId tenantId : mapper.tenantsWaiting()) {
            transactions.executeWithoutResult(status -> assignWaiting(tenantId));
        }
        Instant warnFrom = clock.instant().plus(settings.warnBefore());
        for (TenantId tenantId : mapper.tenantsDueBefore(warnFrom)) {
            for (QueuedConversation due : mapper.dueBefore(tenantId, warnFrom)) {
                if (mapper.warned(tenantId, new ConversationId(due.id()), clock.instant()) == 1) {
                    audit.record(
                            tenantId,
                            "system:handover",
                            "conversation.response-due",
                            "conversation",
                            due.id(),
                            audit.change(
                                    null,
                                    Map.of(
                                            "due", due.responseDue().toString(),
                                            "reply", due.responseKind(),
                                            "assignee", due.assignee() == null ? "" : due.assignee())));
                }
            }
        }
    }

    /**
     * The console badge.
     *
     * @param waiting conversations no agent has yet
     * @param mine conversations assigned to the signed-in agent
     * @param atRisk conversations whose reply is due within the warning window, or overdue
     */
    public record Badge(int waiting, int mine, int atRisk) {
        public int total() {
            return waiting + mine;
        }
    }
}
