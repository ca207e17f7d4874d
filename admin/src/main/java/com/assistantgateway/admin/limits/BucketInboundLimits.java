package com.assistantgateway.admin.limits;

import com.assistantgateway.admin.AdminProperties;
import com.assistantgateway.admin.audit.AuditTrail;
import com.assistantgateway.routes.backbone.ChannelSignatures;
import com.assistantgateway.routes.message.GatewayMessage;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.InboundLimits;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Inbound limits as Bucket4j token buckets (greedy refill: a limit of 60 a minute lets one more through every second)
 * in the shared database ({@link RateLimitBuckets}), so a cluster counts against one allowance. Concurrent messages
 * for one tenant share a database round trip (Bucket4j's batching). A tenant without limits costs no database access
 * at all.
 */
@Component
public class BucketInboundLimits implements InboundLimits {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final ProxyManager<String> buckets;
    private final LimitsMapper mapper;
    private final AuditTrail audit;
    private final AdminProperties.Limits settings;
    private final Clock clock;
    private final Map<TenantId, Current> current = new ConcurrentHashMap<>();
    /** Tenant and client buckets, kept so concurrent requests batch; few enough to keep them all. */
    private final Map<String, Bucket> shared = new ConcurrentHashMap<>();

    BucketInboundLimits(
            RateLimitBuckets buckets, LimitsMapper mapper, AuditTrail audit, AdminProperties properties, Clock clock) {
        this.clock = clock;
        this.audit = audit;
        this.buckets = buckets.proxies();
        this.mapper = mapper;
        this.settings = properties.limits();
    }

    @Override
    public Optional<Refusal> admit(GatewayMessage inbound) {
        // The sender first: one sender over its own limit must not use up the tenant's allowance.
        for (Allowance allowance : allowances(inbound)) {
            Optional<Refusal> refused = take(allowance.bucket(), allowance.limit(), allowance.perMinute());
            if (refused.isPresent()) {
                return refused;
            }
        }
        return Optional.empty();
    }

    @Override
    public Reservation reserve(GatewayMessage inbound) {
        List<Allowance> allowances = allowances(inbound);
        // Looked at before anything is taken: a reservation cannot be handed back, so none is made past the longest
        // wait. Another instance may reserve in between; that message then waits a little longer than it was told.
        for (Allowance allowance : allowances) {
            EstimationProbe probe = allowance.bucket().estimateAbilityToConsume(1);
            Duration wait = Duration.ofNanos(probe.getNanosToWaitForRefill());
            if (!probe.canBeConsumed() && wait.compareTo(settings.longestDeferral()) > 0) {
                return new Reservation(
                        Duration.ZERO, Optional.of(new Refusal(allowance.limit(), allowance.perMinute(), wait)));
            }
        }
        long waitNanos = 0;
        for (Allowance allowance : allowances) {
            waitNanos = Math.max(waitNanos, allowance.bucket().consumeIgnoringRateLimits(1));
        }
        return waitNanos == 0 ? Reservation.NOW : new Reservation(Duration.ofNanos(waitNanos), Optional.empty());
    }

    /** The allowances a message takes from, the sender's before the tenant's; none for a tenant without limits. */
    private List<Allowance> allowances(GatewayMessage inbound) {
        TenantLimits limits = limitsOf(inbound.tenantId()).limits();
        List<Allowance> allowances = new ArrayList<>(2);
        if (limits.senderMessagesPerMinute() > 0 && inbound.from() != null && inbound.bindingId() != null) {
            String sender = ChannelSignatures.sha256Hex(inbound.from().toLowerCase(Locale.ROOT))
                    .substring(0, 32);
            String key = "sender:" + inbound.tenantId().value() + ":"
                    + inbound.bindingId().value() + ":" + sender;
            allowances.add(new Allowance(
                    bucket(key, limits.senderMessagesPerMinute()), "sender", limits.senderMessagesPerMinute()));
        }
        if (limits.messagesPerMinute() > 0) {
            allowances.add(new Allowance(
                    shared(tenantKey(inbound.tenantId()), limits.messagesPerMinute()),
                    "tenant",
                    limits.messagesPerMinute()));
        }
        return allowances;
    }

    @Override
    public Optional<Refusal> admitClient(String address) {
        long perMinute = settings.clientMessagesPerMinute();
        if (perMinute <= 0 || address == null) {
            return Optional.empty();
        }
        return take(shared("client:" + address, perMinute), "client", perMinute);
    }

    @Override
    public Usage usage(TenantId tenantId) {
        Current now = limitsOf(tenantId);
        TenantLimits limits = now.limits();
        long available = limits.messagesPerMinute() > 0
                ? shared(tenantKey(tenantId), limits.messagesPerMinute()).getAvailableTokens()
                : -1;
        long tokens = limits.llmTokensPerMinute() > 0
                ? llmTokens(tenantId, limits.llmTokensPerMinute()).getAvailableTokens()
                : Long.MIN_VALUE;
        return new Usage(
                limits.messagesPerMinute(),
                limits.senderMessagesPerMinute(),
                limits.llmTokensPerMinute(),
                now.source(),
                available,
                tokens);
    }

    /** What applies to the tenant now: its own limits, else its plan's (read again after {@code limits.cache}). */
    TenantLimits limits(TenantId tenantId) {
        return limitsOf(tenantId).limits();
    }

    /** The tenant's LLM token bucket: a minute's tokens at once, refilled over the minute. */
    Bucket llmTokens(TenantId tenantId, long perMinute) {
        return shared("llm:" + tenantId.value(), perMinute);
    }

    /**
     * Sets (or with {@code null}, removes: back to the plan's) the tenant's own limits, audited under {@code actor};
     * every instance applies them within the cache. Returns what applies now.
     */
    @Transactional
    public Usage set(TenantId tenantId, TenantLimits limits, String actor) {
        Usage before = usage(tenantId);
        if (limits == null) {
            mapper.delete(tenantId);
        } else if (mapper.update(tenantId, limits, clock.instant()) == 0) {
            mapper.insert(tenantId, limits, clock.instant());
        }
        current.remove(tenantId);
        audit.record(
                tenantId,
                actor,
                limits == null ? "limits.reset" : "limits.set",
                "tenant",
                tenantId.value(),
                audit.change(before, limits));
        return usage(tenantId);
    }

    private static Optional<Refusal> take(Bucket bucket, String limit, long perMinute) {
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed()
                ? Optional.empty()
                : Optional.of(new Refusal(limit, perMinute, Duration.ofNanos(probe.getNanosToWaitForRefill())));
    }

    /**
     * The key's bucket at this rate. The rate is part of the stored key, so a changed limit counts in a bucket of its
     * own at once: Bucket4j keeps a stored bucket's first configuration, and replaces it implicitly only for a higher
     * version, which a lowered limit (the platform throttling a flooding tenant) never is.
     */
    private Bucket shared(String key, long perMinute) {
        String rated = key + "@" + perMinute;
        return shared.computeIfAbsent(rated, ignored -> buckets.builder()
                .withOptimization(Optimizations.batching())
                .build(rated, () -> perMinute(perMinute)));
    }

    private Bucket bucket(String key, long perMinute) {
        return buckets.builder().build(key + "@" + perMinute, () -> perMinute(perMinute));
    }

    private static BucketConfiguration perMinute(long perMinute) {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, MINUTE))
                .build();
    }

    private static String tenantKey(TenantId tenantId) {
        return "tenant:" + tenantId.value();
    }

    private Current limitsOf(TenantId tenantId) {
        Instant now = clock.instant();
        Current cached = current.get(tenantId);
        if (cached != null && cached.readAt().plus(settings.cache()).isAfter(now)) {
            return cached;
        }
        Current fresh = mapper.limits(tenantId)
                .map(own -> new Current(own, "tenant", now))
                .orElseGet(() -> new Current(
                        mapper.plan(tenantId)
                                .map(plan -> settings.plans().get(plan))
                                .orElse(TenantLimits.NONE),
                        "plan",
                        now));
        current.put(tenantId, fresh);
        return fresh;
    }

    private record Current(TenantLimits limits, String source, Instant readAt) {}

    private record Allowance(Bucket bucket, String limit, long perMinute) {}
}
