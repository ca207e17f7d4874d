package com.assistantgateway.gateway.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.assistantgateway.adapters.kafka.KafkaBinding;
import com.assistantgateway.admin.channels.JdbcChannelState;
import com.assistantgateway.admin.limits.BucketInboundLimits;
import com.assistantgateway.admin.limits.TenantLimits;
import com.assistantgateway.admin.registry.NewBinding;
import com.assistantgateway.admin.registry.TenantRegistry;
import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.BindingId;
import com.assistantgateway.routes.message.CanonicalJson;
import com.assistantgateway.routes.message.ChannelId;
import com.assistantgateway.routes.message.TenantId;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A Kafka binding on a real broker (KRaft, in process): records in, replies out keyed by conversation; events out. */
class KafkaChannelTest extends ChannelsTestSupport {

    static final String QUESTIONS = "demo.questions";
    static final String ANSWERS = "demo.answers";
    static final TenantId DEMO = new TenantId("demo");

    @Autowired
    TenantRegistry registry;

    @Autowired
    JdbcChannelState channelState;

    @Autowired
    CamelContext camel;

    @Autowired
    BucketInboundLimits limits;

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void binding() {
        if (registry.find(DEMO, new BindingId("kafka-demo")).isEmpty()) {
            registry.createBinding(
                    DEMO,
                    new NewBinding(
                            new BindingId("kafka-demo"),
                            new AssistantId("support"),
                            KafkaBinding.CHANNEL,
                            QUESTIONS,
                            Map.of(KafkaBinding.REPLY_TOPIC, ANSWERS),
                            Map.of()),
                    "test");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> camel.getRoute("kafka.inbound.demo.kafka-demo") != null);
    }

    @Test
    void aRecordIsAnsweredOnTheReplyTopicWithTheSameKey() {
        String conversation = "order-" + UUID.randomUUID();
        send(
                conversation,
                "{\"text\":\"How long is the warranty on a brake caliper?\",\"from\":\"crm\"," + "\"messageId\":\""
                        + UUID.randomUUID() + "\"}");

        ConsumerRecord<String, String> answer = awaitRecord(ANSWERS, conversation);
        JsonNode reply = read(answer.value());
        assertThat(reply.get("conversationId").asText()).isEqualTo(conversation);
        assertThat(reply.get("text").asText()).contains("2 years");
        assertThat(reply.get("citations").get(0).get("source").asText()).isEqualTo("warranty.md");
    }

    @Test
    void aRecordSentTwiceWithTheSameMessageIdIsAnsweredOnceAndABadRecordIsSkippedWithoutBlocking() {
        String conversation = "dup-" + UUID.randomUUID();
        String record = "{\"text\":\"Do you ship to Belgium?\",\"messageId\":\"" + UUID.randomUUID() + "\"}";
        send(conversation, "this is not json");
        send(conversation, record);
        send(conversation, record);

        awaitRecord(ANSWERS, conversation);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(records(ANSWERS, conversation)).hasSize(1));
        assertThat(channelState.latest(DEMO, 100)).anySatisfy(skipped -> {
            assertThat(skipped.reason()).isEqualTo("invalid-record");
            assertThat(skipped.channel()).isEqualTo(new ChannelId("kafka"));
        });
    }

    @Test
    void receivedRepliedAndSkippedMessagesArePublishedToTheEventStreamKeyedByTenant() {
        String conversation = "events-" + UUID.randomUUID();
        send(conversation, "{\"text\":\"What are your opening hours?\"}");
        awaitRecord(ANSWERS, conversation);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<JsonNode> events = records("gateway.events", "demo").stream()
                    .map(r -> read(r.value()))
                    .filter(e -> conversation.equals(
                            e.path("attributes").path("conversationId").asText()))
                    .toList();
            assertThat(events).extracting(e -> e.get("type").asText()).contains("message.received", "reply.sent");
            assertThat(events)
                    .allSatisfy(e -> assertThat(e.get("channel").asText()).isEqualTo("kafka"));
        });
    }

    @Test
    void aRecordOverItsSendersLimitWaitsInTheConsumerAndIsAnsweredOnceTheLimitAllows() {
        String sender = "crm-" + UUID.randomUUID();
        String first = "paced-first-" + UUID.randomUUID();
        String second = "paced-second-" + UUID.randomUUID();
        limits.set(DEMO, new TenantLimits(0, 1, 0), "test");
        try {
            send(first, "{\"text\":\"Do you ship to Belgium?\",\"from\":\"" + sender + "\"}");
            send(second, "{\"text\":\"Do you ship to Spain?\",\"from\":\"" + sender + "\"}");

            awaitRecord(ANSWERS, first);
            // The partition's next record is not refused (it would come straight back): the consumer waits on it.
            await().atMost(Duration.ofSeconds(30)).until(() -> paced() >= 2);
            assertThat(records(ANSWERS, second)).isEmpty();
        } finally {
            limits.set(DEMO, null, "test");
        }

        assertThat(read(awaitRecord(ANSWERS, second).value()).get("text").asText())
                .isNotBlank();
    }

    private double paced() {
        return meters.counter("gateway.limits.paced", "tenant", "demo", "channel", "kafka", "limit", "sender")
                .count();
    }

    private static void send(String key, String value) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString());
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(QUESTIONS, key, value));
        }
    }

    private static ConsumerRecord<String, String> awaitRecord(String topic, String key) {
        return await().atMost(Duration.ofSeconds(60))
                .until(() -> records(topic, key), list -> !list.isEmpty())
                .get(0);
    }

    /** Every record with this key on the topic, read from the beginning. */
    private static List<ConsumerRecord<String, String>> records(String topic, String key) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> found = new CopyOnWriteArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> all = new ArrayList<>();
            for (int polls = 0; polls < 5; polls++) {
                consumer.poll(Duration.ofMillis(500)).forEach(all::add);
            }
            all.stream().filter(r -> key.equals(r.key())).forEach(found::add);
        }
        return found;
    }

    private static JsonNode read(String json) {
        try {
            return CanonicalJson.mapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
