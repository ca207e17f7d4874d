package com.assistantgateway.admin.knowledge;

import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Knowledge sources. Every statement names the tenant. */
@Mapper
public interface KnowledgeMapper {

    String COLUMNS = "tenant_id, id, assistant_id, name, content_type, size_bytes, sha256, status, status_reason,"
            + " chunks, created_at, updated_at";

    @Insert("INSERT INTO knowledge_sources (" + COLUMNS + ") VALUES (#{tenantId}, #{id}, #{assistantId}, #{name},"
            + " #{contentType}, #{sizeBytes}, #{sha256}, #{status}, #{statusReason}, #{chunks}, #{createdAt},"
            + " #{updatedAt})")
    void insert(KnowledgeSource source);

    @Update("UPDATE knowledge_sources SET content_type = #{contentType}, size_bytes = #{sizeBytes},"
            + " sha256 = #{sha256}, status = #{status}, status_reason = #{statusReason}, chunks = #{chunks},"
            + " updated_at = #{updatedAt} WHERE tenant_id = #{tenantId} AND id = #{id}")
    int update(KnowledgeSource source);

    @Select("SELECT " + COLUMNS + " FROM knowledge_sources WHERE tenant_id = #{tenantId}"
            + " AND assistant_id = #{assistantId} ORDER BY name")
    List<KnowledgeSource> sources(TenantId tenantId, AssistantId assistantId);

    @Select("SELECT " + COLUMNS + " FROM knowledge_sources WHERE tenant_id = #{tenantId}"
            + " AND assistant_id = #{assistantId} AND id = #{sourceId}")
    Optional<KnowledgeSource> source(TenantId tenantId, AssistantId assistantId, String sourceId);

    @Select("SELECT " + COLUMNS + " FROM knowledge_sources WHERE tenant_id = #{tenantId}"
            + " AND assistant_id = #{assistantId} AND name = #{name}")
    Optional<KnowledgeSource> byName(TenantId tenantId, AssistantId assistantId, String name);

    @Update("UPDATE knowledge_sources SET status = #{status}, status_reason = #{reason}, chunks = #{chunks},"
            + " updated_at = #{at} WHERE tenant_id = #{tenantId} AND id = #{sourceId}")
    int updateStatus(TenantId tenantId, String sourceId, String status, String reason, int chunks, Instant at);

    @Delete("DELETE FROM knowledge_sources WHERE tenant_id = #{tenantId} AND id = #{sourceId}")
    int delete(TenantId tenantId, String sourceId);
}
