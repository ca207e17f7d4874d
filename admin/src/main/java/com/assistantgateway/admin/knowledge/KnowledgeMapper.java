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

/** Knowledge sources and their versions. Every statement names the tenant. */
@Mapper
public interface KnowledgeMapper {

    String COLUMNS = "tenant_id, id, assistant_id, name, content_type, size_bytes, sha256, status, status_reason,"
            + " chunks, active_version, target_version, progress_done, progress_total, origin_url, created_at,"
            + " updated_at";

    String VERSION_COLUMNS = "tenant_id, source_id, version, content_type, size_bytes, sha256, created_by, created_at";

    @Insert("INSERT INTO knowledge_sources (" + COLUMNS + ") VALUES (#{tenantId}, #{id}, #{assistantId}, #{name},"
            + " #{contentType}, #{sizeBytes}, #{sha256}, #{status}, #{statusReason}, #{chunks}, #{activeVersion},"
            + " #{targetVersion}, #{progressDone}, #{progressTotal}, #{originUrl}, #{createdAt}, #{updatedAt})")
    void insert(KnowledgeSource source);

    /** Points a source at the version to ingest next, queued. */
    @Update("UPDATE knowledge_sources SET content_type = #{contentType}, size_bytes = #{sizeBytes},"
            + " sha256 = #{sha256}, status = 'queued', status_reason = NULL, target_version = #{version},"
            + " progress_done = 0, progress_total = 0, updated_at = #{at}"
            + " WHERE tenant_id = #{tenantId} AND id = #{sourceId}")
    int queue(
            TenantId tenantId,
            String sourceId,
            int version,
            String contentType,
            long sizeBytes,
            String sha256,
            Instant at);

    @Select("SELECT " + COLUMNS + " FROM knowledge_sources WHERE tenant_id = #{tenantId}"
            + " AND assistant_id = #{assistantId} ORDER BY name")
    List<KnowledgeSource> sources(TenantId tenantId, AssistantId assistantId);

    @Select("SELECT " + COLUMNS + " FROM knowledge_sources WHERE tenant_id = #{tenantId}"
            + " AND assistant_id = #{assistantId} AND id = #{sourceId}")
    Optional<KnowledgeSource> source(TenantId tenantId, AssistantId assistantId, String sourceId);

    @Select("SELECT " + COLUMNS + " FROM knowledge_sources WHERE tenant_id = #{tenantId} AND id = #{sourceId}")
    Optional<KnowledgeSource> byId(TenantId tenantId, String sourceId);

    @Select("SELECT " + COLUMNS + " FROM knowledge_sources WHERE tenant_id = #{tenantId}"
            + " AND assistant_id = #{assistantId} AND name = #{name}")
    Optional<KnowledgeSource> byName(TenantId tenantId, AssistantId assistantId, String name);

    /** Only while the version is still the one wanted: a newer upload or a deletion wins. */
    @Update("UPDATE knowledge_sources SET status = 'processing', progress_done = #{done}, progress_total = #{total},"
            + " updated_at = #{at} WHERE tenant_id = #{tenantId} AND id = #{sourceId} AND target_version = #{version}")
    int progress(TenantId tenantId, String sourceId, int version, int done, int total, Instant at);

    @Update("UPDATE knowledge_sources SET status = 'ready', status_reason = NULL, chunks = #{chunks},"
            + " active_version = #{version}, content_type = #{contentType}, size_bytes = #{sizeBytes},"
            + " sha256 = #{sha256}, updated_at = #{at}"
            + " WHERE tenant_id = #{tenantId} AND id = #{sourceId} AND target_version = #{version}")
    int ready(
            TenantId tenantId,
            String sourceId,
            int version,
            int chunks,
            String contentType,
            long sizeBytes,
            String sha256,
            Instant at);

    @Update("UPDATE knowledge_sources SET status = 'failed', status_reason = #{reason}, updated_at = #{at}"
            + " WHERE tenant_id = #{tenantId} AND id = #{sourceId} AND target_version = #{version}")
    int failed(TenantId tenantId, String sourceId, int version, String reason, Instant at);

    @Delete("DELETE FROM knowledge_sources WHERE tenant_id = #{tenantId} AND id = #{sourceId}")
    int delete(TenantId tenantId, String sourceId);

    @Insert("INSERT INTO knowledge_source_versions (" + VERSION_COLUMNS + ") VALUES (#{tenantId}, #{sourceId},"
            + " #{version}, #{contentType}, #{sizeBytes}, #{sha256}, #{createdBy}, #{createdAt})")
    void insertVersion(KnowledgeVersion version);

    @Select("SELECT " + VERSION_COLUMNS + " FROM knowledge_source_versions WHERE tenant_id = #{tenantId}"
            + " AND source_id = #{sourceId} ORDER BY version DESC")
    List<KnowledgeVersion> versions(TenantId tenantId, String sourceId);

    @Select("SELECT " + VERSION_COLUMNS + " FROM knowledge_source_versions WHERE tenant_id = #{tenantId}"
            + " AND source_id = #{sourceId} AND version = #{version}")
    Optional<KnowledgeVersion> version(TenantId tenantId, String sourceId, int version);

    @Select("SELECT COALESCE(MAX(version), 0) FROM knowledge_source_versions WHERE tenant_id = #{tenantId}"
            + " AND source_id = #{sourceId}")
    int latestVersion(TenantId tenantId, String sourceId);

    @Delete("DELETE FROM knowledge_source_versions WHERE tenant_id = #{tenantId} AND source_id = #{sourceId}")
    int deleteVersions(TenantId tenantId, String sourceId);

    /** Sources left queued or processing since before {@code before} (a crash between upload and queue, or mid-job). */
    @Select("SELECT " + COLUMNS + " FROM knowledge_sources WHERE tenant_id = #{tenantId}"
            + " AND status IN ('queued', 'processing') AND updated_at < #{before}")
    List<KnowledgeSource> unfinished(TenantId tenantId, Instant before);
}
