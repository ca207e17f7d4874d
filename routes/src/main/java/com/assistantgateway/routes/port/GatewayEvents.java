package com.assistantgateway.routes.port;

/** The outbound event stream. Best effort: an event that cannot be published is logged, never blocks a message. */
public interface GatewayEvents {

    void publish(GatewayEvent event);
}
