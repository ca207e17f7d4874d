package com.assistantgateway.orchestrator.health;

import com.assistantgateway.orchestrator.knowledge.KnowledgeStore;
import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.TenantId;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** Up when the vector store answers a (tenant-scoped) count. */
@Component("vectorStore")
public class VectorStoreHealth implements HealthIndicator {

    private static final TenantId PROBE_TENANT = new TenantId("health-probe");
    private static final AssistantId PROBE_ASSISTANT = new AssistantId("health-probe");

    private final KnowledgeStore store;

    public VectorStoreHealth(KnowledgeStore store) {
        this.store = store;
    }

    @Override
    public Health health() {
        try {
            store.count(PROBE_TENANT, PROBE_ASSISTANT);
            return Health.up()
                    .withDetail("store", store.getClass().getSimpleName())
                    .build();
        } catch (RuntimeException e) {
            return Health.down(e)
                    .withDetail("store", store.getClass().getSimpleName())
                    .build();
        }
    }
}
