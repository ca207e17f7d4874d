package com.assistantgateway.admin.reports;

import java.util.List;
import java.util.Map;

/**
 * A tenant's traffic over a period.
 *
 * @param answered answered from knowledge (or by a person), not counting "I don't know"
 * @param dontKnow replies that said the assistant does not know
 * @param refused questions a policy declined
 * @param handedOver replies that handed the conversation to a person, by reason
 * @param acknowledged replies that answer no customer (a re-indexed page): left out of the answer rate
 * @param answerRate answered over the customers' messages (received less acknowledged), 0 to 1
 * @param confidence how many assistant replies (answers and "I don't know") fell in each tenth of the confidence
 *     range, lowest first
 * @param languages per language the customer was answered in: the count of each outcome
 * @param channels per channel: volume and answer latency
 * @param daily received per day ({@code yyyy-MM-dd}), oldest first
 * @param partial the period holds more messages than an overview reads; the figures cover the newest of them
 */
public record Overview(
        int days,
        long received,
        long answered,
        long dontKnow,
        long refused,
        Map<String, Long> handedOver,
        long acknowledged,
        long awaitingAgent,
        long failed,
        double answerRate,
        List<Long> confidence,
        Map<String, Map<String, Long>> languages,
        List<ChannelFigures> channels,
        Map<String, Long> daily,
        boolean partial) {

    public long handedOverTotal() {
        return handedOver.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Latencies are from receipt to the stored reply, in milliseconds. */
    public record ChannelFigures(String channel, long received, long answered, Long p50Millis, Long p95Millis) {}
}
