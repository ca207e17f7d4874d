package com.assistantgateway.gateway.health;

import com.assistantgateway.admin.cluster.ClusterMembers;
import com.assistantgateway.orchestrator.OrchestratorProperties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Whether every instance answers from the same knowledge. The embedded store is a Lucene index on this instance's
 * disk: with several instances on one database each indexes only what it ingested and answers differently, so the
 * {@code knowledgeIndex} component (and with it {@code /actuator/health}) reads {@code DEGRADED} and the log says so;
 * the {@code milvus} profile shares one index. Readiness is not affected: each instance still serves.
 */
@Component("knowledgeIndex")
public class KnowledgeIndexHealth implements HealthIndicator {

    /** Ordered after DOWN and OUT_OF_SERVICE, before UP; answered with 200 (management.endpoint.health.status). */
    public static final Status DEGRADED = new Status("DEGRADED");

    private static final Logger log = LoggerFactory.getLogger(KnowledgeIndexHealth.class);

    private final boolean instanceLocal;
    private final ClusterMembers members;
    private final AtomicBoolean warned = new AtomicBoolean();

    public KnowledgeIndexHealth(OrchestratorProperties orchestrator, ClusterMembers members) {
        this.instanceLocal = !"milvus".equals(orchestrator.store());
        this.members = members;
    }

    @Override
    public Health health() {
        int instances = members.live();
        if (!instanceLocal) {
            return Health.up()
                    .withDetail("store", "milvus")
                    .withDetail("instances", instances)
                    .build();
        }
        Health.Builder health = Health.up().withDetail("store", "embedded (this instance's disk)");
        if (instances > 1) {
            warnOnce(instances);
            return health.status(DEGRADED)
                    .withDetail("instances", instances)
                    .withDetail(
                            "problem",
                            instances + " instances share the database, but each answers from its own embedded"
                                    + " index; run them with the milvus profile")
                    .build();
        }
        return health.withDetail("instances", instances).build();
    }

    /** At startup and every minute after: an instance that joins later makes the first one say so too. */
    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    void check() {
        int instances = instanceLocal ? members.live() : 0;
        if (instances > 1) {
            warnOnce(instances);
        }
    }

    private void warnOnce(int instances) {
        if (warned.compareAndSet(false, true)) {
            log.warn(
                    "{} instances share this database, but the embedded knowledge index is local to each: they answer"
                            + " from different knowledge. Run a cluster with the milvus profile (see README, Cluster).",
                    instances);
        }
    }
}
