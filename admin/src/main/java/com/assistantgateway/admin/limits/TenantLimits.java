package com.assistantgateway.admin.limits;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * A tenant's limits; 0 means none.
 *
 * @param messagesPerMinute every message the tenant's bindings receive, together
 * @param senderMessagesPerMinute each sender on each binding
 * @param llmTokensPerMinute LLM tokens (prompt and answer) all of the tenant's assistants use, together
 */
public record TenantLimits(
        @Min(0) @Max(1_000_000) long messagesPerMinute,
        @Min(0) @Max(1_000_000) long senderMessagesPerMinute,
        @Min(0) @Max(100_000_000) long llmTokensPerMinute) {

    public static final TenantLimits NONE = new TenantLimits(0, 0, 0);

    public boolean limited() {
        return messagesPerMinute > 0 || senderMessagesPerMinute > 0 || llmTokensPerMinute > 0;
    }
}
