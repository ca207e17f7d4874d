package com.assistantgateway.adapters.webhook;

import com.assistantgateway.adapters.JsonBodyFilter;
import com.assistantgateway.routes.backbone.Problems;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The webhook channel's requests are JSON within its size limit, checked before Camel reads them. */
@Configuration(proxyBeanMethods = false)
class WebhookFilters {

    @Bean
    FilterRegistrationBean<JsonBodyFilter> webhookBodyFilter(Problems problems, WebhookProperties properties) {
        var registration = new FilterRegistrationBean<>(new JsonBodyFilter(problems, properties.maxBodyBytes()));
        registration.addUrlPatterns("/channels/webhook/*");
        return registration;
    }
}
