package com.assistantgateway.routes.backbone;

import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.DeadLetterQueues;
import com.assistantgateway.routes.port.TenantDirectory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The {@code gateway.dlq.depth} gauge per tenant, refreshed by browsing the dead-letter queues periodically. */
@Component
public class DeadLetterDepth {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterDepth.class);

    private final TenantDirectory tenants;
    private final DeadLetterQueues deadLetters;
    private final MultiGauge depth;

    public DeadLetterDepth(TenantDirectory tenants, DeadLetterQueues deadLetters, MeterRegistry meters) {
        this.tenants = tenants;
        this.deadLetters = deadLetters;
        this.depth = MultiGauge.builder("gateway.dlq.depth")
                .description("messages of the tenant in dead-letter queues")
                .register(meters);
    }

    @Scheduled(initialDelayString = "PT10S", fixedDelayString = "${gateway.routes.dlq-depth-interval:PT30S}")
    public void refresh() {
        try {
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            for (TenantId tenant : tenants.activeTenants()) {
                rows.add(MultiGauge.Row.of(Tags.of("tenant", tenant.value()), deadLetters.depth(tenant)));
            }
            depth.register(rows, true);
        } catch (RuntimeException e) {
            log.warn("could not read dead-letter depths: {}", e.toString());
        }
    }
}
