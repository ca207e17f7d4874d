package com.assistantgateway.admin.channels;

import com.assistantgateway.routes.message.BindingId;
import com.assistantgateway.routes.message.MessageId;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.Delivery;
import com.assistantgateway.routes.port.PageSnapshot;
import com.assistantgateway.routes.port.SkippedMessage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Deliveries, skipped messages, opt-outs and page snapshots. Every statement names the tenant. */
@Mapper
public interface ChannelStateMapper {

    @Select("SELECT COUNT(*) FROM deliveries WHERE tenant_id = #{tenantId} AND message_id = #{messageId}"
            + " AND part = #{part}")
    int countDelivery(TenantId tenantId, MessageId messageId, int part);

    @Insert("INSERT INTO deliveries (tenant_id, message_id, part, conversation_id, binding_id, channel,"
            + " channel_message_id, status, error_code, created_at, updated_at) VALUES (#{tenantId}, #{messageId},"
            + " #{part}, #{conversationId}, #{bindingId}, #{channel}, #{channelMessageId}, #{status}, #{errorCode},"
            + " #{at}, #{at})")
    void insertDelivery(Delivery delivery);

    @Update(
            "UPDATE deliveries SET status = #{status}, error_code = #{errorCode}, updated_at = #{at}"
                    + " WHERE tenant_id = #{tenantId} AND binding_id = #{bindingId} AND channel_message_id = #{channelMessageId}")
    int updateDelivery(
            TenantId tenantId,
            BindingId bindingId,
            String channelMessageId,
            String status,
            String errorCode,
            Instant at);

    @Select("SELECT tenant_id, message_id, conversation_id, binding_id, channel, part, channel_message_id, status,"
            + " error_code, updated_at AS at FROM deliveries WHERE tenant_id = #{tenantId} AND binding_id = #{bindingId}"
            + " AND channel_message_id = #{channelMessageId}")
    Optional<Delivery> delivery(TenantId tenantId, BindingId bindingId, String channelMessageId);

    @Select("SELECT tenant_id, message_id, conversation_id, binding_id, channel, part, channel_message_id, status,"
            + " error_code, updated_at AS at FROM deliveries WHERE tenant_id = #{tenantId} AND message_id = #{messageId}"
            + " ORDER BY part")
    List<Delivery> deliveries(TenantId tenantId, MessageId messageId);

    @Insert("INSERT INTO skipped_messages (tenant_id, binding_id, channel, reason, sender, channel_message_id,"
            + " occurred_at) VALUES (#{tenantId}, #{bindingId}, #{channel}, #{reason}, #{sender}, #{channelMessageId},"
            + " #{at})")
    void insertSkipped(SkippedMessage skipped);

    @Select("SELECT tenant_id, binding_id, channel, reason, sender, channel_message_id, occurred_at AS at"
            + " FROM skipped_messages WHERE tenant_id = #{tenantId} ORDER BY id DESC LIMIT #{limit}")
    List<SkippedMessage> latestSkipped(TenantId tenantId, int limit);

    @Select("SELECT COUNT(*) FROM opt_outs WHERE tenant_id = #{tenantId} AND address = #{address}")
    int countOptOut(TenantId tenantId, String address);

    @Insert("INSERT INTO opt_outs (tenant_id, address, keyword, opted_out_at)"
            + " VALUES (#{tenantId}, #{address}, #{keyword}, #{at})")
    void insertOptOut(TenantId tenantId, String address, String keyword, Instant at);

    @Update("DELETE FROM opt_outs WHERE tenant_id = #{tenantId} AND address = #{address}")
    int deleteOptOut(TenantId tenantId, String address);

    @Select("SELECT tenant_id, binding_id, url, title, content_sha256, content, fetched_at FROM page_snapshots"
            + " WHERE tenant_id = #{tenantId} AND binding_id = #{bindingId} AND url_sha256 = #{urlSha256}")
    Optional<PageSnapshot> snapshot(TenantId tenantId, BindingId bindingId, String urlSha256);

    @Update("UPDATE page_snapshots SET title = #{snapshot.title}, content_sha256 = #{snapshot.contentSha256},"
            + " content = #{snapshot.content}, fetched_at = #{snapshot.fetchedAt}"
            + " WHERE tenant_id = #{snapshot.tenantId} AND binding_id = #{snapshot.bindingId}"
            + " AND url_sha256 = #{urlSha256}")
    int updateSnapshot(PageSnapshot snapshot, String urlSha256);

    @Insert("INSERT INTO page_snapshots (tenant_id, binding_id, url_sha256, url, title, content_sha256, content,"
            + " fetched_at) VALUES (#{snapshot.tenantId}, #{snapshot.bindingId}, #{urlSha256}, #{snapshot.url},"
            + " #{snapshot.title}, #{snapshot.contentSha256}, #{snapshot.content}, #{snapshot.fetchedAt})")
    void insertSnapshot(PageSnapshot snapshot, String urlSha256);
}
