package com.assistantgateway.admin.inbox;

import java.time.Instant;

/**
 * Inbox filters; {@code null} matches everything.
 *
 * @param status {@code open}, {@code waiting} (handed over, no agent yet) or {@code agent}
 * @param from conversations updated at or after
 * @param to conversations updated before
 */
public record ConversationFilter(String status, String channel, String assistantId, Instant from, Instant to) {}
