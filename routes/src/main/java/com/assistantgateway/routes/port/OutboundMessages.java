package com.assistantgateway.routes.port;

import com.assistantgateway.routes.message.GatewayMessage;

/**
 * Sends a message that no assistant produced (an agent's reply in a taken-over conversation) out through its
 * channel. The send joins the caller's database transaction and commits right after it.
 */
public interface OutboundMessages {

    void send(GatewayMessage message);
}
