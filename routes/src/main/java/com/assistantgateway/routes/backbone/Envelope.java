package com.assistantgateway.routes.backbone;

import com.assistantgateway.routes.message.GatewayMessage;
import java.util.Map;
import org.apache.camel.Headers;
import org.springframework.stereotype.Component;

/** Moves what routing needs from the canonical message into headers, so brokers, logs and Hawtio can see it. */
@Component
public class Envelope {

    public void stamp(GatewayMessage message, @Headers Map<String, Object> headers) {
        headers.put(GatewayHeaders.TENANT_ID, message.tenantId().value());
        headers.put(GatewayHeaders.ASSISTANT_ID, message.assistantId().value());
        headers.put(GatewayHeaders.CONVERSATION_ID, message.conversationId().value());
        headers.put(GatewayHeaders.MESSAGE_ID, message.id().value());
        headers.put(GatewayHeaders.CHANNEL, message.channel().value());
        if (message.bindingId() != null) {
            headers.put(GatewayHeaders.BINDING_ID, message.bindingId().value());
        }
        headers.put(GatewayHeaders.DIRECTION, message.direction().name());
        headers.put(GatewayHeaders.TRACE_ID, message.traceId());
        headers.put(
                GatewayHeaders.JMS_GROUP_ID,
                message.tenantId().value() + "/" + message.conversationId().value());
        // Never carried over from the message consumed before: only a message that waits for its turn has it.
        headers.remove(GatewayHeaders.SCHEDULED_DELIVERY);
        message.notBefore().ifPresent(at -> headers.put(GatewayHeaders.SCHEDULED_DELIVERY, at.toEpochMilli()));
    }
}
