package com.assistantgateway.routes.backbone;

import com.assistantgateway.routes.message.CanonicalJson;
import com.assistantgateway.routes.message.GatewayMessage;
import org.apache.camel.component.jackson.JacksonDataFormat;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(RoutesProperties.class)
class BackboneConfiguration {

    /** The canonical message's wire form on every queue. */
    @Bean
    JacksonDataFormat canonicalJson() {
        return new JacksonDataFormat(CanonicalJson.mapper(), GatewayMessage.class);
    }
}
