package com.assistantgateway.adapters.webhook;

import com.assistantgateway.routes.backbone.BindingRouteSet;
import com.assistantgateway.routes.backbone.BindingRoutes;
import com.assistantgateway.routes.message.ChannelId;
import com.assistantgateway.routes.port.ChannelBinding;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Starts a binding's callback sender ({@code webhook.outbound.<tenant>.<binding>}): its share of the webhook queue,
 * with consumers and a circuit breaker of its own. Requests come in on the channel's shared endpoint.
 */
@Component
public class WebhookBindingRoutes implements BindingRouteSet {

    @Override
    public ChannelId channel() {
        return WebhookBinding.CHANNEL;
    }

    @Override
    public void addRoutes(CamelContext context, ChannelBinding binding, List<String> started) {
        started.add(TemplatedRouteBuilder.builder(context, WebhookRoutes.OUTBOUND)
                .routeId(BindingRoutes.routeId(WebhookBinding.CHANNEL, "outbound", binding))
                .parameter(WebhookRoutes.SELECTOR, BindingRoutes.selector(binding))
                .add());
    }
}
