package com.assistantgateway.admin.limits;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ExpiredEntriesCleaner;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.mysql.Bucket4jMySQL;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The Bucket4j buckets every limit and pace is counted in, one row of {@code rate_limit_buckets} per key, through
 * Bucket4j's {@code SELECT ... FOR UPDATE} proxy manager: that works on MySQL, MariaDB and the embedded H2 in MySQL
 * mode, and makes every instance on the database count against one allowance.
 */
@Component
class RateLimitBuckets {

    private static final Logger log = LoggerFactory.getLogger(RateLimitBuckets.class);
    /** A bucket untouched this long has refilled completely: its row can go. */
    private static final Duration REFILLED = Duration.ofMinutes(1);

    private final ProxyManager<String> buckets;

    RateLimitBuckets(DataSource dataSource) {
        this.buckets = Bucket4jMySQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_buckets")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(REFILLED))
                .build();
    }

    ProxyManager<String> proxies() {
        return buckets;
    }

    /** Drops buckets nobody has used for longer than it takes them to refill. */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void removeExpired() {
        try {
            if (buckets instanceof ExpiredEntriesCleaner cleaner) {
                cleaner.removeExpired(1000);
            }
        } catch (RuntimeException e) {
            log.debug("expired rate-limit buckets not removed this time", e);
        }
    }
}
