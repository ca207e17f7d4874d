package com.assistantgateway.admin.reports;

import java.util.List;
import java.util.Map;

/**
 * A tenant's traffic over a period.
 *
 * @param answerRate answered over received, 0 to 1
 * @param confidence how many answers fell in each tenth of the confidence range, lowest first
 * @param channels per channel: volume and answer latency
 * @param daily received per day ({@code yyyy-MM-dd}), oldest first
 * @param partial the period holds more messages than an overview reads; the figures cover the newest of them
 */
public record Overview(
        int days,
        long received,
        long answered,
        long awaitingAgent,
        long failed,
        double answerRate,
        List<Long> confidence,
        List<ChannelFigures> channels,
        Map<String, Long> daily,
        boolean partial) {

    /** Latencies are from receipt to the stored reply, in milliseconds. */
    public record ChannelFigures(String channel, long received, long answered, Long p50Millis, Long p95Millis) {}
}
