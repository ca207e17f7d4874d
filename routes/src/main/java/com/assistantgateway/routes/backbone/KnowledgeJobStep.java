package com.assistantgateway.routes.backbone;

import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.KnowledgeJobs;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import org.apache.camel.Header;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

/** Submits knowledge jobs to their queue, and hands delivered ones to the {@link KnowledgeJobs.Runner}. */
@Component
public class KnowledgeJobStep implements KnowledgeJobs {

    private final JmsTemplate jms;
    private final KnowledgeJobs.Runner runner;
    private final DeadLetters deadLetters;

    public KnowledgeJobStep(ConnectionFactory connectionFactory, KnowledgeJobs.Runner runner, DeadLetters deadLetters) {
        // Plain JMS, not a Camel producer: uploads may come before the Camel context has started (the demo seed).
        this.jms = new JmsTemplate(connectionFactory);
        this.runner = runner;
        this.deadLetters = deadLetters;
    }

    @Override
    public void submit(TenantId tenantId, String sourceId, int version) {
        jms.send(GatewayQueues.KNOWLEDGE_INGEST, session -> {
            Message message = session.createTextMessage("");
            message.setStringProperty(GatewayHeaders.TENANT_ID, tenantId.value());
            message.setStringProperty(GatewayHeaders.KNOWLEDGE_SOURCE_ID, sourceId);
            message.setIntProperty(GatewayHeaders.KNOWLEDGE_VERSION, version);
            return message;
        });
    }

    public void run(
            @Header(GatewayHeaders.TENANT_ID) String tenantId,
            @Header(GatewayHeaders.KNOWLEDGE_SOURCE_ID) String sourceId,
            @Header(GatewayHeaders.KNOWLEDGE_VERSION) int version,
            @Header(GatewayHeaders.JMS_DELIVERY_COUNT) Integer deliveryCount)
            throws Exception {
        runner.run(new TenantId(tenantId), sourceId, version, deadLetters.isLastAttempt(deliveryCount));
    }
}
