package com.assistantgateway.routes.port;

import com.assistantgateway.routes.message.GatewayMessage;

/**
 * The ledger's answer to an inbound message.
 *
 * @param message the stored message: the new one, or for a duplicate the one first stored
 * @param fresh {@code true} when newly stored and so to be enqueued; {@code false} for a duplicate
 * @param differs for a duplicate, whether it said something else than the message first stored under its channel id
 *     (a mailer reusing a Message-ID, a client reusing an Idempotency-Key): kept out, and recorded as skipped
 */
public record Acceptance(GatewayMessage message, boolean fresh, boolean differs) {

    public Acceptance(GatewayMessage message, boolean fresh) {
        this(message, fresh, false);
    }
}
