package com.assistantgateway.routes.backbone;

import com.assistantgateway.routes.message.CanonicalJson;
import com.assistantgateway.routes.message.GatewayMessage;
import java.time.Clock;
import org.apache.camel.component.jackson.JacksonDataFormat;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(RoutesProperties.class)
class BackboneConfiguration {

    /** The one clock every bean reads the time from, so that a test can set it (UTC: stored instants carry no zone). */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The canonical message's wire form on every queue. */
    @Bean
    JacksonDataFormat canonicalJson() {
        return new JacksonDataFormat(CanonicalJson.mapper(), GatewayMessage.class);
    }
}
