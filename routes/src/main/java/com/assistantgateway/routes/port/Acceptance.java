package com.assistantgateway.routes.port;

import com.assistantgateway.routes.message.GatewayMessage;

/**
 * The ledger's answer to an inbound message.
 *
 * @param message the stored message: the new one, or for a duplicate the one first stored
 * @param fresh {@code true} when newly stored and so to be enqueued; {@code false} for a duplicate
 */
public record Acceptance(GatewayMessage message, boolean fresh) {}
