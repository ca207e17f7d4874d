package com.assistantgateway.gateway.broker;

import com.assistantgateway.routes.backbone.RoutesProperties;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded broker's address settings for every {@code gateway.#} address: redelivery delays growing by the
 * configured multiplier, then the message moves to {@code DLQ.<queue>}, created by the broker under {@code DLA} when
 * the first dead letter arrives (and never by someone browsing it). An external broker needs the same settings: see
 * {@code config/artemis/broker.xml}.
 */
@Configuration
class BrokerConfiguration {

    static final String GATEWAY_ADDRESSES = "gateway.#";
    static final String DEAD_LETTER_ADDRESS = "DLA";
    static final String DEAD_LETTER_PREFIX = "DLQ.";

    @Bean
    ArtemisConfigurationCustomizer gatewayAddressSettings(RoutesProperties routes) {
        RoutesProperties.Redelivery redelivery = routes.redelivery();
        return configuration -> {
            configuration.setJMXManagementEnabled(true);
            configuration.addAddressSetting(
                    GATEWAY_ADDRESSES,
                    new AddressSettings()
                            .setRedeliveryDelay(redelivery.initialDelay().toMillis())
                            .setRedeliveryMultiplier(redelivery.multiplier())
                            .setMaxRedeliveryDelay(redelivery.maxDelay().toMillis())
                            .setMaxDeliveryAttempts(redelivery.maxAttempts())
                            .setDeadLetterAddress(SimpleString.of(DEAD_LETTER_ADDRESS))
                            .setAutoCreateDeadLetterResources(true)
                            .setDeadLetterQueuePrefix(SimpleString.of(DEAD_LETTER_PREFIX))
                            .setAutoCreateQueues(true)
                            .setAutoCreateAddresses(true));
            // The broker creates DLQ.<queue> under DLA when a message first fails for good; browsing it before that
            // must not create it as an address of its own, or the broker's could never bind and drop dead letters.
            configuration.addAddressSetting(
                    DEAD_LETTER_PREFIX + "#",
                    new AddressSettings().setAutoCreateQueues(false).setAutoCreateAddresses(false));
            // Nor may a lookup of DLA::DLQ.<queue> create a queue under DLA: without the broker's filter on the
            // original address it would collect every tenant's dead letters.
            configuration.addAddressSetting(DEAD_LETTER_ADDRESS, new AddressSettings().setAutoCreateQueues(false));
        };
    }
}
