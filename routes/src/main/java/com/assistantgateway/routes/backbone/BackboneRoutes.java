package com.assistantgateway.routes.backbone;

import java.time.Duration;
import org.apache.camel.ExchangePattern;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.apache.camel.component.jackson.JacksonDataFormat;
import org.apache.camel.component.jms.JmsConstants;
import org.springframework.stereotype.Component;

/**
 * Ingress and egress: adapters hand a normalized message to {@link #INGRESS}; it is stored and enqueued on its
 * tenant's queue in one transaction, and the tenant's reply goes to its channel's outbound queue.
 */
@Component
public class BackboneRoutes extends EndpointRouteBuilder {

    /** Where adapters send a normalized inbound message; the reply body is the ledger's {@code Acceptance}. */
    public static final String INGRESS = "direct:backbone.ingress.accept";

    /** Where a message no assistant produced (an agent's reply) goes out; called inside a database transaction. */
    public static final String OUTBOUND = "direct:backbone.egress.send";

    /** Called by {@link Ingress} inside its database transaction. */
    static final String ENQUEUE = "direct:backbone.ingress.enqueue";

    private final Ingress ingress;
    private final IngressRecovery recovery;
    private final Duration recoveryInterval;
    private final Envelope envelope;
    private final GatewayQueues queues;
    private final JacksonDataFormat canonicalJson;
    private final BindingRoutes bindingRoutes;
    private final TenantProcessors tenantProcessors;
    private final Duration bindingSync;

    public BackboneRoutes(
            Ingress ingress,
            IngressRecovery recovery,
            RoutesProperties properties,
            Envelope envelope,
            GatewayQueues queues,
            JacksonDataFormat canonicalJson,
            BindingRoutes bindingRoutes,
            TenantProcessors tenantProcessors) {
        this.ingress = ingress;
        this.recovery = recovery;
        this.recoveryInterval = properties.recovery().interval();
        this.bindingSync = properties.bindingSync();
        this.bindingRoutes = bindingRoutes;
        this.tenantProcessors = tenantProcessors;
        this.envelope = envelope;
        this.queues = queues;
        this.canonicalJson = canonicalJson;
    }

    @Override
    public void configure() {
        from(INGRESS)
                .routeId("backbone.ingress.accept")
                .routeConfigurationId(ErrorPolicies.TO_CALLER)
                .bean(ingress, "accept")
                .bean(ingress, "confirm");

        from(timer("backbone-ingress-recovery")
                        .period(recoveryInterval.toMillis())
                        .delay(recoveryInterval.toMillis()))
                .routeId("backbone.ingress.recover")
                .bean(recovery, "unconfirmed")
                .split(body())
                .setHeader(GatewayHeaders.RECOVERED, constant(true))
                .to(ENQUEUE)
                .bean(recovery, "confirm")
                .end();

        from(timer("backbone-bindings-sync").period(bindingSync.toMillis()).delay(bindingSync.toMillis()))
                .routeId("backbone.bindings.sync")
                .bean(tenantProcessors, "reconcile")
                .bean(bindingRoutes, "reconcile");

        // transacted(true) on the producer: the send joins the caller's database transaction and commits after it.
        // The message goes straight to its tenant's queue (the destination header names it): no shared queue in
        // front of the tenants, so one tenant's backlog never queues another's messages.
        from(ENQUEUE)
                .routeId("backbone.ingress.enqueue")
                .routeConfigurationId(ErrorPolicies.TO_CALLER)
                .bean(envelope, "stamp")
                .setHeader(JmsConstants.JMS_DESTINATION_NAME, method(queues, "tenantQueueFor"))
                .marshal(canonicalJson)
                .to(
                        ExchangePattern.InOnly,
                        jms("queue:" + GatewayQueues.UNROUTABLE).transacted(true));

        // Drains what an earlier version left in the shared ingress queue.
        from(GatewayQueues.transacted(GatewayQueues.INGRESS))
                .routeId("backbone.ingress.dispatch")
                .routeConfigurationId(ErrorPolicies.BROKER_REDELIVERY)
                .setHeader(JmsConstants.JMS_DESTINATION_NAME, method(queues, "tenantQueueFor"))
                .to(jms("queue:" + GatewayQueues.UNROUTABLE));

        from(OUTBOUND)
                .routeId("backbone.egress.send")
                .routeConfigurationId(ErrorPolicies.TO_CALLER)
                .bean(envelope, "stamp")
                .setHeader(JmsConstants.JMS_DESTINATION_NAME, method(queues, "channelQueueFor"))
                .marshal(canonicalJson)
                .to(
                        ExchangePattern.InOnly,
                        jms("queue:" + GatewayQueues.UNROUTABLE).transacted(true));

        // Messages for another binding's channel (a watcher's mail) and what an earlier version left here.
        from(GatewayQueues.transacted(GatewayQueues.EGRESS))
                .routeId("backbone.egress.dispatch")
                .routeConfigurationId(ErrorPolicies.BROKER_REDELIVERY)
                .setHeader(JmsConstants.JMS_DESTINATION_NAME, method(queues, "channelQueueFor"))
                .to(jms("queue:" + GatewayQueues.UNROUTABLE));
    }
}
