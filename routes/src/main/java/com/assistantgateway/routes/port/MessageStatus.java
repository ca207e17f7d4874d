package com.assistantgateway.routes.port;

/** Where an inbound message is in its life. */
public enum MessageStatus {
    /** Stored; its send to the broker commits right after. Shown to callers as {@code queued}. */
    RECEIVED,
    /** Stored, and its enqueue confirmed (in batches, off the request path); waiting for its tenant's processor. */
    QUEUED,
    /** Its tenant's processor took it and an attempt failed; the broker delivers it again. */
    PROCESSING,
    /** Its conversation is taken over by a person: no assistant answers it; the agent does. */
    AWAITING_AGENT,
    /** A reply is stored (and on its way out). */
    ANSWERED,
    /** Given up after redeliveries; it sits in a dead-letter queue. */
    FAILED
}
