package com.assistantgateway.admin.persistence;

import com.assistantgateway.routes.message.MessageId;
import org.apache.ibatis.type.MappedTypes;

@MappedTypes(MessageId.class)
public class MessageIdTypeHandler extends StringIdTypeHandler<MessageId> {

    public MessageIdTypeHandler() {
        super(MessageId::new, MessageId::value);
    }
}
