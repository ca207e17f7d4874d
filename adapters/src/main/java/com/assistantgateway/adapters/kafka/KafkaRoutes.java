package com.assistantgateway.adapters.kafka;

import com.assistantgateway.routes.backbone.BackboneRoutes;
import com.assistantgateway.routes.backbone.ErrorPolicies;
import com.assistantgateway.routes.backbone.GatewayHeaders;
import com.assistantgateway.routes.backbone.GatewayQueues;
import com.assistantgateway.routes.backbone.InboundAdmission;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.apache.camel.component.jackson.JacksonDataFormat;
import org.apache.camel.component.kafka.KafkaConstants;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The Kafka channel's route templates (instantiated per binding by {@link KafkaBindingRoutes}) and the event stream.
 * Inbound offsets are committed only for records handled: a failure seeks back to the record and retries it.
 */
@Component
@EnableConfigurationProperties(KafkaChannelProperties.class)
public class KafkaRoutes extends EndpointRouteBuilder {

    static final String INBOUND = "kafka-inbound";
    static final String OUTBOUND = "kafka-outbound";
    static final String TENANT = "tenant";
    static final String BINDING = "binding";
    static final String TOPIC = "topic";
    static final String BROKERS = "brokers";
    static final String GROUP_ID = "groupId";
    static final String SELECTOR = "selector";

    private final KafkaRecords records;
    private final KafkaEventStream events;
    private final KafkaChannelProperties properties;
    private final JacksonDataFormat canonicalJson;
    private final InboundAdmission admission;

    public KafkaRoutes(
            KafkaRecords records,
            KafkaEventStream events,
            KafkaChannelProperties properties,
            JacksonDataFormat canonicalJson,
            InboundAdmission admission) {
        this.records = records;
        this.admission = admission;
        this.events = events;
        this.properties = properties;
        this.canonicalJson = canonicalJson;
    }

    @Override
    public void configure() {
        routeTemplate(INBOUND)
                .templateParameter(TENANT)
                .templateParameter(BINDING)
                .templateParameter(TOPIC)
                .templateParameter(BROKERS)
                .templateParameter(GROUP_ID)
                .from(kafka("{{topic}}")
                        .brokers("{{brokers}}")
                        .groupId("{{groupId}}")
                        .autoOffsetReset("earliest")
                        .breakOnFirstError(true)
                        .valueDeserializer("org.apache.kafka.common.serialization.ByteArrayDeserializer"))
                .routeConfigurationId(ErrorPolicies.SOURCE_RETRY)
                .setHeader(GatewayHeaders.TENANT_ID, constant("{{tenant}}"))
                .setHeader(GatewayHeaders.BINDING_ID, constant("{{binding}}"))
                .bean(records, "normalize")
                .filter(body().isNotNull())
                // A refused record would come straight back from the partition: wait for room instead.
                .bean(admission, "await")
                .to(BackboneRoutes.INGRESS)
                .end();

        routeTemplate(OUTBOUND)
                .templateParameter(TOPIC)
                .templateParameter(BROKERS)
                .templateParameter(SELECTOR)
                .from(GatewayQueues.transacted(GatewayQueues.channelQueue(KafkaBinding.CHANNEL))
                        .selector("{{selector}}"))
                .routeConfigurationId(ErrorPolicies.BROKER_REDELIVERY)
                .unmarshal(canonicalJson)
                .filter(method(records, "notYetSent"))
                .setVariable(KafkaRecords.REPLY, body())
                .setHeader(KafkaConstants.KEY, simple("${body.conversationId.value}"))
                .bean(records, "reply")
                .to(kafka("{{topic}}").brokers("{{brokers}}"))
                .bean(records, "sent")
                .end();

        if (properties.events().enabled()) {
            from(seda(KafkaEventStream.QUEUE).size(properties.events().buffer()))
                    .routeId("events.outbound.publish")
                    .setHeader(KafkaConstants.KEY, simple("${body.tenantId.value}"))
                    .bean(events, "json")
                    .to(kafka(properties.events().topic()).brokers(properties.brokers()));
        }
    }
}
