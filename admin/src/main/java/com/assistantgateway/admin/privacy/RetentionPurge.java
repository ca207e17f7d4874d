package com.assistantgateway.admin.privacy;

import com.assistantgateway.admin.audit.AuditTrail;
import com.assistantgateway.admin.registry.TenantRegistry;
import com.assistantgateway.admin.registry.TenantView;
import com.assistantgateway.routes.message.ConversationId;
import com.assistantgateway.routes.message.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Purges conversations (with their messages and deliveries) that have been quiet for longer than their tenant's
 * retention, in batches, each batch with its audit record in one transaction. The audit trail itself is kept.
 */
@Component
public class RetentionPurge {

    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);
    private static final int BATCH = 200;

    private final TenantRegistry registry;
    private final PrivacyMapper mapper;
    private final MessageFiles files;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public RetentionPurge(
            TenantRegistry registry,
            PrivacyMapper mapper,
            MessageFiles files,
            AuditTrail audit,
            TransactionTemplate transactions,
            Clock clock) {
        this.registry = registry;
        this.mapper = mapper;
        this.files = files;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(
            initialDelayString = "${gateway.admin.retention-sweep:1h}",
            fixedDelayString = "${gateway.admin.retention-sweep:1h}")
    public void sweep() {
        for (TenantView tenant : registry.allTenants()) {
            purge(new TenantId(tenant.slug()), tenant.retentionDays());
        }
    }

    /** Purges one tenant; returns the number of conversations deleted. */
    public int purge(TenantId tenantId, int retentionDays) {
        Instant before = clock.instant().minus(Duration.ofDays(retentionDays));
        int total = 0;
        while (true) {
            Integer purged = transactions.execute(status -> {
                List<ConversationId> expired = mapper.expired(tenantId, before, BATCH);
                if (expired.isEmpty()) {
                    return 0;
                }
                files.delete(tenantId, expired);
                mapper.deleteDeliveries(tenantId, expired);
                int messages = mapper.deleteMessages(tenantId, expired);
                mapper.deleteConversations(tenantId, expired);
                audit.record(
                        tenantId,
                        "retention",
                        "retention.purged",
                        "tenant",
                        tenantId.value(),
                        audit.change(
                                null,
                                Map.of(
                                        "conversations", expired.size(),
                                        "messages", messages,
                                        "olderThan", before.toString())));
                return expired.size();
            });
            if (purged == null || purged == 0) {
                break;
            }
            total += purged;
        }
        if (total > 0) {
            log.info("retention: purged {} conversations of tenant {} quiet since before {}", total, tenantId, before);
        }
        return total;
    }
}
