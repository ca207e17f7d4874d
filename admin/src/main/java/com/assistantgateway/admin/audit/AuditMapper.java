package com.assistantgateway.admin.audit;

import com.assistantgateway.admin.audit.AuditTrail.AuditQuery;
import com.assistantgateway.routes.message.TenantId;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * Append-only: no statement changes what happened or deletes a record. The one update, {@link #redact}, masks a secret
 * that an older version let a tenant save as a setting, so the trail never keeps it in clear.
 */
@Mapper
public interface AuditMapper {

    String CONDITIONS = "<where> tenant_id = #{tenantId}"
            + "<if test='q.actionPrefix != null'> AND action LIKE #{q.actionPrefix}</if>"
            + "<if test='q.action != null and q.actionPrefix == null'> AND action = #{q.action}</if>"
            + "<if test='q.actor != null'> AND actor = #{q.actor}</if>"
            + "<if test='q.targetId != null'> AND target_id = #{q.targetId}</if>"
            + "<if test='q.from != null'> AND occurred_at &gt;= #{q.from}</if>"
            + "<if test='q.to != null'> AND occurred_at &lt; #{q.to}</if>";
    String FILTER = CONDITIONS + "</where>";

    @Insert("INSERT INTO audit_events (tenant_id, occurred_at, actor, action, target_type, target_id, detail)"
            + " VALUES (#{tenantId}, #{occurredAt}, #{actor}, #{action}, #{targetType}, #{targetId}, #{detail})")
    void insert(AuditEvent event);

    /** Replaces every occurrence of {@code secret} in the tenant's event details by {@code mask}. */
    @Update("UPDATE audit_events SET detail = REPLACE(detail, #{secret}, #{mask}) WHERE tenant_id = #{tenantId}"
            + " AND LOCATE(#{secret}, detail) > 0")
    int redact(TenantId tenantId, String secret, String mask);

    @Select("SELECT id, tenant_id, occurred_at, actor, action, target_type, target_id, detail FROM audit_events"
            + " WHERE tenant_id = #{tenantId} ORDER BY id DESC LIMIT #{limit}")
    List<AuditEvent> latest(TenantId tenantId, int limit);

    /** Newest first; {@code id} breaks ties where the server drops milliseconds. */
    @Select("<script>SELECT id, tenant_id, occurred_at, actor, action, target_type, target_id, detail"
            + " FROM audit_events " + FILTER + " ORDER BY id DESC LIMIT #{limit} OFFSET #{offset}</script>")
    List<AuditEvent> query(
            TenantId tenantId, @org.apache.ibatis.annotations.Param("q") AuditQuery q, int offset, int limit);

    /** Oldest first, after a given id: the export's keyset pages, stable while events are appended. */
    @Select("<script>SELECT id, tenant_id, occurred_at, actor, action, target_type, target_id, detail"
            + " FROM audit_events " + CONDITIONS + " AND id &gt; #{afterId}</where>"
            + " ORDER BY id LIMIT #{limit}</script>")
    List<AuditEvent> after(
            TenantId tenantId, @org.apache.ibatis.annotations.Param("q") AuditQuery q, long afterId, int limit);

    @Select("<script>SELECT COUNT(*) FROM audit_events " + FILTER + "</script>")
    long count(TenantId tenantId, @org.apache.ibatis.annotations.Param("q") AuditQuery q);
}
