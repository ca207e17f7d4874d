package com.assistantgateway.admin.ledger;

import com.assistantgateway.routes.message.BindingId;
import com.assistantgateway.routes.message.ConversationId;
import com.assistantgateway.routes.message.MessageId;
import com.assistantgateway.routes.message.TenantId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Conversations and messages. Every statement names the tenant. */
@Mapper
public interface LedgerMapper {

    @Select("SELECT tenant_id, id, assistant_id, channel, binding_id, participant, status, created_at, updated_at"
            + " FROM conversations WHERE tenant_id = #{tenantId} AND id = #{conversationId}")
    Optional<ConversationRow> conversation(TenantId tenantId, ConversationId conversationId);

    @Insert("INSERT INTO conversations"
            + " (tenant_id, id, assistant_id, channel, binding_id, participant, status, created_at, updated_at)"
            + " VALUES (#{tenantId}, #{id}, #{assistantId}, #{channel}, #{bindingId}, #{participant}, #{status},"
            + " #{createdAt}, #{updatedAt})")
    void insertConversation(ConversationRow conversation);

    @Update("UPDATE conversations SET updated_at = #{at} WHERE tenant_id = #{tenantId} AND id = #{conversationId}")
    void touchConversation(TenantId tenantId, ConversationId conversationId, Instant at);

    @Insert("INSERT INTO messages (tenant_id, id, conversation_id, assistant_id, binding_id, channel, direction,"
            + " channel_message_id, replay_key, reply_to, sender, recipient, status, confidence, payload, created_at,"
            + " updated_at, outcome, language, handover) VALUES (#{tenantId}, #{id}, #{conversationId},"
            + " #{assistantId}, #{bindingId}, #{channel}, #{direction}, #{channelMessageId}, #{replayKey},"
            + " #{replyTo}, #{sender}, #{recipient}, #{status}, #{confidence}, #{payload}, #{createdAt},"
            + " #{createdAt}, #{outcome}, #{language}, #{handover})")
    void insertMessage(MessageRow message);

    @Select("SELECT payload, status, direction FROM messages WHERE tenant_id = #{tenantId} AND id = #{messageId}")
    Optional<StoredMessage> message(TenantId tenantId, MessageId messageId);

    @Select("SELECT payload, status, direction FROM messages WHERE tenant_id = #{tenantId}"
            + " AND binding_id = #{bindingId} AND channel_message_id = #{channelMessageId}")
    Optional<StoredMessage> messageByChannelId(TenantId tenantId, BindingId bindingId, String channelMessageId);

    @Select("SELECT payload, status, direction FROM messages WHERE tenant_id = #{tenantId}"
            + " AND binding_id = #{bindingId} AND replay_key = #{replayKey}")
    Optional<StoredMessage> messageByReplayKey(TenantId tenantId, BindingId bindingId, String replayKey);

    @Select("SELECT payload, status, direction FROM messages WHERE tenant_id = #{tenantId} AND reply_to = #{inboundId}")
    Optional<StoredMessage> replyTo(TenantId tenantId, MessageId inboundId);

    /** A person's replies reference no one message (there may be many); the first after the inbound one answers it. */
    @Select("SELECT payload, status, direction FROM messages WHERE tenant_id = #{tenantId}"
            + " AND conversation_id = #{conversationId} AND direction = 'OUTBOUND' AND reply_to IS NULL"
            + " AND seq > (SELECT seq FROM messages WHERE tenant_id = #{tenantId} AND id = #{inboundId})"
            + " ORDER BY seq LIMIT 1")
    Optional<StoredMessage> agentReplyTo(TenantId tenantId, ConversationId conversationId, MessageId inboundId);

    /** By primary key, pair by pair: an {@code id IN (...)} beside the tenant scanned all of the tenant's messages. */
    @Update({
        "<script>UPDATE messages SET status = 'QUEUED', updated_at = #{at}",
        " WHERE status = 'RECEIVED' AND (tenant_id, id) IN",
        " <foreach item='id' collection='messageIds' open='(' separator=',' close=')'>(#{tenantId}, #{id})</foreach>",
        "</script>"
    })
    int confirmQueued(TenantId tenantId, Collection<MessageId> messageIds, Instant at);

    @Select("SELECT m.status, c.status AS conversation_status, r.payload AS reply_payload FROM messages m"
            + " JOIN conversations c ON c.tenant_id = m.tenant_id AND c.id = m.conversation_id"
            + " LEFT JOIN messages r ON r.tenant_id = m.tenant_id AND r.reply_to = m.id"
            + " WHERE m.tenant_id = #{tenantId} AND m.id = #{messageId} AND m.direction = 'INBOUND'")
    Optional<InboundRow> inbound(TenantId tenantId, MessageId messageId);

    @Update("UPDATE messages SET status = 'PROCESSING', updated_at = #{at} WHERE tenant_id = #{tenantId}"
            + " AND id = #{messageId} AND status IN ('RECEIVED', 'QUEUED')")
    int markProcessing(TenantId tenantId, MessageId messageId, Instant at);

