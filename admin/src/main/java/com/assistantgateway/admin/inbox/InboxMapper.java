package com.assistantgateway.admin.inbox;

import com.assistantgateway.routes.message.ConversationId;
import com.assistantgateway.routes.message.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The inbox's reads and the takeover's writes. Every statement names the tenant. */
@Mapper
public interface InboxMapper {

    String FILTER = "<where> c.tenant_id = #{tenantId}"
            + "<if test='f.status != null'> AND c.status = #{f.status}</if>"
            + "<if test='f.channel != null'> AND c.channel = #{f.channel}</if>"
            + "<if test='f.assistantId != null'> AND c.assistant_id = #{f.assistantId}</if>"
            + "<if test='f.from != null'> AND c.updated_at &gt;= #{f.from}</if>"
            + "<if test='f.to != null'> AND c.updated_at &lt; #{f.to}</if></where>";

    String SUMMARY = "SELECT c.id, c.assistant_id, c.channel, c.binding_id, c.participant, c.status, c.assignee,"
            + " (SELECT COUNT(*) FROM messages m WHERE m.tenant_id = c.tenant_id AND m.conversation_id = c.id)"
            + " AS messages, c.created_at, c.updated_at FROM conversations c ";

    @Select("<script>" + SUMMARY + FILTER
            + " ORDER BY c.updated_at DESC, c.id LIMIT #{limit} OFFSET #{offset}</script>")
    List<ConversationSummary> conversations(TenantId tenantId, @Param("f") ConversationFilter f, int offset, int limit);

    @Select("<script>SELECT COUNT(*) FROM conversations c " + FILTER + "</script>")
    long count(TenantId tenantId, @Param("f") ConversationFilter f);

    @Select(SUMMARY + " WHERE c.tenant_id = #{tenantId} AND c.id = #{conversationId}")
    Optional<ConversationSummary> conversation(TenantId tenantId, ConversationId conversationId);

    @Update("UPDATE conversations SET status = 'agent', assignee = #{agent}, updated_at = #{at}"
            + " WHERE tenant_id = #{tenantId} AND id = #{conversationId}")
    int takeOver(TenantId tenantId, ConversationId conversationId, String agent, Instant at);

    /** Back to the assistant: out of the handover queue, timers stopped. */
    @Update("UPDATE conversations SET status = 'open', assignee = NULL, handover_reason = NULL,"
            + " handed_over_at = NULL, response_due = NULL, response_kind = NULL, warned_at = NULL,"
            + " updated_at = #{at} WHERE tenant_id = #{tenantId} AND id = #{conversationId}")
    int handBack(TenantId tenantId, ConversationId conversationId, Instant at);
}
