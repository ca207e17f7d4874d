package com.assistantgateway.admin.inbox;

import java.time.Instant;

/** A conversation as the inbox lists it. */
public record ConversationSummary(
        String id,
        String assistantId,
        String channel,
        String bindingId,
        String participant,
        String status,
        String assignee,
        long messages,
        Instant createdAt,
        Instant updatedAt) {}
