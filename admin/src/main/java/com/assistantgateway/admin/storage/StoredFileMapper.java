package com.assistantgateway.admin.storage;

import com.assistantgateway.routes.message.TenantId;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface StoredFileMapper {

    @Insert("INSERT INTO stored_file_chunks (tenant_id, kind, file_key, chunk, content, created_at)"
            + " VALUES (#{tenantId}, #{kind}, #{key}, #{chunk}, #{content}, #{at})")
    void insertChunk(
            @Param("tenantId") TenantId tenantId,
            @Param("kind") FileKind kind,
            @Param("key") String key,
            @Param("chunk") int chunk,
            @Param("content") byte[] content,
            @Param("at") Instant at);

    @Select("SELECT content FROM stored_file_chunks WHERE tenant_id = #{tenantId} AND kind = #{kind}"
            + " AND file_key = #{key} ORDER BY chunk")
    List<byte[]> chunks(@Param("tenantId") TenantId tenantId, @Param("kind") FileKind kind, @Param("key") String key);

    @Select("SELECT COUNT(DISTINCT file_key) FROM stored_file_chunks WHERE tenant_id = #{tenantId} AND kind = #{kind}"
            + " AND file_key LIKE CONCAT(#{prefix}, '%')")
    int countWithPrefix(
            @Param("tenantId") TenantId tenantId, @Param("kind") FileKind kind, @Param("prefix") String prefix);

    @Select("SELECT DISTINCT file_key FROM stored_file_chunks WHERE tenant_id = #{tenantId} AND kind = #{kind}"
            + " AND file_key LIKE CONCAT(#{prefix}, '%')")
    List<String> keysWithPrefix(
            @Param("tenantId") TenantId tenantId, @Param("kind") FileKind kind, @Param("prefix") String prefix);

    @Select("SELECT COUNT(*) FROM stored_file_chunks WHERE tenant_id = #{tenantId} AND kind = #{kind}"
            + " AND file_key = #{key} AND chunk = 0")
    int exists(@Param("tenantId") TenantId tenantId, @Param("kind") FileKind kind, @Param("key") String key);

    @Delete("DELETE FROM stored_file_chunks WHERE tenant_id = #{tenantId} AND kind = #{kind} AND file_key = #{key}")
    int delete(@Param("tenantId") TenantId tenantId, @Param("kind") FileKind kind, @Param("key") String key);

    @Delete("DELETE FROM stored_file_chunks WHERE tenant_id = #{tenantId} AND kind = #{kind}"
            + " AND file_key LIKE CONCAT(#{prefix}, '%')")
    int deleteWithPrefix(
            @Param("tenantId") TenantId tenantId, @Param("kind") FileKind kind, @Param("prefix") String prefix);
}
