package com.assistantgateway.admin.reports;

import com.assistantgateway.admin.reports.Overview.ChannelFigures;
import com.assistantgateway.routes.message.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** Aggregates a tenant's recent exchanges into the console's overview. */
@Service
public class Reports {

    /** The overview reads at most this many messages: enough for a dashboard, bounded for a busy tenant. */
    static final int MAX_EXCHANGES = 50_000;

    private final ReportsMapper mapper;
    private final Clock clock = Clock.systemUTC();

    public Reports(ReportsMapper mapper) {
        this.mapper = mapper;
    }

    public Overview overview(TenantId tenantId, int days) {
        Instant since = clock.instant().minus(Duration.ofDays(days));
        return aggregate(days, mapper.exchanges(tenantId, since, MAX_EXCHANGES));
    }

    static Overview aggregate(int days, List<Exchange> exchanges) {
        long answered = exchanges.stream().filter(e -> e.answeredAt() != null).count();
        long awaiting = exchanges.stream()
                .filter(e -> "AWAITING_AGENT".equals(e.status()))
                .count();
        long failed =
                exchanges.stream().filter(e -> "FAILED".equals(e.status())).count();
        List<Long> confidence = new ArrayList<>(Collections.nCopies(10, 0L));
        for (Exchange exchange : exchanges) {
            if (exchange.confidence() != null) {
                int bucket = (int) Math.min(9, Math.max(0, Math.floor(exchange.confidence() * 10)));
                confidence.set(bucket, confidence.get(bucket) + 1);
            }
        }
        Map<String, List<Exchange>> byChannel =
                exchanges.stream().collect(Collectors.groupingBy(Exchange::channel, TreeMap::new, Collectors.toList()));
        List<ChannelFigures> channels = new ArrayList<>();
        byChannel.forEach((channel, list) -> {
            List<Long> latencies = list.stream()
                    .filter(e -> e.answeredAt() != null)
                    .map(e -> Duration.between(e.receivedAt(), e.answeredAt()).toMillis())
                    .sorted()
                    .toList();
            channels.add(new ChannelFigures(
                    channel, list.size(), latencies.size(), percentile(latencies, 50), percentile(latencies, 95)));
        });
        Map<String, Long> daily = exchanges.stream()
                .collect(Collectors.groupingBy(
                        e -> LocalDate.ofInstant(e.receivedAt(), ZoneOffset.UTC).toString(),
                        TreeMap::new,
                        Collectors.counting()));
        double rate = exchanges.isEmpty() ? 0 : (double) answered / exchanges.size();
        return new Overview(
                days,
                exchanges.size(),
                answered,
                awaiting,
                failed,
                rate,
                confidence,
                channels,
                daily,
                exchanges.size() >= MAX_EXCHANGES);
    }

    /** Nearest-rank percentile of sorted values; {@code null} when there are none. */
    static Long percentile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
