package com.assistantgateway.adapters.webchat;

import com.assistantgateway.routes.backbone.GatewayHeaders;
import com.assistantgateway.routes.message.GatewayMessage;
import java.util.Map;
import org.apache.camel.Body;
import org.apache.camel.Headers;
import org.springframework.stereotype.Component;

/**
 * Turns a reply on the web chat queue into the news every instance's streams listen for. The reply itself is in the
 * ledger already (stored before it was queued), so the news names its conversation and nothing else.
 */
@Component
public class WebchatAnnouncements {

    public String announce(@Body GatewayMessage reply, @Headers Map<String, Object> headers) {
        headers.clear();
        headers.put(GatewayHeaders.TENANT_ID, reply.tenantId().value());
        headers.put(GatewayHeaders.CONVERSATION_ID, reply.conversationId().value());
        headers.put(GatewayHeaders.MESSAGE_ID, reply.id().value());
        return "";
    }
}
