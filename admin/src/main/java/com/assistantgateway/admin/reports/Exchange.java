package com.assistantgateway.admin.reports;

import java.time.Instant;

/**
 * An inbound message and, when it was answered, its reply: one row of the overview's input.
 *
 * @param outcome the reply's kind ({@code answered}, {@code dont-know}, ...); null for a person's reply or a reply
 *     stored before outcomes were
 * @param language the language the customer was answered in, where known
 * @param handover why the reply handed the conversation over, if it did
 */
public record Exchange(
        String channel,
        String status,
        Instant receivedAt,
        Instant answeredAt,
        Double confidence,
        String outcome,
        String language,
        String handover) {

    /** Replies stored before outcomes were recorded count as answers, as they did then. */
    public String kind() {
        if (answeredAt == null) {
            return null;
        }
        return outcome == null ? "answered" : outcome;
    }
}
