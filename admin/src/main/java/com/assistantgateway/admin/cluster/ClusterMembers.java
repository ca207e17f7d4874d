package com.assistantgateway.admin.cluster;

import com.assistantgateway.admin.AdminProperties;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The instances sharing this database, by a heartbeat each writes every {@code gateway.admin.cluster.heartbeat}
 * (times five): what needs to know whether it is alone (an instance-local index) asks {@link #live()}.
 */
@Component
public class ClusterMembers {

    private static final Logger log = LoggerFactory.getLogger(ClusterMembers.class);
    private static final int BEATS_BEFORE_GONE = 3;

    private final ClusterMapper mapper;
    private final String memberId;
    private final Duration beat;
    private final Clock clock;

    private final ScheduledExecutorService heart = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "cluster-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    ClusterMembers(ClusterMapper mapper, ClusterConfiguration.Member member, AdminProperties properties, Clock clock) {
        this.clock = clock;
        this.mapper = mapper;
        this.memberId = member.id();
        this.beat = properties.cluster().heartbeat().multipliedBy(5);
    }

    @PostConstruct
    void start() {
        heart.scheduleWithFixedDelay(this::beat, 0, beat.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        heart.shutdownNow();
    }

    void beat() {
        Instant now = clock.instant();
        try {
            if (mapper.touch(memberId, now) == 0) {
                mapper.insert(memberId, host(), now);
            }
            mapper.forgetBefore(now.minus(Duration.ofHours(1)));
        } catch (RuntimeException e) {
            log.warn("cluster heartbeat not written: {}", e.getMessage());
        }
    }

    /** Instances whose heartbeat is recent, this one included. */
    public int live() {
        return mapper.seenSince(clock.instant().minus(beat.multipliedBy(BEATS_BEFORE_GONE)));
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
