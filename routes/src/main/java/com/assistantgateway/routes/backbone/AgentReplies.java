package com.assistantgateway.routes.backbone;

import com.assistantgateway.routes.message.GatewayMessage;
import com.assistantgateway.routes.port.OutboundMessages;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/** Sends an agent's message to egress through {@link BackboneRoutes#OUTBOUND}, as if a tenant processor had. */
@Component
public class AgentReplies implements OutboundMessages {

    private final ProducerTemplate producer;

    public AgentReplies(ProducerTemplate producer) {
        this.producer = producer;
    }

    @Override
    public void send(GatewayMessage message) {
        producer.sendBody(BackboneRoutes.OUTBOUND, message);
    }
}
