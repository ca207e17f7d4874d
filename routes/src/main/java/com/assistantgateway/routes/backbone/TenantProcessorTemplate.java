package com.assistantgateway.routes.backbone;

import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.apache.camel.component.jackson.JacksonDataFormat;
import org.apache.camel.component.jms.JmsConstants;
import org.springframework.stereotype.Component;

/**
 * One processor route per tenant, instantiated from this template by {@link TenantProcessors}: it consumes the
 * tenant's own queue, answers with the addressed assistant and sends the reply to egress, all in one JMS transaction.
 */
@Component
public class TenantProcessorTemplate extends EndpointRouteBuilder {

    public static final String TEMPLATE_ID = "tenant-processor";
    public static final String TENANT = "tenant";
    public static final String QUEUE = "queue";
    public static final String CONCURRENCY = "concurrency";

    private final AnswerStep answerStep;
    private final Envelope envelope;
    private final GatewayQueues queues;
    private final JacksonDataFormat canonicalJson;

    public TenantProcessorTemplate(
            AnswerStep answerStep, Envelope envelope, GatewayQueues queues, JacksonDataFormat canonicalJson) {
        this.answerStep = answerStep;
        this.envelope = envelope;
        this.queues = queues;
        this.canonicalJson = canonicalJson;
    }

    @Override
    public void configure() {
        routeTemplate(TEMPLATE_ID)
                .templateParameter(TENANT)
                .templateParameter(QUEUE)
                .templateParameter(CONCURRENCY, "1")
                .from(GatewayQueues.transacted("{{" + QUEUE + "}}").concurrentConsumers("{{" + CONCURRENCY + "}}"))
                .routeConfigurationId(ErrorPolicies.BROKER_REDELIVERY)
                .unmarshal(canonicalJson)
                .bean(answerStep, "answer")
                .filter(body().isNotNull())
                .bean(envelope, "stamp")
                .setHeader(JmsConstants.JMS_DESTINATION_NAME, method(queues, "channelQueueFor"))
                .marshal(canonicalJson)
                .to(jms("queue:" + GatewayQueues.UNROUTABLE))
                .end();
    }
}
