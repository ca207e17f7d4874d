package com.assistantgateway.admin.limits;

import com.assistantgateway.routes.port.OutboundPacing;
import io.github.bucket4j.BlockingStrategy;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Outbound pacing as Bucket4j buckets in the shared database, one per sender: a sender paced at {@code n} a second
 * may send {@code n} at once, then one more every {@code 1/n} s. A wait is reserved in the shared bucket before it is
 * slept, so two instances sending through one number take turns instead of both sending at full rate.
 */
@Component
public class BucketOutboundPacing implements OutboundPacing {

    private static final Duration SECOND = Duration.ofSeconds(1);

    private final ProxyManager<String> buckets;
    private final Map<String, Bucket> senders = new ConcurrentHashMap<>();

    BucketOutboundPacing(RateLimitBuckets buckets) {
        this.buckets = buckets.proxies();
    }

    @Override
    public Duration await(String sender, int units, int perSecond) throws InterruptedException {
        if (units <= 0) {
            return Duration.ZERO;
        }
        long began = System.nanoTime();
        // More than a second's worth at once (a long SMS on a slow number) is paced as a second's worth at a time.
        int left = units;
        while (left > 0) {
            int now = Math.min(left, perSecond);
            bucket(sender, perSecond).asBlocking().consume(now, BlockingStrategy.PARKING);
            left -= now;
        }
        return Duration.ofNanos(System.nanoTime() - began);
    }

    /** The sender's pace at this rate; the rate is part of the stored key, as in {@link BucketInboundLimits}. */
    private Bucket bucket(String sender, int perSecond) {
        String rated = "pace:" + sender + "@" + perSecond;
        return senders.computeIfAbsent(
                rated, ignored -> buckets.builder().build(rated, () -> BucketConfiguration.builder()
                        .addLimit(limit -> limit.capacity(perSecond).refillGreedy(perSecond, SECOND))
                        .build()));
    }
}
