package com.assistantgateway.adapters.kafka;

import com.assistantgateway.routes.backbone.ChannelOutcomes;
import com.assistantgateway.routes.backbone.ChannelSignatures;
import com.assistantgateway.routes.backbone.GatewayHeaders;
import com.assistantgateway.routes.message.BindingId;
import com.assistantgateway.routes.message.CanonicalJson;
import com.assistantgateway.routes.message.ConversationId;
import com.assistantgateway.routes.message.GatewayMessage;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.ChannelBinding;
import com.assistantgateway.routes.port.ChannelBindings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.apache.camel.Variable;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.stereotype.Component;

/**
 * Kafka records to canonical messages and replies to records. An inbound record is a JSON object with {@code text}
 * (required), and optionally {@code from}, {@code messageId} (de-duplicates; else topic/partition/offset does) and
 * {@code locale}; its key is the conversation. A record that is not such an object is skipped and counted, so one bad
 * record never blocks its partition.
 */
@Component
public class KafkaRecords {

    static final String INVALID_RECORD = "invalid-record";
    /** The variable holding the reply while its record is sent. */
    static final String REPLY = "reply";

    private final ChannelBindings bindings;
    private final ChannelOutcomes outcomes;
    private final Clock clock;

    public KafkaRecords(ChannelBindings bindings, ChannelOutcomes outcomes, Clock clock) {
        this.bindings = bindings;
        this.outcomes = outcomes;
        this.clock = clock;
    }

    /** The canonical message, or {@code null} for a record that is skipped. */
    public GatewayMessage normalize(
            @Header(GatewayHeaders.TENANT_ID) String tenant,
            @Header(GatewayHeaders.BINDING_ID) String bindingId,
            @Header(KafkaConstants.KEY) Object key,
            @Header(KafkaConstants.TOPIC) String topic,
            @Header(KafkaConstants.PARTITION) Integer partition,
            @Header(KafkaConstants.OFFSET) Long offset,
            @Body byte[] value) {
        ChannelBinding binding = bindings.find(new TenantId(tenant), new BindingId(bindingId))
                .orElseThrow(() -> new IllegalStateException("binding " + tenant + "/" + bindingId + " is gone"));
        String position = topic + "/" + partition + "/" + offset;
        JsonNode record;
        try {
            record = CanonicalJson.mapper().readTree(value == null ? new byte[0] : value);
        } catch (IOException notJson) {
            record = null;
        }
        if (record == null
                || !record.isObject()
                || !record.path("text").isTextual()
                || record.path("text").asText().isBlank()) {
            outcomes.skipped(binding, INVALID_RECORD, null, position);
            return null;
        }
        return GatewayMessage.inbound()
                .tenant(binding.tenantId())
                .assistant(binding.assistantId())
                .binding(binding.id())
                .channel(KafkaBinding.CHANNEL)
                .conversation(conversation(key))
                .from(text(record, "from"))
                .to(binding.inboundKey())
                .text(record.get("text").asText())
                .locale(text(record, "locale"))
                .channelMessageId(
                        record.path("messageId").isTextual()
                                ? record.get("messageId").asText()
                                : position)
                .receivedAt(clock.instant())
                .build();
    }

    /** The reply record's value: ids, text, citations and confidence as JSON. */
    public String reply(GatewayMessage reply) {
        ObjectNode value = CanonicalJson.mapper().createObjectNode();
        value.put("messageId", reply.id().value());
        value.put(
                "inReplyTo",
                reply.inReplyTo() == null ? null : reply.inReplyTo().value());
        value.put("conversationId", reply.conversationId().value());
        value.put("to", reply.to());
        value.put("text", reply.text());
        value.set("citations", CanonicalJson.mapper().valueToTree(reply.citations()));
        if (reply.confidence() != null) {
            value.put("confidence", reply.confidence());
        }
        return value.toString();
    }

    public void sent(
            @Variable(REPLY) GatewayMessage reply,
            @Header(KafkaConstants.KAFKA_RECORD_META) List<RecordMetadata> metadata) {
        String position = metadata == null || metadata.isEmpty()
                ? null
                : metadata.get(0).topic() + "/" + metadata.get(0).partition() + "/"
                        + metadata.get(0).offset();
        outcomes.sent(reply, 0, position, "sent");
    }

    public boolean notYetSent(GatewayMessage reply) {
        return !outcomes.alreadySent(reply, 0);
    }

    /** The record key is the conversation; keys that are not valid ids are hashed into one, stably. */
    static ConversationId conversation(Object key) {
        if (key == null) {
            return ConversationId.random();
        }
        String text = key instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : key.toString();
        if (ConversationId.isValid(text)) {
            return new ConversationId(text);
        }
        return new ConversationId("kafka-" + ChannelSignatures.sha256Hex(text).substring(0, 32));
    }

    private static String text(JsonNode record, String field) {
        JsonNode value = record.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
