package com.assistantgateway.routes.port;

import java.time.Instant;

/**
 * A message the broker gave up on, as an operator sees it.
 *
 * @param id the broker's message id, to replay or discard it
 * @param queue the dead-letter queue holding it
 * @param originalQueue where a replay sends it
 * @param messageId the gateway's message id
 * @param direction {@code INBOUND} or {@code OUTBOUND}
 * @param deadSince when it was sent to the queue it failed on
 */
public record DeadLetter(
        String id,
        String queue,
        String originalQueue,
        String messageId,
        String conversationId,
        String channel,
        String direction,
        Instant deadSince) {}
