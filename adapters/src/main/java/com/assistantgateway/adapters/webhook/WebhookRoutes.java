package com.assistantgateway.adapters.webhook;

import com.assistantgateway.routes.backbone.BackboneRoutes;
import com.assistantgateway.routes.backbone.ErrorPolicies;
import com.assistantgateway.routes.backbone.GatewayQueues;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.apache.camel.component.jackson.JacksonDataFormat;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/** The webhook channel: accept a message, report its status, call the reply back. */
@Component
@EnableConfigurationProperties(WebhookProperties.class)
public class WebhookRoutes extends EndpointRouteBuilder {

    public static final String MESSAGES_PATH = "/channels/webhook/{bindingKey}";
    public static final String STATUS_PATH = "/channels/webhook/{bindingKey}/messages/{messageId}";

    private final WebhookRequests requests;
    private final WebhookResponses responses;
    private final CallbackRequests callbacks;
    private final JacksonDataFormat canonicalJson;

    public WebhookRoutes(
            WebhookRequests requests,
            WebhookResponses responses,
            CallbackRequests callbacks,
            JacksonDataFormat canonicalJson) {
        this.requests = requests;
        this.responses = responses;
        this.callbacks = callbacks;
        this.canonicalJson = canonicalJson;
    }

    @Override
    public void configure() {
        from(platformHttp(MESSAGES_PATH).httpMethodRestrict("POST"))
                .routeId("webhook.inbound.normalize")
                .routeConfigurationId(ErrorPolicies.HTTP_PROBLEMS)
                .bean(requests, "normalize")
                .to(BackboneRoutes.INGRESS)
                .bean(responses, "accepted");

        from(platformHttp(STATUS_PATH).httpMethodRestrict("GET"))
                .routeId("webhook.inbound.status")
                .routeConfigurationId(ErrorPolicies.HTTP_PROBLEMS)
                .bean(requests, "authorizeRead")
                .bean(responses, "status");

        from(GatewayQueues.transacted(GatewayQueues.channelQueue(WebhookBinding.CHANNEL)))
                .routeId("webhook.outbound.callback")
                .routeConfigurationId(ErrorPolicies.BROKER_REDELIVERY)
                .unmarshal(canonicalJson)
                .bean(callbacks, "prepare")
                .filter(body().isNotNull())
                // The URI is the binding's callback URL, set as CamelHttpUri; timeouts are camel.component.http.*
                .to(http("callback.invalid"))
                .end();
    }
}
