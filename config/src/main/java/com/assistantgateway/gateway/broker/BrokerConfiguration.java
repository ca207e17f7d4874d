package com.assistantgateway.gateway.broker;

import com.assistantgateway.routes.backbone.RoutesProperties;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded broker's address settings for every {@code gateway.#} address: redelivery delays growing by the
 * configured multiplier, then the message moves to {@code DLQ.<queue>}, created on demand. An external broker needs the
 * same settings: see {@code config/artemis/broker.xml}.
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
        };
    }
}
