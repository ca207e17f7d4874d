package com.assistantgateway.routes.backbone;

import com.assistantgateway.routes.port.ChannelBinding;
import org.apache.camel.CamelContext;

/**
 * A channel whose routes exist once per binding, because each holds its own connection: a mailbox, an SMTP server, a
 * topic, a crawl schedule. {@link BindingRoutes} adds them for every active binding, at startup and on activation.
 */
public interface BindingRouteSet {

    String channel();

    /** Adds this binding's routes from the channel's route templates; ids come from {@link BindingRoutes#routeId}. */
    void addRoutes(CamelContext context, ChannelBinding binding) throws Exception;
}
