package com.assistantgateway.admin.persistence;

import com.assistantgateway.routes.message.BindingId;
import org.apache.ibatis.type.MappedTypes;

@MappedTypes(BindingId.class)
public class BindingIdTypeHandler extends StringIdTypeHandler<BindingId> {

    public BindingIdTypeHandler() {
        super(BindingId::new, BindingId::value);
    }
}
