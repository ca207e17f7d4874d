package com.assistantgateway.admin.persistence;

import com.assistantgateway.routes.message.ConversationId;
import org.apache.ibatis.type.MappedTypes;

@MappedTypes(ConversationId.class)
public class ConversationIdTypeHandler extends StringIdTypeHandler<ConversationId> {

    public ConversationIdTypeHandler() {
        super(ConversationId::new, ConversationId::value);
    }
}
