package com.assistantgateway.admin.audit;

import com.assistantgateway.routes.message.TenantId;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

/** Append-only: there is no update or delete statement. */
@Mapper
public interface AuditMapper {

    @Insert("INSERT INTO audit_events (tenant_id, occurred_at, actor, action, target_type, target_id, detail)"
            + " VALUES (#{tenantId}, #{occurredAt}, #{actor}, #{action}, #{targetType}, #{targetId}, #{detail})")
    void insert(AuditEvent event);

    @Select("SELECT id, tenant_id, occurred_at, actor, action, target_type, target_id, detail FROM audit_events"
            + " WHERE tenant_id = #{tenantId} ORDER BY occurred_at DESC, id DESC LIMIT #{limit}")
    List<AuditEvent> latest(TenantId tenantId, int limit);
}
