package com.assistantgateway.adapters.webhook;

import com.assistantgateway.routes.backbone.BackboneRoutes;
import com.assistantgateway.routes.backbone.ErrorPolicies;
import com.assistantgateway.routes.backbone.GatewayQueues;
import com.assistantgateway.routes.backbone.InboundAdmission;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.apache.camel.component.jackson.JacksonDataFormat;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/** The webhook channel: accept a message, report its status, call the reply back (per binding). */
@Component
@EnableConfigurationProperties(WebhookProperties.class)
public class WebhookRoutes extends EndpointRouteBuilder {

    public static final String MESSAGES_PATH = "/channels/webhook/{bindingKey}";
    public static final String STATUS_PATH = "/channels/webhook/{bindingKey}/messages/{messageId}";
    static final String OUTBOUND = "webhook-outbound";
    static final String SELECTOR = "selector";

    private final WebhookRequests requests;
    private final WebhookResponses responses;
    private final CallbackRequests callbackRequests;
    private final WebhookProperties.Callbacks callbacks;
    private final JacksonDataFormat canonicalJson;
    private final InboundAdmission admission;

    public WebhookRoutes(
            WebhookRequests requests,
            WebhookResponses responses,
            CallbackRequests callbackRequests,
            WebhookProperties properties,
            JacksonDataFormat canonicalJson,
            InboundAdmission admission) {
        this.admission = admission;
        this.requests = requests;
        this.responses = responses;
        this.callbackRequests = callbackRequests;
        this.callbacks = properties.callbacks();
        this.canonicalJson = canonicalJson;
    }

    @Override
    public void configure() {
        from(platformHttp(MESSAGES_PATH).httpMethodRestrict("POST"))
                .routeId("webhook.inbound.normalize")
                .routeConfigurationId(ErrorPolicies.HTTP_PROBLEMS)
                .bean(requests, "normalize")
                .bean(admission, "admit")
                .to(BackboneRoutes.INGRESS)
                .bean(responses, "accepted");

        from(platformHttp(STATUS_PATH).httpMethodRestrict("GET"))
                .routeId("webhook.inbound.status")
                .routeConfigurationId(ErrorPolicies.HTTP_PROBLEMS)
                .bean(requests, "authorizeRead")
                .bean(responses, "status");

        // One route per binding (WebhookBindingRoutes): its own consumers and circuit breaker, so a receiver that
        // never answers holds back only its own binding's replies.
        routeTemplate(OUTBOUND)
                .templateParameter(SELECTOR)
                .from(GatewayQueues.transacted(GatewayQueues.channelQueue(WebhookBinding.CHANNEL))
                        .selector("{{" + SELECTOR + "}}")
                        .concurrentConsumers(1)
                        .maxConcurrentConsumers(callbacks.concurrency()))
                .routeConfigurationId(ErrorPolicies.BROKER_REDELIVERY)
                .unmarshal(canonicalJson)
                .bean(callbackRequests, "prepare")
                .filter(body().isNotNull())
                .circuitBreaker()
                .resilience4jConfiguration()
                .minimumNumberOfCalls(callbacks.breakerMinimumCalls())
                .slidingWindowSize(Math.max(10, callbacks.breakerMinimumCalls()))
                .failureRateThreshold(50)
                .waitDurationInOpenState((int) callbacks.breakerOpenFor().toSeconds())
                .end()
                // The URI is the binding's callback URL, set as CamelHttpUri; timeouts are gateway.routes.outbound.*
                .to(http("callback.invalid"))
                .end()
                .end();
    }
}
