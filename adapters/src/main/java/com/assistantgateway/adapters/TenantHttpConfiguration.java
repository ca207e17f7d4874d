package com.assistantgateway.adapters;

import com.assistantgateway.routes.outbound.OutboundHttp;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.spi.ComponentCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camel's http component calls only tenants' targets here (webhook callbacks, watcher notifications), so its
 * connections come from a pool whose every connection is checked by the outbound guard, redirects included.
 */
@Configuration(proxyBeanMethods = false)
class TenantHttpConfiguration {

    @Bean
    ComponentCustomizer guardedHttpComponent(OutboundHttp http) {
        return ComponentCustomizer.builder(HttpComponent.class).build(component -> {
            int connections = http.maxConnections();
            component.setClientConnectionManager(http.connectionManager(connections, connections));
        });
    }
}
