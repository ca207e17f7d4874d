package com.assistantgateway.admin.persistence;

import com.assistantgateway.routes.message.AssistantId;
import org.apache.ibatis.type.MappedTypes;

@MappedTypes(AssistantId.class)
public class AssistantIdTypeHandler extends StringIdTypeHandler<AssistantId> {

    public AssistantIdTypeHandler() {
        super(AssistantId::new, AssistantId::value);
    }
}
