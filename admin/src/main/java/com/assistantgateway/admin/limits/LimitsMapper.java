package com.assistantgateway.admin.limits;

import com.assistantgateway.routes.message.TenantId;
import java.time.Instant;
import java.util.Optional;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Limits set for single tenants, and the tenant's plan they otherwise follow. */
@Mapper
public interface LimitsMapper {

    @Select("SELECT messages_per_minute, sender_messages_per_minute, llm_tokens_per_minute FROM tenant_limits"
            + " WHERE tenant_id = #{tenantId}")
    Optional<TenantLimits> limits(TenantId tenantId);

    @Select("SELECT plan FROM tenants WHERE slug = #{tenantId}")
    Optional<String> plan(TenantId tenantId);

    @Update("UPDATE tenant_limits SET messages_per_minute = #{limits.messagesPerMinute},"
            + " sender_messages_per_minute = #{limits.senderMessagesPerMinute},"
            + " llm_tokens_per_minute = #{limits.llmTokensPerMinute}, updated_at = #{at}"
            + " WHERE tenant_id = #{tenantId}")
    int update(TenantId tenantId, TenantLimits limits, Instant at);

    @Insert("INSERT INTO tenant_limits (tenant_id, messages_per_minute, sender_messages_per_minute,"
            + " llm_tokens_per_minute, updated_at) VALUES (#{tenantId}, #{limits.messagesPerMinute},"
            + " #{limits.senderMessagesPerMinute}, #{limits.llmTokensPerMinute}, #{at})")
    void insert(TenantId tenantId, TenantLimits limits, Instant at);

    @Delete("DELETE FROM tenant_limits WHERE tenant_id = #{tenantId}")
    int delete(TenantId tenantId);
}
