package com.assistantgateway.routes.backbone;

import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Ingestion jobs off the knowledge queue, in a JMS transaction: a crash or a store outage rolls the job back and the
 * broker delivers it again; after the last attempt it is dead-lettered (and can be replayed from the admin API).
 */
@Component
public class KnowledgeJobRoutes extends EndpointRouteBuilder {

    public static final String ROUTE = "knowledge.ingest.process";

    private final KnowledgeJobStep step;
    private final int concurrency;

    public KnowledgeJobRoutes(KnowledgeJobStep step, RoutesProperties properties) {
        this.step = step;
        this.concurrency = properties.ingestConcurrency();
    }

    @Override
    public void configure() {
        // Jobs run side by side: one embeds while another waits for the commit both share.
        from(GatewayQueues.transacted(GatewayQueues.KNOWLEDGE_INGEST).concurrentConsumers(concurrency))
                .routeId(ROUTE)
                .routeConfigurationId(ErrorPolicies.BROKER_REDELIVERY)
                .bean(step, "run");
    }
}
