package com.assistantgateway.gateway.web;

import org.apache.camel.component.platform.http.spi.PlatformHttpEngine;
import org.apache.camel.component.platform.http.springboot.SpringBootPlatformHttpEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Channel requests are routed on the web server's own request thread. Camel's platform-http engine would otherwise
 * hand every request to Spring's task executor and back (two thread switches per request, and the executor's queue in
 * front of the routes under load), though the routes answer synchronously: they store and enqueue, and the answer
 * comes later through its own channel.
 */
@Configuration(proxyBeanMethods = false)
class ChannelRequests {

    /** Under the name Camel's platform-http component looks its engine up by. */
    @Bean("platform-http-engine")
    PlatformHttpEngine platformHttpEngine(Environment environment) {
        return new SpringBootPlatformHttpEngine(
                environment.getProperty("server.port", Integer.class, 8080), Runnable::run);
    }
}
