package com.assistantgateway.admin.handover;

import com.assistantgateway.routes.message.ConversationId;
import com.assistantgateway.routes.message.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The handover queue's reads and writes. Every statement names the tenant, except the sweep's list of tenants. */
@Mapper
public interface HandoverMapper {

    String QUEUED = "SELECT id, assistant_id, channel, participant, status, assignee, handover_reason, handed_over_at,"
            + " response_due, response_kind FROM conversations";

    @Select(QUEUED + " WHERE tenant_id = #{tenantId} AND status IN ('waiting', 'agent')"
            + " AND handed_over_at IS NOT NULL ORDER BY handed_over_at, id")
    List<QueuedConversation> queue(TenantId tenantId);

    /**
     * The badge's three counts in one pass over the tenant's queue: waiting, assigned to this agent, and due before
     * the warning's edge (overdue included).
     */
    @Select("SELECT COUNT(CASE WHEN status = 'waiting' THEN 1 END) AS waiting,"
            + " COUNT(CASE WHEN assignee = #{email} THEN 1 END) AS mine,"
            + " COUNT(CASE WHEN response_due < #{dueBefore} THEN 1 END) AS at_risk FROM conversations"
            + " WHERE tenant_id = #{tenantId} AND status IN ('waiting', 'agent') AND handed_over_at IS NOT NULL")
    BadgeCounts badge(TenantId tenantId, String email, Instant dueBefore);

    /** The badge's counts as the database returns them. */
    record BadgeCounts(long waiting, long mine, long atRisk) {}

    /** Joins the queue unless a person already has the conversation. */
    @Update("UPDATE conversations SET status = 'waiting', assignee = NULL, handover_reason = #{reason},"
            + " handed_over_at = #{at}, response_due = #{due}, response_kind = 'first', warned_at = NULL,"
            + " updated_at = #{at} WHERE tenant_id = #{tenantId} AND id = #{conversationId}"
            + " AND status NOT IN ('waiting', 'agent')")
    int open(TenantId tenantId, ConversationId conversationId, String reason, Instant at, Instant due);

    @Select("SELECT id FROM conversations WHERE tenant_id = #{tenantId} AND status = 'waiting'"
            + " ORDER BY handed_over_at, id LIMIT #{limit}")
    List<String> oldestWaiting(TenantId tenantId, int limit);

    @Select("SELECT DISTINCT tenant_id FROM conversations WHERE status = 'waiting'")
    List<TenantId> tenantsWaiting();

    /** The available agents, locked until the assignment commits: two instances never overfill one agent. */
    @Select("SELECT email, available, capacity, last_assigned_at FROM agents WHERE tenant_id = #{tenantId}"
            + " AND available = TRUE ORDER BY last_assigned_at IS NOT NULL, last_assigned_at, email FOR UPDATE")
    List<Agent> lockAvailable(TenantId tenantId);

    /**
     * The conversations an agent has, locked, as committed now: a locking read, because a plain one in MySQL's
     * repeatable read shows the transaction's first snapshot, without what another instance assigned while this one
     * waited for the agents' rows. Index {@code ix_conversations_assignee} keeps the lock to this agent's rows.
     */
    @Select("SELECT id FROM conversations WHERE tenant_id = #{tenantId} AND assignee = #{email}"
            + " AND status = 'agent' FOR UPDATE")
    List<String> lockAssigned(TenantId tenantId, String email);

    @Update("UPDATE conversations SET status = 'agent', assignee = #{email}, updated_at = #{at}"
            + " WHERE tenant_id = #{tenantId} AND id = #{conversationId} AND status = 'waiting'")
    int assign(TenantId tenantId, ConversationId conversationId, String email, Instant at);

    @Update("UPDATE agents SET last_assigned_at = #{at} WHERE tenant_id = #{tenantId} AND email = #{email}")
    int assigned(TenantId tenantId, String email, Instant at);

    @Select("SELECT email, available, capacity, last_assigned_at FROM agents WHERE tenant_id = #{tenantId}"
            + " AND email = #{email}")
    Optional<Agent> agent(TenantId tenantId, String email);

    @Select("SELECT email, available, capacity, last_assigned_at FROM agents WHERE tenant_id = #{tenantId}"
            + " ORDER BY email")
    List<Agent> agents(TenantId tenantId);

    @Update("UPDATE agents SET available = #{available}, capacity = #{capacity} WHERE tenant_id = #{tenantId}"
            + " AND email = #{email}")
    int updateAgent(TenantId tenantId, String email, boolean available, int capacity);

    @Insert("INSERT INTO agents (tenant_id, email, available, capacity) VALUES (#{tenantId}, #{email},"
            + " #{available}, #{capacity})")
    void insertAgent(TenantId tenantId, String email, boolean available, int capacity);

    /** An agent replied: nothing is due until the customer writes again. */
    @Update("UPDATE conversations SET response_due = NULL, response_kind = NULL, warned_at = NULL"
            + " WHERE tenant_id = #{tenantId} AND id = #{conversationId}")
    int agentReplied(TenantId tenantId, ConversationId conversationId);

    /** The customer wrote while a person has the conversation: the next reply is due, unless one is already. */
    @Update("UPDATE conversations SET response_due = #{due}, response_kind = 'next', warned_at = NULL"
            + " WHERE tenant_id = #{tenantId} AND id = #{conversationId} AND status = 'agent'"
            + " AND handed_over_at IS NOT NULL AND response_due IS NULL")
    int customerWrote(TenantId tenantId, ConversationId conversationId, Instant due);

    @Select("SELECT tenant_id FROM conversations WHERE response_due IS NOT NULL AND response_due < #{before}"
            + " AND warned_at IS NULL AND status IN ('waiting', 'agent') GROUP BY tenant_id")
    List<TenantId> tenantsDueBefore(Instant before);

    @Select(QUEUED + " WHERE tenant_id = #{tenantId} AND response_due IS NOT NULL AND response_due < #{before}"
            + " AND warned_at IS NULL AND status IN ('waiting', 'agent') ORDER BY response_due LIMIT 100")
    List<QueuedConversation> dueBefore(TenantId tenantId, Instant before);

    @Update("UPDATE conversations SET warned_at = #{at} WHERE tenant_id = #{tenantId} AND id = #{conversationId}"
            + " AND warned_at IS NULL")
    int warned(TenantId tenantId, ConversationId conversationId, Instant at);
}
