package com.assistantgateway.admin.privacy;

import com.assistantgateway.routes.message.ConversationId;
import com.assistantgateway.routes.message.MessageId;
import com.assistantgateway.routes.message.TenantId;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** Finds and deletes a tenant's conversations with everything hanging off them. Every statement names the tenant. */
@Mapper
public interface PrivacyMapper {

    String IN_IDS = " IN <foreach item='id' collection='ids' open='(' separator=',' close=')'>#{id}</foreach>";

    @Select("SELECT id FROM conversations WHERE tenant_id = #{tenantId} AND updated_at < #{before}"
            + " ORDER BY updated_at LIMIT #{limit}")
    List<ConversationId> expired(TenantId tenantId, Instant before, int limit);

    @Select("SELECT id FROM conversations WHERE tenant_id = #{tenantId} AND participant = #{participant} ORDER BY id")
    List<ConversationId> conversationsOf(TenantId tenantId, String participant);

    @Select("<script>SELECT id FROM messages WHERE tenant_id = #{tenantId} AND conversation_id" + IN_IDS + "</script>")
    List<MessageId> messageIds(TenantId tenantId, @Param("ids") List<ConversationId> ids);

    @Delete("<script>DELETE FROM deliveries WHERE tenant_id = #{tenantId} AND conversation_id" + IN_IDS + "</script>")
    int deleteDeliveries(TenantId tenantId, @Param("ids") List<ConversationId> ids);

    @Delete("<script>DELETE FROM messages WHERE tenant_id = #{tenantId} AND conversation_id" + IN_IDS + "</script>")
    int deleteMessages(TenantId tenantId, @Param("ids") List<ConversationId> ids);

    @Delete("<script>DELETE FROM conversations WHERE tenant_id = #{tenantId} AND id" + IN_IDS + "</script>")
    int deleteConversations(TenantId tenantId, @Param("ids") List<ConversationId> ids);

    @Delete("DELETE FROM opt_outs WHERE tenant_id = #{tenantId} AND address = #{address}")
    int deleteOptOut(TenantId tenantId, String address);

    @Delete("DELETE FROM skipped_messages WHERE tenant_id = #{tenantId} AND sender = #{address}")
    int deleteSkipped(TenantId tenantId, String address);
}
