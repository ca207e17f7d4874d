package com.assistantgateway.admin.limits;

import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.LlmTokenBudget;
import io.github.bucket4j.BlockingStrategy;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * LLM tokens a minute per tenant, in the tenant's {@code llm:} bucket next to its message limit. A call reserves
 * what it is estimated to use before it is made and settles with what it used after; a tenant without a limit costs
 * no database access.
 */
@Component
public class BucketLlmTokenBudget implements LlmTokenBudget {

    private final BucketInboundLimits limits;
    private final MeterRegistry meters;

    BucketLlmTokenBudget(BucketInboundLimits limits, MeterRegistry meters) {
        this.limits = limits;
        this.meters = meters;
    }

    @Override
    public Duration reserve(TenantId tenantId, long tokens) throws InterruptedException {
        long perMinute = limits.limits(tenantId).llmTokensPerMinute();
        if (perMinute <= 0 || tokens <= 0) {
            return Duration.ZERO;
        }
        long began = System.nanoTime();
        // A call larger than a minute's allowance waits for a full bucket, then owes the rest.
        long now = Math.min(tokens, perMinute);
        limits.llmTokens(tenantId, perMinute).asBlocking().consume(now, BlockingStrategy.PARKING);
        if (tokens > now) {
            limits.llmTokens(tenantId, perMinute).consumeIgnoringRateLimits(tokens - now);
        }
        Duration waited = Duration.ofNanos(System.nanoTime() - began);
        meters.timer("gateway.limits.llm.waited", "tenant", tenantId.value()).record(waited);
        return waited;
    }

    @Override
    public void settle(TenantId tenantId, long reserved, long used) {
        long perMinute = limits.limits(tenantId).llmTokensPerMinute();
        if (perMinute <= 0 || used == reserved) {
            return;
        }
        if (used > reserved) {
            limits.llmTokens(tenantId, perMinute).consumeIgnoringRateLimits(used - reserved);
        } else {
            limits.llmTokens(tenantId, perMinute).addTokens(reserved - used);
        }
    }
}
