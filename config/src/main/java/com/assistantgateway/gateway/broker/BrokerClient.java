package com.assistantgateway.gateway.broker;

import com.assistantgateway.gateway.GatewayProperties;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * Fail-fast settings for the Artemis client Spring Boot creates (embedded or from {@code spring.artemis.broker-url}).
 * With Artemis' defaults a request that needs the broker while it is away waits 5 to 14 s (connection attempts 2 s
 * apart, queued behind every listener's own attempts); with these it fails at once with a 503, and the listeners
 * reconnect on their own schedule once the broker is back.
 */
@Configuration
class BrokerClient {

    @Bean
    static BeanPostProcessor failFastBrokerClient(ObjectProvider<GatewayProperties> properties) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                ActiveMQConnectionFactory artemis = artemis(bean);
                if (artemis != null) {
                    apply(properties.getObject().broker(), artemis);
                }
                return bean;
            }
        };
    }

    private static ActiveMQConnectionFactory artemis(Object bean) {
        if (bean instanceof ActiveMQConnectionFactory artemis) {
            return artemis;
        }
        if (bean instanceof CachingConnectionFactory caching
                && caching.getTargetConnectionFactory() instanceof ActiveMQConnectionFactory artemis) {
            return artemis;
        }
        return null;
    }

    static void apply(GatewayProperties.Broker broker, ActiveMQConnectionFactory artemis) {
        artemis.setCallTimeout(broker.callTimeout().toMillis());
        artemis.setRetryInterval(broker.retryInterval().toMillis());
        artemis.setInitialConnectAttempts(1);
        artemis.setReconnectAttempts(0);
        artemis.setClientFailureCheckPeriod(broker.clientFailureCheckPeriod().toMillis());
        artemis.setConnectionTTL(broker.connectionTtl().toMillis());
    }
}
