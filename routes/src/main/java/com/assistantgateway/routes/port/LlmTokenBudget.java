package com.assistantgateway.routes.port;

import com.assistantgateway.routes.message.TenantId;
import java.time.Duration;

/**
 * A tenant's LLM tokens a minute (its plan's, or a limit set for it), across every instance of a cluster. A message
 * over it is not refused: it was accepted already, so its tenant's processor waits for the tenant's allowance to refill
 * and answers then; other tenants' processors are not held up.
 */
public interface LlmTokenBudget {

    /** No limit: for tools and tests that wire an assistant by hand. */
    LlmTokenBudget UNLIMITED = new LlmTokenBudget() {
        @Override
        public Duration reserve(TenantId tenantId, long tokens) {
            return Duration.ZERO;
        }

        @Override
        public void settle(TenantId tenantId, long reserved, long used) {}
    };

    /** Waits until the tenant may spend {@code tokens} more, and takes them; returns how long it waited. */
    Duration reserve(TenantId tenantId, long tokens) throws InterruptedException;

    /** Settles a reservation with what the call used: what was not used goes back, what was used beyond it is owed. */
    void settle(TenantId tenantId, long reserved, long used);
}
