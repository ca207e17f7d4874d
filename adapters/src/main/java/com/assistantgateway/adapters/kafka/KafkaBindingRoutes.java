package com.assistantgateway.adapters.kafka;

import com.assistantgateway.routes.backbone.BindingRouteSet;
import com.assistantgateway.routes.backbone.BindingRoutes;
import com.assistantgateway.routes.message.ChannelId;
import com.assistantgateway.routes.port.ChannelBinding;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.springframework.stereotype.Component;

/** Starts a binding's topic consumer ({@code kafka.inbound.<tenant>.<binding>}) and reply producer. */
@Component
public class KafkaBindingRoutes implements BindingRouteSet {

    private final KafkaChannelProperties properties;
    private final KafkaChannel channel;

    public KafkaBindingRoutes(KafkaChannelProperties properties, KafkaChannel channel) {
        this.properties = properties;
        this.channel = channel;
    }

    @Override
    public ChannelId channel() {
        return KafkaBinding.CHANNEL;
    }

    @Override
    public void addRoutes(CamelContext context, ChannelBinding binding, List<String> started) {
        // Checked again here: a binding stored before its tenant's namespace or brokers were enforced must not start.
        List<String> problems = channel.problems(binding.tenantId(), binding.inboundKey(), binding.settings());
        if (!problems.isEmpty()) {
            throw new IllegalStateException(binding + " is not allowed to start: " + String.join("; ", problems));
        }
        String brokers = KafkaBinding.brokers(binding, properties);
        started.add(TemplatedRouteBuilder.builder(context, KafkaRoutes.INBOUND)
                .routeId(BindingRoutes.routeId(KafkaBinding.CHANNEL, "inbound", binding))
                .parameter(KafkaRoutes.TENANT, binding.tenantId().value())
                .parameter(KafkaRoutes.BINDING, binding.id())
                .parameter(KafkaRoutes.TOPIC, binding.inboundKey())
                .parameter(KafkaRoutes.BROKERS, brokers)
                .parameter(KafkaRoutes.GROUP_ID, KafkaBinding.groupId(binding))
                .add());
        started.add(TemplatedRouteBuilder.builder(context, KafkaRoutes.OUTBOUND)
                .routeId(BindingRoutes.routeId(KafkaBinding.CHANNEL, "outbound", binding))
                .parameter(KafkaRoutes.TOPIC, KafkaBinding.replyTopic(binding))
                .parameter(KafkaRoutes.BROKERS, brokers)
                .parameter(KafkaRoutes.SELECTOR, BindingRoutes.selector(binding))
                .add());
    }
}