    @Select("SELECT payload, status, direction FROM messages WHERE tenant_id = #{tenantId} AND status = 'RECEIVED'"
            + " AND direction = 'INBOUND' AND created_at < #{before} ORDER BY seq LIMIT #{limit}")
    List<StoredMessage> unconfirmed(TenantId tenantId, Instant before, int limit);

    @Update("UPDATE messages SET status = #{status}, status_reason = #{reason}, updated_at = #{at}"
            + " WHERE tenant_id = #{tenantId} AND id = #{messageId}")
    int updateStatus(TenantId tenantId, MessageId messageId, String status, String reason, Instant at);

    /** The latest {@code limit} messages stored before {@code before}, newest first. */
    @Select("SELECT payload, status, direction FROM messages m WHERE m.tenant_id = #{tenantId}"
            + " AND m.conversation_id = #{conversationId}"
            + " AND m.seq < (SELECT b.seq FROM messages b WHERE b.tenant_id = #{tenantId} AND b.id = #{before})"
            + " ORDER BY m.seq DESC LIMIT #{limit}")
    List<StoredMessage> historyBefore(TenantId tenantId, ConversationId conversationId, MessageId before, int limit);

    @Select("SELECT seq, payload FROM messages WHERE tenant_id = #{tenantId} AND conversation_id = #{conversationId}"
            + " AND seq > #{after} ORDER BY seq LIMIT #{limit}")
    List<PositionedMessage> conversationAfter(TenantId tenantId, ConversationId conversationId, long after, int limit);

    @Select("SELECT payload, status, direction FROM messages WHERE tenant_id = #{tenantId}"
            + " AND conversation_id = #{conversationId} ORDER BY seq")
    List<StoredMessage> conversationMessages(TenantId tenantId, ConversationId conversationId);

    @Select("SELECT COUNT(*) FROM messages WHERE tenant_id = #{tenantId} AND direction = 'INBOUND'")
    long countInbound(TenantId tenantId);

    @Select("SELECT COUNT(*) FROM conversations WHERE tenant_id = #{tenantId}")
    long countConversations(TenantId tenantId);

    /** The newest conversation with this participant holding any of the ids, inbound or as one of our deliveries. */
    @Select({
        "<script>SELECT c.id FROM conversations c WHERE c.tenant_id = #{tenantId} AND c.participant = #{participant}",
        " AND c.id IN (",
        "  SELECT m.conversation_id FROM messages m WHERE m.tenant_id = #{tenantId} AND m.binding_id = #{bindingId}",
        "  AND m.channel_message_id IN <foreach item='id' collection='ids' open='(' separator=',' close=')'>#{id}</foreach>",
        "  UNION SELECT d.conversation_id FROM deliveries d WHERE d.tenant_id = #{tenantId}",
        "  AND d.binding_id = #{bindingId}",
        "  AND d.channel_message_id IN <foreach item='id' collection='ids' open='(' separator=',' close=')'>#{id}</foreach>",
        ") ORDER BY c.updated_at DESC LIMIT 1</script>"
    })
    Optional<ConversationId> thread(TenantId tenantId, BindingId bindingId, String participant, Collection<String> ids);

    @Select("SELECT MAX(created_at) FROM messages WHERE tenant_id = #{tenantId} AND binding_id = #{bindingId}"
            + " AND sender = #{participant} AND direction = 'INBOUND'")
    Instant lastInbound(TenantId tenantId, BindingId bindingId, String participant);

    @Update("UPDATE messages SET status = 'AWAITING_AGENT', updated_at = #{at}"
            + " WHERE tenant_id = #{tenantId} AND id = #{messageId} AND EXISTS (SELECT 1 FROM conversations c"
            + " WHERE c.tenant_id = #{tenantId} AND c.id = #{conversationId} AND c.status IN ('agent', 'waiting'))")
    int holdForAgent(TenantId tenantId, MessageId messageId, ConversationId conversationId, Instant at);

    @Update("UPDATE messages SET status = 'ANSWERED', updated_at = #{at} WHERE tenant_id = #{tenantId}"
            + " AND conversation_id = #{conversationId} AND status = 'AWAITING_AGENT'")
    int answerAwaitingAgent(TenantId tenantId, ConversationId conversationId, Instant at);

    @Select("SELECT payload, status, direction FROM messages WHERE tenant_id = #{tenantId}"
            + " AND conversation_id = #{conversationId} AND direction = 'INBOUND' ORDER BY seq DESC LIMIT 1")
    Optional<StoredMessage> lastInboundOf(TenantId tenantId, ConversationId conversationId);

    @Select("SELECT status FROM conversations WHERE tenant_id = #{tenantId} AND id = #{conversationId}")
    Optional<String> conversationStatus(TenantId tenantId, ConversationId conversationId);

    @Select("SELECT id FROM conversations WHERE tenant_id = #{tenantId} ORDER BY created_at")
    List<ConversationId> conversations(TenantId tenantId);
}
