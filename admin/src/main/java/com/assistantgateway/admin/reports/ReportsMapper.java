package com.assistantgateway.admin.reports;

import com.assistantgateway.routes.message.TenantId;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

/** Reads what the overview aggregates. */
@Mapper
public interface ReportsMapper {

    @Select("SELECT m.channel, m.status, m.created_at AS received_at, r.created_at AS answered_at, r.confidence,"
            + " r.outcome, r.language, r.handover"
            + " FROM messages m LEFT JOIN messages r ON r.tenant_id = m.tenant_id AND r.reply_to = m.id"
            + " WHERE m.tenant_id = #{tenantId} AND m.direction = 'INBOUND' AND m.created_at >= #{since}"
            + " ORDER BY m.seq DESC LIMIT #{limit}")
    List<Exchange> exchanges(TenantId tenantId, Instant since, int limit);
}
