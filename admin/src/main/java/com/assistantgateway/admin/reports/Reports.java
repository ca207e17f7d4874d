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
    private final Clock clock;

    public Reports(ReportsMapper mapper, Clock clock) {
        this.clock = clock;
        this.mapper = mapper;
    }

    public Overview overview(TenantId tenantId, int days) {
        Instant since = clock.instant().minus(Duration.ofDays(days));
        return aggregate(days, mapper.exchanges(tenantId, since, MAX_EXCHANGES));
    }

    static Overview aggregate(int days, List<Exchange> exchanges) {
        Map<String, Long> kinds = exchanges.stream()
                .filter(e -> e.kind() != null)
                .collect(Collectors.groupingBy(Exchange::kind, TreeMap::new, Collectors.counting()));
        long answered = kinds.getOrDefault("answered", 0L);
        long acknowledged = kinds.getOrDefault("acknowledged", 0L);
        Map<String, Long> handedOver = exchanges.stream()
                .filter(e -> "handed-over".equals(e.kind()))
                .collect(Collectors.groupingBy(
                        e -> e.handover() == null ? "unknown" : e.handover(), TreeMap::new, Collectors.counting()));
        Map<String, Map<String, Long>> languages = exchanges.stream()
                .filter(e -> e.kind() != null && e.language() != null)
                .collect(Collectors.groupingBy(
                        Exchange::language,
                        TreeMap::new,
                        Collectors.groupingBy(Exchange::kind, TreeMap::new, Collectors.counting())));
        long awaiting = exchanges.stream()
                .filter(e -> "AWAITING_AGENT".equals(e.status()))
                .count();
        long failed =
                exchanges.stream().filter(e -> "FAILED".equals(e.status())).count();
        List<Long> confidence = new ArrayList<>(Collections.nCopies(10, 0L));
        for (Exchange exchange : exchanges) {
            // The assistant's own judgement only: a handover before answering and an acknowledgement score nothing.
            if (exchange.confidence() != null
                    && ("answered".equals(exchange.kind()) || "dont-know".equals(exchange.kind()))) {
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
        long questions = exchanges.size() - acknowledged;
        double rate = questions <= 0 ? 0 : (double) answered / questions;
        return new Overview(
                days,
                exchanges.size(),
                answered,
                kinds.getOrDefault("dont-know", 0L),
                kinds.getOrDefault("refused", 0L),
                handedOver,
                acknowledged,
                awaiting,
                failed,
                rate,
                confidence,
                languages,
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
