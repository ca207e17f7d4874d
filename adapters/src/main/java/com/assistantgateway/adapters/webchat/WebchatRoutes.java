package com.assistantgateway.adapters.webchat;

import com.assistantgateway.routes.backbone.BackboneRoutes;
import com.assistantgateway.routes.backbone.ErrorPolicies;
import com.assistantgateway.routes.backbone.GatewayQueues;
import com.assistantgateway.routes.backbone.InboundAdmission;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.apache.camel.component.jackson.JacksonDataFormat;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The web chat channel: open a visitor session, accept a visitor's message, and announce replies to every instance's
 * event streams through a broker topic (the streams themselves are served by {@link WebchatEventStream}).
 */
@Component
@EnableConfigurationProperties(WebchatProperties.class)
public class WebchatRoutes extends EndpointRouteBuilder {

    public static final String SESSIONS_PATH = "/channels/webchat/{bindingKey}/sessions";
    public static final String MESSAGES_PATH = "/channels/webchat/{bindingKey}/messages";
    public static final String EVENTS_PATH = "/channels/webchat/{bindingKey}/events";
    public static final String STOP_PATH = "/channels/webchat/{bindingKey}/messages/{messageId}/stop";
    /** Live news that is never stored: a reply's tokens as they are written, a visitor's stop. */
    static final String LIVE = "direct:webchat-live";

    public static final String LOADER_PATH = "/widget/v1/loader.js";
    /** Multicast: each instance's subscription gets every announcement, whichever instance answered. */
    static final String EVENTS_TOPIC = "gateway.webchat.events";

    private final WebchatRequests requests;
    private final WebchatResponses responses;
    private final WebchatAnnouncements announcements;
    private final WebchatStreams streams;
    private final InboundAdmission admission;
    private final JacksonDataFormat canonicalJson;

    public WebchatRoutes(
            WebchatRequests requests,
            WebchatResponses responses,
            WebchatAnnouncements announcements,
            WebchatStreams streams,
            InboundAdmission admission,
            JacksonDataFormat canonicalJson) {
        this.requests = requests;
        this.responses = responses;
        this.announcements = announcements;
        this.streams = streams;
        this.admission = admission;
        this.canonicalJson = canonicalJson;
    }

    @Override
    public void configure() {
        from(platformHttp(SESSIONS_PATH).httpMethodRestrict("POST"))
                .routeId("webchat.inbound.session")
                .routeConfigurationId(ErrorPolicies.HTTP_PROBLEMS)
                .bean(requests, "openSession");

        from(platformHttp(MESSAGES_PATH).httpMethodRestrict("POST"))
                .routeId("webchat.inbound.normalize")
                .routeConfigurationId(ErrorPolicies.HTTP_PROBLEMS)
                .bean(requests, "normalize")
                .bean(admission, "admit")
                .to(BackboneRoutes.INGRESS)
                .bean(responses, "accepted");

        from(GatewayQueues.transacted(GatewayQueues.channelQueue(WebchatBinding.CHANNEL)))
                .routeId("webchat.outbound.announce")
                .routeConfigurationId(ErrorPolicies.BROKER_REDELIVERY)
                .unmarshal(canonicalJson)
                .bean(announcements, "announce")
                .to(jms("topic:" + EVENTS_TOPIC));

        from(platformHttp(STOP_PATH).httpMethodRestrict("POST"))
                .routeId("webchat.inbound.stop")
                .routeConfigurationId(ErrorPolicies.HTTP_PROBLEMS)
                .bean(requests, "stop")
                .to(LIVE)
                .bean(responses, "stopping");

        from(LIVE)
                .routeId("webchat.outbound.live")
                .routeConfigurationId(ErrorPolicies.TO_CALLER)
                .to(jms("topic:" + EVENTS_TOPIC).deliveryPersistent(false).timeToLive(60_000));

        from(jms("topic:" + EVENTS_TOPIC)).routeId("webchat.outbound.stream").bean(streams, "announced");
    }
}
