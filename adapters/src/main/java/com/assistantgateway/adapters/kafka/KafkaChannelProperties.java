package com.assistantgateway.adapters.kafka;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Kafka settings ({@code gateway.adapters.kafka.*}).
 *
 * @param brokers bootstrap servers for bindings that name none, and for the event stream
 * @param events the event stream: every message received, reply sent, delivery status and skipped message
 * @param tenantBrokers brokers of a tenant's own that its bindings may name, by tenant ({@code acme: kafka.acme.example:9093});
 *     bindings of every other tenant use {@code brokers}, with their topics in the tenant's namespace
 */
@Validated
@ConfigurationProperties("gateway.adapters.kafka")
public record KafkaChannelProperties(
        @NotBlank @DefaultValue("localhost:9092") String brokers,
        @Valid @NotNull @DefaultValue Events events,
        @NotNull @DefaultValue Map<String, String> tenantBrokers) {

    /**
     * @param enabled off by default (the embedded gateway has no Kafka); on in docker-compose
     * @param topic where events go, keyed by tenant
     * @param buffer events held while Kafka is slow; beyond it events are dropped (and logged), never messages
     */
    public record Events(
            @DefaultValue("false") boolean enabled,
            @NotBlank @DefaultValue("gateway.events") String topic,
            @DefaultValue("10000") int buffer) {}
}
