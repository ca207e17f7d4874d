package com.assistantgateway.routes.port;

import java.time.Duration;

/**
 * Paces what the gateway sends through one sender (a phone number, a messaging service) to the rate its provider
 * delivers at, across every instance of a cluster: the channel waits instead of letting the provider queue, delay or
 * reject what goes over it.
 */
public interface OutboundPacing {

    /**
     * Waits until {@code units} more (SMS segments, WhatsApp messages) may go through {@code sender} at {@code
     * perSecond}, and takes them; returns how long it waited.
     */
    Duration await(String sender, int units, int perSecond) throws InterruptedException;
}
