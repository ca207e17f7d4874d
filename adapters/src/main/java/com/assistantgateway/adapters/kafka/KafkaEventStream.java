package com.assistantgateway.adapters.kafka;

import com.assistantgateway.routes.message.CanonicalJson;
import com.assistantgateway.routes.port.GatewayEvent;
import com.assistantgateway.routes.port.GatewayEvents;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Publishes gateway events to Kafka when {@code gateway.adapters.kafka.events.enabled}; otherwise does nothing.
 * Events are handed to an in-memory buffer and sent by the route {@code events.outbound.publish}, so a slow or absent
 * Kafka never delays a message; when the buffer is full an event is dropped and logged.
 */
@Component
public class KafkaEventStream implements GatewayEvents {

    static final String QUEUE = "gateway-events";

    private static final Logger log = LoggerFactory.getLogger(KafkaEventStream.class);

    private final KafkaChannelProperties properties;
    private final ProducerTemplate producer;

    public KafkaEventStream(KafkaChannelProperties properties, @Lazy ProducerTemplate producer) {
        this.properties = properties;
        this.producer = producer;
    }

    @Override
    public void publish(GatewayEvent event) {
        if (!properties.events().enabled()) {
            return;
        }
        try {
            producer.sendBody("seda:" + QUEUE + "?blockWhenFull=false", event);
        } catch (RuntimeException full) {
            log.warn("event {} of tenant {} dropped: {}", event.type(), event.tenantId(), full.getMessage());
        }
    }

    /** An event's wire form on the events topic. */
    public String json(GatewayEvent event) {
        return CanonicalJson.write(event);
    }
}
