package com.assistantgateway.admin.ledger;

import com.assistantgateway.routes.message.ConversationId;
import com.assistantgateway.routes.message.MessageId;
import com.assistantgateway.routes.message.TenantId;
import java.time.Instant;
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
            + " channel_message_id, reply_to, sender, recipient, status, confidence, payload, created_at, updated_at)"
            + " VALUES (#{tenantId}, #{id}, #{conversationId}, #{assistantId}, #{bindingId}, #{channel},"
            + " #{direction}, #{channelMessageId}, #{replyTo}, #{sender}, #{recipient}, #{status}, #{confidence},"
            + " #{payload}, #{createdAt}, #{createdAt})")
    void insertMessage(MessageRow message);

    @Select("SELECT payload, status, direction FROM messages WHERE tenant_id = #{tenantId} AND id = #{messageId}")
    Optional<StoredMessage> message(TenantId tenantId, MessageId messageId);

    @Select("SELECT payload, status, direction FROM messages WHERE tenant_id = #{tenantId}"
            + " AND binding_id = #{bindingId} AND channel_message_id = #{channelMessageId}")
    Optional<StoredMessage> messageByChannelId(TenantId tenantId, String bindingId, String channelMessageId);

    @Select("SELECT payload, status, direction FROM messages WHERE tenant_id = #{tenantId} AND reply_to = #{inboundId}")
    Optional<StoredMessage> replyTo(TenantId tenantId, MessageId inboundId);

    @Update("UPDATE messages SET status = 'QUEUED', updated_at = #{at}"
            + " WHERE tenant_id = #{tenantId} AND id = #{messageId} AND status = 'RECEIVED'")
    int confirmQueued(TenantId tenantId, MessageId messageId, Instant at);

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

    @Select("SELECT COUNT(*) FROM messages WHERE tenant_id = #{tenantId} AND direction = 'INBOUND'")
    long countInbound(TenantId tenantId);

    @Select("SELECT COUNT(*) FROM conversations WHERE tenant_id = #{tenantId}")
    long countConversations(TenantId tenantId);

    @Select("SELECT id FROM conversations WHERE tenant_id = #{tenantId} ORDER BY created_at")
    List<ConversationId> conversations(TenantId tenantId);
}
