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

    public KnowledgeJobRoutes(KnowledgeJobStep step) {
        this.step = step;
    }

    @Override
    public void configure() {
        from(GatewayQueues.transacted(GatewayQueues.KNOWLEDGE_INGEST))
                .routeId(ROUTE)
                .routeConfigurationId(ErrorPolicies.BROKER_REDELIVERY)
                .bean(step, "run");
    }
}
