package com.assistantgateway.routes.backbone;

import com.assistantgateway.routes.port.MessageLedger;
import org.apache.camel.ExchangePattern;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.apache.camel.component.jackson.JacksonDataFormat;
import org.apache.camel.component.jms.JmsConstants;
import org.springframework.stereotype.Component;

/**
 * Ingress and egress: adapters hand a normalized message to {@link #INGRESS}; it is stored and enqueued in one
 * transaction, dispatched to its tenant's queue, and the tenant's reply is dispatched to its channel's outbound queue.
 */
@Component
public class BackboneRoutes extends EndpointRouteBuilder {

    /** Where adapters send a normalized inbound message; the reply body is the ledger's {@code Acceptance}. */
    public static final String INGRESS = "direct:backbone.ingress.accept";

    private final MessageLedger ledger;
    private final Envelope envelope;
    private final GatewayQueues queues;
    private final JacksonDataFormat canonicalJson;

    public BackboneRoutes(
            MessageLedger ledger, Envelope envelope, GatewayQueues queues, JacksonDataFormat canonicalJson) {
        this.ledger = ledger;
        this.envelope = envelope;
        this.queues = queues;
        this.canonicalJson = canonicalJson;
    }

    @Override
    public void configure() {
        // The send's JMS session is synchronized with the database transaction and commits right after it: the
        // processor never sees a message before it is stored, and a failed send rolls the insert back.
        from(INGRESS)
                .routeId("backbone.ingress.accept")
                .transacted()
                .bean(ledger, "accept")
                .setProperty(GatewayHeaders.ACCEPTANCE, body())
                .filter(method(envelope, "isFresh"))
                .transform(method(envelope, "message"))
                .bean(envelope, "stamp")
                .marshal(canonicalJson)
                .to(
                        ExchangePattern.InOnly,
                        jms("queue:" + GatewayQueues.INGRESS).transacted(true))
                .end()
                .setBody(exchangeProperty(GatewayHeaders.ACCEPTANCE));

        from(GatewayQueues.transacted(GatewayQueues.INGRESS))
                .routeId("backbone.ingress.dispatch")
                .routeConfigurationId(ErrorPolicies.BROKER_REDELIVERY)
                .setHeader(JmsConstants.JMS_DESTINATION_NAME, method(queues, "tenantQueueFor"))
                .to(jms("queue:" + GatewayQueues.UNROUTABLE));

        from(GatewayQueues.transacted(GatewayQueues.EGRESS))
                .routeId("backbone.egress.dispatch")
                .routeConfigurationId(ErrorPolicies.BROKER_REDELIVERY)
                .setHeader(JmsConstants.JMS_DESTINATION_NAME, method(queues, "channelQueueFor"))
                .to(jms("queue:" + GatewayQueues.UNROUTABLE));
    }
}
