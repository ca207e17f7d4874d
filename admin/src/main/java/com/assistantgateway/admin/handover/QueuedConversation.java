package com.assistantgateway.admin.handover;

import java.time.Instant;

/**
 * A handed-over conversation as the queue shows it.
 *
 * @param status {@code waiting} (no agent yet) or {@code agent} (assigned)
 * @param responseKind {@code first} or {@code next}: which reply the timer waits for; null when none is due
 */
public record QueuedConversation(
        String id,
        String assistantId,
        String channel,
        String participant,
        String status,
        String assignee,
        String handoverReason,
        Instant handedOverAt,
        Instant responseDue,
        String responseKind) {

    /** Whether the timer has run out at this instant. */
    public boolean breached(Instant now) {
        return responseDue != null && responseDue.isBefore(now);
    }

    /** Whether the timer runs out within the warning window, and has not yet. */
    public boolean atRisk(Instant now, java.time.Duration warnBefore) {
        return responseDue != null && !breached(now) && responseDue.isBefore(now.plus(warnBefore));
    }
}
