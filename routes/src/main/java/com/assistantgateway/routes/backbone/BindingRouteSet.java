package com.assistantgateway.routes.backbone;

import com.assistantgateway.routes.message.ChannelId;
import com.assistantgateway.routes.port.ChannelBinding;
import java.util.List;
import org.apache.camel.CamelContext;

/**
 * A channel whose routes exist once per binding, because each holds its own connection: a mailbox, an SMTP server, a
 * topic, a crawl schedule. {@link BindingRoutes} adds them for every active binding, at startup and on activation.
 */
public interface BindingRouteSet {

    ChannelId channel();

    /**
     * Whether the binding's routes poll a source (a mailbox, a crawl schedule). Such a binding runs on one instance of
     * a cluster at a time, its owner ({@link PollingOwnership}); other channels' routes run on every instance.
     */
    default boolean polls() {
        return false;
    }

    /**
     * Adds this binding's routes from the channel's route templates, each id (from {@link BindingRoutes#routeId})
     * added to {@code started} as its route is added, so exactly those are stopped again, even after a failure.
     */
    void addRoutes(CamelContext context, ChannelBinding binding, List<String> started) throws Exception;
}
