package com.assistantgateway.admin.policies;

import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

/** Answer policy versions. Every statement names the tenant. */
@Mapper
public interface PolicyMapper {

    @Select("SELECT document FROM answer_policies WHERE tenant_id = #{tenantId} AND assistant_id = #{assistantId}"
            + " ORDER BY version DESC LIMIT 1")
    Optional<String> latest(TenantId tenantId, AssistantId assistantId);

    @Select("SELECT COALESCE(MAX(version), 0) FROM answer_policies WHERE tenant_id = #{tenantId}"
            + " AND assistant_id = #{assistantId}")
    int latestVersion(TenantId tenantId, AssistantId assistantId);

    @Insert("INSERT INTO answer_policies (tenant_id, assistant_id, version, document, created_at, created_by)"
            + " VALUES (#{tenantId}, #{assistantId}, #{version}, #{document}, #{at}, #{actor})")
    void insert(TenantId tenantId, AssistantId assistantId, int version, String document, Instant at, String actor);

    @Select("SELECT version, created_at, created_by FROM answer_policies WHERE tenant_id = #{tenantId}"
            + " AND assistant_id = #{assistantId} ORDER BY version DESC")
    List<PolicyVersion> versions(TenantId tenantId, AssistantId assistantId);

    /** The tenant's own policy, which its assistants follow unless they have their own: rows with assistant '*'. */
    @Select("SELECT document FROM answer_policies WHERE tenant_id = #{tenantId} AND assistant_id = '*'"
            + " ORDER BY version DESC LIMIT 1")
    Optional<String> latestOfTenant(TenantId tenantId);

    @Select("SELECT COALESCE(MAX(version), 0) FROM answer_policies WHERE tenant_id = #{tenantId}"
            + " AND assistant_id = '*'")
    int latestVersionOfTenant(TenantId tenantId);

    @Insert("INSERT INTO answer_policies (tenant_id, assistant_id, version, document, created_at, created_by)"
            + " VALUES (#{tenantId}, '*', #{version}, #{document}, #{at}, #{actor})")
    void insertOfTenant(TenantId tenantId, int version, String document, Instant at, String actor);

    @Select("SELECT version, created_at, created_by FROM answer_policies WHERE tenant_id = #{tenantId}"
            + " AND assistant_id = '*' ORDER BY version DESC")
    List<PolicyVersion> versionsOfTenant(TenantId tenantId);

    /** One saved version, as the history lists it. */
    record PolicyVersion(int version, Instant createdAt, String createdBy) {}
}
