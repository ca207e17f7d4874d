package com.assistantgateway.admin.scenarios;

import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Scenario sets and runs. Every statement names the tenant. */
@Mapper
public interface ScenarioMapper {

    @Select("SELECT document FROM scenario_sets WHERE tenant_id = #{tenantId} AND assistant_id = #{assistantId}")
    Optional<String> set(TenantId tenantId, AssistantId assistantId);

    @Update("UPDATE scenario_sets SET document = #{document}, updated_at = #{at} WHERE tenant_id = #{tenantId}"
            + " AND assistant_id = #{assistantId}")
    int updateSet(TenantId tenantId, AssistantId assistantId, String document, Instant at);

    @Insert("INSERT INTO scenario_sets (tenant_id, assistant_id, document, updated_at) VALUES (#{tenantId},"
            + " #{assistantId}, #{document}, #{at})")
    void insertSet(TenantId tenantId, AssistantId assistantId, String document, Instant at);

    @Insert("INSERT INTO scenario_runs (tenant_id, id, assistant_id, started_at, passed, total, report) VALUES"
            + " (#{tenantId}, #{id}, #{assistantId}, #{startedAt}, #{passed}, #{total}, #{report})")
    void insertRun(
            TenantId tenantId,
            String id,
            AssistantId assistantId,
            Instant startedAt,
            int passed,
            int total,
            String report);

    @Select("SELECT report FROM scenario_runs WHERE tenant_id = #{tenantId} AND id = #{id}")
    Optional<String> run(TenantId tenantId, String id);

    @Select("SELECT id, started_at, passed, total FROM scenario_runs WHERE tenant_id = #{tenantId}"
            + " AND assistant_id = #{assistantId} ORDER BY started_at DESC LIMIT #{limit}")
    List<RunSummary> runs(TenantId tenantId, AssistantId assistantId, int limit);

    /** A run as the list shows it. */
    record RunSummary(String id, Instant startedAt, int passed, int total) {}
}
