package com.assistantgateway.admin.knowledge;

import com.assistantgateway.admin.registry.TenantRegistry;
import com.assistantgateway.routes.message.TenantId;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start, queues again the sources a crash left {@code queued} (stored, but the job never reached the broker) or
 * {@code processing} before this process started (uploads made during start-up, like the demo's, are in flight). A job
 * that did reach the broker then runs twice, which only re-ingests the same version.
 */
@Component
class UnfinishedIngestion {

    private static final Logger log = LoggerFactory.getLogger(UnfinishedIngestion.class);

    private final KnowledgeSources sources;
    private final TenantRegistry registry;

    UnfinishedIngestion(KnowledgeSources sources, TenantRegistry registry) {
        this.sources = sources;
        this.registry = registry;
    }

    @EventListener(ApplicationReadyEvent.class)
    void resume() {
        Instant started =
                Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        for (TenantId tenantId : registry.activeTenants()) {
            int resumed = sources.resumeUnfinished(tenantId, started);
            if (resumed > 0) {
                log.info("queued {} unfinished knowledge sources of tenant {} again", resumed, tenantId);
            }
        }
    }
}
