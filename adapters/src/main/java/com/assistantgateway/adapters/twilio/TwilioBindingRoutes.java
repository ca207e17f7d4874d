package com.assistantgateway.adapters.twilio;

import com.assistantgateway.routes.backbone.BindingRouteSet;
import com.assistantgateway.routes.backbone.BindingRoutes;
import com.assistantgateway.routes.backbone.GatewayQueues;
import com.assistantgateway.routes.message.ChannelId;
import com.assistantgateway.routes.port.ChannelBinding;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.springframework.stereotype.Component;

/** Starts the outbound sender of each SMS and WhatsApp binding. */
public abstract sealed class TwilioBindingRoutes implements BindingRouteSet {

    @Override
    public void addRoutes(CamelContext context, ChannelBinding binding, List<String> started) {
        started.add(TemplatedRouteBuilder.builder(context, TwilioRoutes.OUTBOUND)
                .routeId(BindingRoutes.routeId(binding.channel(), "outbound", binding))
                .parameter(TwilioRoutes.QUEUE, GatewayQueues.channelQueue(binding.channel()))
                .parameter(TwilioRoutes.SELECTOR, BindingRoutes.selector(binding))
                .add());
    }

    @Component
    static final class Sms extends TwilioBindingRoutes {
        @Override
        public ChannelId channel() {
            return TwilioBinding.SMS;
        }
    }

    @Component
    static final class WhatsApp extends TwilioBindingRoutes {
        @Override
        public ChannelId channel() {
            return TwilioBinding.WHATSAPP;
        }
    }
}
