package com.assistantgateway.routes.port;

import com.assistantgateway.routes.message.GatewayMessage;
import com.assistantgateway.routes.message.TenantId;
import java.time.Duration;
import java.util.Optional;

/**
 * How much inbound traffic a tenant (by its plan, or a limit set for it), one sender on a binding, or one client
 * address may send. Counted across every instance of a cluster.
 */
public interface InboundLimits {

    /** Takes one message from the tenant's and the sender's allowance; empty when it may pass, else the refusal. */
    Optional<Refusal> admit(GatewayMessage inbound);

    /**
     * Takes one message from the tenant's and the sender's allowance now, or reserves the next that comes free (the
     * allowance goes into debt, so later messages queue behind it), unless that is further off than the limits allow
     * a message to wait: then nothing is taken and the refusal says when to try again.
     */
    Reservation reserve(GatewayMessage inbound);

    /** Takes one request from a client address's allowance on the public channel endpoints. */
    Optional<Refusal> admitClient(String address);

    /** The limits that apply to a tenant now, and what is left of them. */
    Usage usage(TenantId tenantId);

    /**
     * A message or request over a limit.
     *
     * @param limit which limit: {@code tenant}, {@code sender} or {@code client}
     * @param perMinute the limit
     * @param retryAfter when one more would pass
     */
    record Refusal(String limit, long perMinute, Duration retryAfter) {}

    /**
     * One message's place in its allowance.
     *
     * @param turnIn how long it must wait for its turn; zero when it may pass now
     * @param refusal present when it would have to wait too long, and nothing was taken
     */
    record Reservation(Duration turnIn, Optional<Refusal> refusal) {

        public static final Reservation NOW = new Reservation(Duration.ZERO, Optional.empty());
    }

    /**
     * @param messagesPerMinute the tenant's limit; 0 for none
     * @param senderMessagesPerMinute each sender's limit on each binding; 0 for none
     * @param llmTokensPerMinute the LLM tokens (prompt and answer) the tenant's assistants may use a minute; 0 for none
     * @param source {@code plan} (from the tenant's plan) or {@code tenant} (set for this tenant)
     * @param available messages the tenant may still send right now; -1 without a limit
     * @param llmTokensAvailable LLM tokens the tenant may still use right now (negative: owed); without a limit
     *     {@link Long#MIN_VALUE}
     */
    record Usage(
            long messagesPerMinute,
            long senderMessagesPerMinute,
            long llmTokensPerMinute,
            String source,
            long available,
            long llmTokensAvailable) {}
}
