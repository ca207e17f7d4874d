package com.assistantgateway.admin.persistence;

import com.assistantgateway.routes.message.TenantId;
import org.apache.ibatis.type.MappedTypes;

@MappedTypes(TenantId.class)
public class TenantIdTypeHandler extends StringIdTypeHandler<TenantId> {

    public TenantIdTypeHandler() {
        super(TenantId::new, TenantId::value);
    }
}
