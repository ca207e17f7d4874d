package com.assistantgateway.adapters.twilio;

import com.assistantgateway.routes.backbone.BackboneRoutes;
import com.assistantgateway.routes.backbone.ErrorPolicies;
import com.assistantgateway.routes.backbone.GatewayQueues;
import com.assistantgateway.routes.backbone.InboundAdmission;
import com.assistantgateway.routes.message.ChannelId;
import java.util.List;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.apache.camel.component.jackson.JacksonDataFormat;
import org.apache.camel.component.twilio.internal.TwilioConstants;
import org.springframework.stereotype.Component;

/**
 * SMS and WhatsApp routes. Inbound webhooks are one route per kind: Twilio pushes to a URL whose path names the
 * binding, so there is no per-binding connection to hold. Outbound is a route template instantiated per binding by
 * {@link TwilioBindingRoutes} ({@code sms.outbound.<tenant>.<binding>}), each taking its binding's share of the queue.
 */
@Component
public class TwilioRoutes extends EndpointRouteBuilder {

    /** Header: which kind of Twilio channel a webhook came in on. */
    static final String KIND = "gatewayTwilioKind";
    /** camel-twilio reads API arguments from headers named {@code CamelTwilio.<argument>}. */
    static final String ARGUMENT = TwilioConstants.PROPERTY_PREFIX;

    static final String OUTBOUND = "twilio-outbound";
    static final String QUEUE = "queue";
    static final String SELECTOR = "selector";

    private final TwilioWebhooks webhooks;
    private final TwilioOutbound outbound;
    private final JacksonDataFormat canonicalJson;
    private final InboundAdmission admission;

    public TwilioRoutes(
            TwilioWebhooks webhooks,
            TwilioOutbound outbound,
            JacksonDataFormat canonicalJson,
            InboundAdmission admission) {
        this.webhooks = webhooks;
        this.outbound = outbound;
        this.canonicalJson = canonicalJson;
        this.admission = admission;
    }

    // populateBodyWithForm(false): the signature is over the parameters exactly as sent, so the raw form body is read.
    // Over a limit a message is deferred, not refused: Twilio does not retry a refused webhook, so the SMS would be
    // lost.
    @Override
    public void configure() {
        for (ChannelId channel : List.of(TwilioBinding.SMS, TwilioBinding.WHATSAPP)) {
            String kind = channel.value();
            from(platformHttp("/channels/twilio/{bindingKey}/" + kind)
                            .httpMethodRestrict("POST")
                            .advanced()
                            .populateBodyWithForm(false))
                    .routeId(kind + ".inbound.normalize")
                    .routeConfigurationId(ErrorPolicies.HTTP_PROBLEMS)
                    .setHeader(KIND, constant(channel))
                    .convertBodyTo(String.class)
                    .bean(webhooks, "message")
                    .filter(body().isNotNull())
                    .bean(admission, "defer")
                    .to(BackboneRoutes.INGRESS)
                    .end()
                    .bean(webhooks, "emptyTwiml");

            from(platformHttp("/channels/twilio/{bindingKey}/" + kind + "/status")
                            .httpMethodRestrict("POST")
                            .advanced()
                            .populateBodyWithForm(false))
                    .routeId(kind + ".inbound.status")
                    .routeConfigurationId(ErrorPolicies.HTTP_PROBLEMS)
                    .setHeader(KIND, constant(channel))
                    .convertBodyTo(String.class)
                    .bean(webhooks, "status")
                    .bean(webhooks, "emptyTwiml");
        }

        routeTemplate(OUTBOUND)
                .templateParameter(QUEUE)
                .templateParameter(SELECTOR)
                .from(GatewayQueues.transacted("{{queue}}").selector("{{selector}}"))
                .routeConfigurationId(ErrorPolicies.BROKER_REDELIVERY)
                .unmarshal(canonicalJson)
                .split(method(outbound, "plan"))
                .setVariable(TwilioOutbound.PART, body())
                .bean(outbound, "pace")
                .bean(outbound, "arguments")
                .to(twilio("message/creator"))
                .bean(outbound, "sent")
                .end();
    }
}
