package com.assistantgateway.admin.persistence;

import com.assistantgateway.routes.message.ChannelId;
import org.apache.ibatis.type.MappedTypes;

@MappedTypes(ChannelId.class)
public class ChannelIdTypeHandler extends StringIdTypeHandler<ChannelId> {

    public ChannelIdTypeHandler() {
        super(ChannelId::new, ChannelId::value);
    }
}
