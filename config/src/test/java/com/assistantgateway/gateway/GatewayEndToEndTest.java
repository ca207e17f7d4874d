package com.assistantgateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.assistantgateway.adapters.webhook.WebhookBinding;
import com.assistantgateway.admin.ledger.JdbcMessageLedger;
import com.assistantgateway.admin.registry.NewAssistant;
import com.assistantgateway.admin.registry.NewBinding;
import com.assistantgateway.admin.registry.NewTenant;
import com.assistantgateway.admin.registry.TenantRegistry;
import com.assistantgateway.orchestrator.knowledge.KnowledgeBase;
import com.assistantgateway.orchestrator.testing.FakeOpenAi;
import com.assistantgateway.routes.backbone.ChannelSignatures;
import com.assistantgateway.routes.backbone.DeadLetterDepth;
import com.assistantgateway.routes.backbone.GatewayQueues;
import com.assistantgateway.routes.backbone.TenantProcessors;
import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.BindingId;
import com.assistantgateway.routes.message.ChannelId;
import com.assistantgateway.routes.message.ConversationId;
import com.assistantgateway.routes.message.GatewayMessage;
import com.assistantgateway.routes.message.MessageId;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.DeadLetter;
import com.assistantgateway.routes.port.DeadLetterQueues;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.api.management.ManagedCamelContext;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.DisableJmx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway end to end on its embedded defaults: HTTP → ledger → Artemis → tenant processor → RAG → reply, read back
 * by polling and received by a real callback server.
 */
@CamelSpringBootTest
@DisableJmx(false)
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayEndToEndTest {

    static final TenantId DEMO = new TenantId("demo");
    static final TenantId GLOBEX = new TenantId("globex");
    static final String DEMO_TOKEN = "demo-token";
    static final String DEMO_SECRET = "demo-secret";
    static final String GLOBEX_TOKEN = "globex-token";

    static final CallbackReceiver receiver = startReceiver();
    static final FakeOpenAi llm = startLlm();
    static final Path dataDir = tempDir();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("gateway.data-dir", dataDir::toString);
        registry.add("gateway.demo.callback-url", () -> receiver.url("/demo-hook"));
        registry.add("gateway.routes.redelivery.initial-delay", () -> "50ms");
        registry.add("gateway.routes.redelivery.multiplier", () -> "1.0");
        registry.add("gateway.routes.redelivery.max-attempts", () -> "3");
        registry.add("gateway.adapters.webhook.max-body-bytes", () -> "4096");
        registry.add("gateway.routes.recovery.interval", () -> "300ms");
    }

    @Autowired
    TenantRegistry registry;

    @Autowired
    KnowledgeBase knowledge;

    @Autowired
    JdbcMessageLedger ledger;

    @Autowired
    TenantProcessors processors;

    @Autowired
    EmbeddedActiveMQ broker;

    @Autowired
    CamelContext camel;

    @Autowired
    DeadLetterDepth deadLetterDepth;

    @Autowired
    DeadLetterQueues deadLetters;

    @Autowired
    MeterRegistry meters;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    com.assistantgateway.admin.channels.JdbcChannelState skipped;

    @LocalServerPort
    int port;

    GatewayClient client;

    @BeforeEach
    void setUp() {
        client = new GatewayClient(port);
        if (registry.tenant(GLOBEX).isEmpty()) {
            createGlobex();
        }
    }

    @AfterAll
    static void stopPeers() {
        receiver.close();
        llm.close();
    }

    @Test
    void demoAnswersAWarrantyQuestionWithACitationToTheWarrantyPage() {
        HttpResponse<String> accepted = client.ask("demo", DEMO_TOKEN, "How long is the warranty on a brake caliper?");

        assertThat(accepted.statusCode()).isEqualTo(202);
        JsonNode ids = GatewayClient.read(accepted.body());
        JsonNode answered =
                client.awaitAnswer("demo", DEMO_TOKEN, ids.get("messageId").asText());
        assertThat(answered.get("conversationId").asText())
                .isEqualTo(ids.get("conversationId").asText());
        JsonNode reply = answered.get("reply");
        assertThat(reply.get("text").asText()).contains("Brake parts (calipers, discs, pads, drums): 2 years.");
        assertThat(reply.get("citations").get(0).get("source").asText()).isEqualTo("warranty.md");
        assertThat(reply.get("citations").get(0).get("title").asText()).isEqualTo("Warranty > Warranty periods");
        assertThat(reply.get("confidence").asDouble()).isBetween(0.35, 1.0);
    }

    @Test
    void replyIsCalledBackSignedOverTimestampAndBodyWithAStableDeliveryId() {
        String messageId = GatewayClient.read(client.ask("demo", DEMO_TOKEN, "What are your opening hours on Saturday?")
                        .body())
                .get("messageId")
                .asText();

        CallbackReceiver.Received callback = await().atMost(Duration.ofSeconds(30))
                .until(() -> receiver.receivedContaining(messageId), list -> !list.isEmpty())
                .get(0);

        JsonNode status = client.awaitAnswer("demo", DEMO_TOKEN, messageId);
        JsonNode body = GatewayClient.read(callback.body());
        assertThat(callback.path()).isEqualTo("/demo-hook");
        assertThat(body.get("messageId").asText()).isEqualTo(messageId);
        assertThat(body.get("conversationId").asText())
                .isEqualTo(status.get("conversationId").asText());
        assertThat(body.get("reply")).isEqualTo(status.get("reply"));
        assertThat(body.at("/reply/citations/0/source").asText()).isEqualTo("opening-hours.md");
        assertThat(body.at("/reply/text").asText()).contains("Saturday from 09:00 to 16:00");
        assertThat(callback.header("X-Gateway-Delivery-Id"))
                .isEqualTo(status.at("/reply/messageId").asText());
        long timestamp = Long.parseLong(callback.header("X-Gateway-Timestamp"));
        assertThat(callback.header("X-Gateway-Signature"))
                .isEqualTo(ChannelSignatures.signCallback(DEMO_SECRET, timestamp, callback.body()));
        assertThat(callback.headers()).doesNotContainKeys("gatewaytenantid", "jmsxgroupid", "authorization");
    }

    @Test
    void repeatedIdempotencyKeyAnswersWithTheFirstIdsAndEnqueuesNothing() {
        Map<String, String> headers = Map.of("Authorization", "Bearer " + DEMO_TOKEN, "Idempotency-Key", "order-4711");
        byte[] body = GatewayClient.json(Map.of("from", "erp", "text", "Where is my order 4711?"));

        HttpResponse<String> first = client.post("demo", headers, body);
        long storedAfterFirst = ledger.countInbound(DEMO);
        long enqueuedAfterFirst = messagesAdded(GatewayQueues.tenantQueue(DEMO));
        HttpResponse<String> second = client.post("demo", headers, body);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(second.statusCode()).isEqualTo(202);
        assertThat(GatewayClient.read(second.body()).get("messageId"))
                .isEqualTo(GatewayClient.read(first.body()).get("messageId"));
        assertThat(GatewayClient.read(second.body()).get("conversationId"))
                .isEqualTo(GatewayClient.read(first.body()).get("conversationId"));
        assertThat(second.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(ledger.countInbound(DEMO)).isEqualTo(storedAfterFirst);
        assertThat(messagesAdded(GatewayQueues.tenantQueue(DEMO))).isEqualTo(enqueuedAfterFirst);
    }

    @Test
    void anIdempotencyKeyReusedForOtherContentIsRefusedAndRecordedAsSkipped() {
        String key = "order-" + UUID.randomUUID();
        Map<String, String> headers = Map.of("Authorization", "Bearer " + DEMO_TOKEN, "Idempotency-Key", key);
        HttpResponse<String> first =
                client.post("demo", headers, GatewayClient.json(Map.of("from", "erp", "text", "Where is order 1?")));
        long storedAfterFirst = ledger.countInbound(DEMO);

        HttpResponse<String> reused =
                client.post("demo", headers, GatewayClient.json(Map.of("from", "erp", "text", "Cancel order 2.")));

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(reused.statusCode()).as(reused.body()).isEqualTo(422);
        assertThat(GatewayClient.read(reused.body()).get("title").asText()).isEqualTo("idempotency-key-reused");
        assertThat(ledger.countInbound(DEMO)).isEqualTo(storedAfterFirst);
        assertThat(skipped.latest(DEMO, 20)).anySatisfy(skip -> {
            assertThat(skip.channelMessageId()).isEqualTo(key);
            assertThat(skip.reason()).isEqualTo("repeated-id-other-content");
        });
    }

    @Test
    void requestSignedWithTheBindingSecretIsAcceptedWithoutAToken() {
        byte[] body = GatewayClient.json(Map.of("text", "Do you ship to Germany?"));

        HttpResponse<String> response = client.post("demo", signed(body, Instant.now()), body);

        assertThat(response.statusCode()).isEqualTo(202);
        client.awaitAnswer(
                "demo",
                DEMO_TOKEN,
                GatewayClient.read(response.body()).get("messageId").asText());
    }

    @Test
    void aCapturedSignedRequestReplayedWithinItsWindowIsTheSameMessageAndLaterIsRefused() {
        byte[] body = GatewayClient.json(Map.of("text", "Cancel my order " + UUID.randomUUID()));
        Map<String, String> signature = signed(body, Instant.now());
        JsonNode first = GatewayClient.read(client.post("demo", signature, body).body());
        long before = ledger.countInbound(new TenantId("demo"));

        HttpResponse<String> replayed = client.post("demo", signature, body);
        Map<String, String> stale = signed(body, Instant.now().minus(Duration.ofMinutes(6)));
        HttpResponse<String> late = client.post("demo", stale, body);

        assertThat(replayed.statusCode()).isEqualTo(202);
        assertThat(replayed.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(GatewayClient.read(replayed.body()).get("messageId").asText())
                .isEqualTo(first.get("messageId").asText());
        assertThat(ledger.countInbound(new TenantId("demo")))
                .as("nothing stored twice")
                .isEqualTo(before);
        assertThat(late.statusCode()).isEqualTo(401);
        assertThat(late.body()).contains("accepted within 300 s");
    }

    @Test
    void aSignatureOverTheBodyAloneIsRefusedWhereTheBindingDidNotOptIntoIt() {
        byte[] body = GatewayClient.json(Map.of("text", "Do you ship to Germany?"));

        HttpResponse<String> response =
                client.post("demo", Map.of("X-Gateway-Signature", ChannelSignatures.sign(DEMO_SECRET, body)), body);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("X-Gateway-Timestamp");
    }

    private static Map<String, String> signed(byte[] body, Instant at) {
        long timestamp = at.getEpochSecond();
        return Map.of(
                "X-Gateway-Timestamp",
                Long.toString(timestamp),
                "X-Gateway-Signature",
                ChannelSignatures.signCallback(DEMO_SECRET, timestamp, new String(body, StandardCharsets.UTF_8)));
    }

    static Stream<Arguments> badRequests() {
        byte[] valid = GatewayClient.json(Map.of("text", "hello"));
        byte[] tooLarge = GatewayClient.json(Map.of("text", "x".repeat(5000)));
        return Stream.of(
                Arguments.of("wrong token", "demo", Map.of("Authorization", "Bearer nope"), valid, 401),
                Arguments.of("no credentials", "demo", Map.of(), valid, 401),
                Arguments.of(
                        "signature of another body",
                        "demo",
                        Map.of("X-Gateway-Signature", ChannelSignatures.sign(DEMO_SECRET, "{}".getBytes())),
                        valid,
                        401),
                Arguments.of(
                        "another tenant's token",
                        "demo",
                        Map.of("Authorization", "Bearer " + GLOBEX_TOKEN),
                        valid,
                        401),
                Arguments.of("unknown binding", "nobody", Map.of("Authorization", "Bearer " + DEMO_TOKEN), valid, 404),
                Arguments.of(
                        "malformed JSON",
                        "demo",
                        Map.of("Authorization", "Bearer " + DEMO_TOKEN),
                        "{\"text\": \"unterminated".getBytes(StandardCharsets.UTF_8),
                        400),
                Arguments.of(
                        "missing text",
                        "demo",
                        Map.of("Authorization", "Bearer " + DEMO_TOKEN),
                        GatewayClient.json(Map.of("from", "someone")),
                        400),
                Arguments.of(
                        "body over the limit", "demo", Map.of("Authorization", "Bearer " + DEMO_TOKEN), tooLarge, 413),
                Arguments.of(
                        "invalid UTF-8",
                        "demo",
                        Map.of("Authorization", "Bearer " + DEMO_TOKEN),
                        new byte[] {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'},
                        400),
                Arguments.of(
                        "half a surrogate pair",
                        "demo",
                        Map.of("Authorization", "Bearer " + DEMO_TOKEN),
                        "{\"text\":\"\\ud83d only\"}".getBytes(StandardCharsets.UTF_8),
                        400),
                Arguments.of(
                        "a sender longer than any address",
                        "demo",
                        Map.of("Authorization", "Bearer " + DEMO_TOKEN),
                        GatewayClient.json(Map.of("text", "hello", "from", "x".repeat(321) + "@example.com")),
                        400),
                Arguments.of(
                        "a 10 KB Idempotency-Key",
                        "demo",
                        Map.of("Authorization", "Bearer " + DEMO_TOKEN, "Idempotency-Key", "k".repeat(10_240)),
                        valid,
                        400),
                Arguments.of(
                        "form-encoded body",
                        "demo",
                        Map.of(
                                "Authorization",
                                "Bearer " + DEMO_TOKEN,
                                "Content-Type",
                                "application/x-www-form-urlencoded"),
                        valid,
                        415));
    }

    @ParameterizedTest(name = "{0} → {4}")
    @MethodSource("badRequests")
    void badRequestGetsAProblemResponseAndLeavesNothingBehind(
            String why, String bindingKey, Map<String, String> headers, byte[] body, int status) {
        long stored = ledger.countInbound(DEMO);
        long conversations = ledger.countConversations(DEMO);
        long enqueued = messagesAdded(GatewayQueues.tenantQueue(DEMO));

        HttpResponse<String> response = client.post(bindingKey, headers, body);

        assertThat(response.statusCode()).as(why).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode problem = GatewayClient.read(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(response.headers().map()).doesNotContainKeys("authorization", "Authorization");
        assertThat(ledger.countInbound(DEMO)).isEqualTo(stored);
        assertThat(ledger.countConversations(DEMO)).isEqualTo(conversations);
        assertThat(messagesAdded(GatewayQueues.tenantQueue(DEMO))).isEqualTo(enqueued);
    }

    @Test
    void tenantsNeverSeeEachOthersKnowledgeOrMessages() {
        String demoMessage = GatewayClient.read(
                        client.ask("demo", DEMO_TOKEN, "How long is the warranty on teak garden benches?")
                                .body())
                .get("messageId")
                .asText();
        String globexMessage = GatewayClient.read(
                        client.ask("globex", GLOBEX_TOKEN, "How long is the warranty on a brake caliper?")
                                .body())
                .get("messageId")
                .asText();

        JsonNode demoReply = client.awaitAnswer("demo", DEMO_TOKEN, demoMessage).get("reply");
        JsonNode globexReply =
                client.awaitAnswer("globex", GLOBEX_TOKEN, globexMessage).get("reply");

        assertThat(demoReply.get("citations").findValuesAsText("source")).doesNotContain("garden-warranty.md");
        assertThat(demoReply.get("text").asText()).doesNotContain("teak");
        assertThat(globexReply.get("citations").findValuesAsText("source"))
                .allMatch(source -> source.equals("garden-warranty.md"));
        assertThat(globexReply.get("text").asText()).doesNotContain("calipers");
        assertThat(client.status("globex", GLOBEX_TOKEN, demoMessage).statusCode())
                .isEqualTo(404);
        assertThat(client.status("demo", GLOBEX_TOKEN, demoMessage).statusCode())
                .isEqualTo(401);
        assertThat(ledger.find(GLOBEX, new MessageId(demoMessage))).isEmpty();
        assertThat(ledger.find(DEMO, new MessageId(globexMessage))).isEmpty();
        assertThat(knowledge.retrieve(GLOBEX, new AssistantId("support"), "brake caliper warranty", 10))
                .allSatisfy(hit -> assertThat(hit.chunk().source()).isEqualTo("garden-warranty.md"));
    }

    @Test
    void suspendingOneTenantsProcessorLeavesOtherTenantsAnswering() throws Exception {
        processors.suspend(DEMO);
        try {
            assertThat(processors.status(DEMO)).isEqualTo(ServiceStatus.Suspended);
            String demoMessage = GatewayClient.read(client.ask("demo", DEMO_TOKEN, "Can I pick up my order?")
                            .body())
                    .get("messageId")
                    .asText();
            String globexMessage = GatewayClient.read(
                            client.ask("globex", GLOBEX_TOKEN, "Do teak benches have a warranty?")
                                    .body())
                    .get("messageId")
                    .asText();

            client.awaitAnswer("globex", GLOBEX_TOKEN, globexMessage);
            assertThat(GatewayClient.read(client.status("demo", DEMO_TOKEN, demoMessage)
                                    .body())
                            .get("status")
                            .asText())
                    .isEqualTo("queued");

            processors.resume(DEMO);
            client.awaitAnswer("demo", DEMO_TOKEN, demoMessage);
        } finally {
            if (processors.status(DEMO) == ServiceStatus.Suspended) {
                processors.resume(DEMO);
            }
        }
    }

    @Test
    void callbackThatKeepsFailingIsRetriedWithTheSameDeliveryIdThenDeadLettered() {
        receiver.answer("/globex-broken", 500);
        long deadBefore = messageCount("DLQ.gateway.egress.webhook");
        String messageId = GatewayClient.read(
                        client.ask("globex-broken", GLOBEX_TOKEN, "Do teak benches have a warranty?")
                                .body())
                .get("messageId")
                .asText();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> messageCount("DLQ.gateway.egress.webhook") == deadBefore + 1);

        List<CallbackReceiver.Received> attempts = receiver.receivedContaining(messageId);
        assertThat(attempts).hasSize(3);
        assertThat(attempts).extracting(a -> a.header("X-Gateway-Attempt")).containsExactly("1", "2", "3");
        assertThat(attempts)
                .extracting(a -> a.header("X-Gateway-Delivery-Id"))
                .containsOnly(attempts.get(0).header("X-Gateway-Delivery-Id"));
        assertThat(client.awaitAnswer("globex-broken", GLOBEX_TOKEN, messageId)
                        .get("status")
                        .asText())
                .isEqualTo("answered");
    }

    @Test
    void assistantWithAnLlmAnswersFromItsPassagesAndRemembersTheConversation() {
        llm.answer = "Teak benches carry a 10-year warranty against rot [1].";
        Map<String, String> auth = Map.of("Authorization", "Bearer " + GLOBEX_TOKEN);
        String first = GatewayClient.read(client.post(
                                "globex-llm",
                                auth,
                                GatewayClient.json(Map.of(
                                        "text",
                                        "How long is the warranty on teak benches?",
                                        "conversationId",
                                        "llm-1")))
                        .body())
                .get("messageId")
                .asText();
        JsonNode firstReply =
                client.awaitAnswer("globex-llm", GLOBEX_TOKEN, first).get("reply");
        int requestsBefore = llm.requests.size();
        String second = GatewayClient.read(client.post(
                                "globex-llm",
                                auth,
                                GatewayClient.json(Map.of(
                                        "text", "Is the teak bench warranty also valid for the cushions?",
                                        "conversationId", "llm-1")))
                        .body())
                .get("messageId")
                .asText();
        client.awaitAnswer("globex-llm", GLOBEX_TOKEN, second);

        assertThat(firstReply.get("text").asText()).isEqualTo(llm.answer);
        assertThat(firstReply.at("/citations/0/source").asText()).isEqualTo("garden-warranty.md");
        JsonNode messages = llm.requests.get(requestsBefore).get("messages");
        assertThat(messages.findValuesAsText("role")).containsExactly("system", "user", "assistant", "user");
        assertThat(messages.get(0).get("content").asText()).contains("[1] Garden furniture warranty");
        assertThat(messages.get(1).get("content").asText()).isEqualTo("How long is the warranty on teak benches?");
        assertThat(messages.get(2).get("content").asText()).isEqualTo(llm.answer);
        assertThat(messages.get(3).get("content").asText())
                .isEqualTo("Is the teak bench warranty also valid for the cushions?");
    }

    @Test
    void aCallerNamingAnotherCustomersConversationStartsItsOwnAndNeverSeesThatThread() {
        llm.answer = "Noted [1].";
        Map<String, String> auth = Map.of("Authorization", "Bearer " + GLOBEX_TOKEN);
        String secret = "How long is the warranty on teak benches? My card ends in 4242, I live at 1 Canal Street";
        JsonNode alice = GatewayClient.read(client.post(
                        "globex-llm",
                        auth,
                        GatewayClient.json(
                                Map.of("text", secret, "from", "alice@example.com", "conversationId", "shared-7")))
                .body());
        client.awaitAnswer("globex-llm", GLOBEX_TOKEN, alice.get("messageId").asText());
        int requestsBefore = llm.requests.size();

        JsonNode mallory = GatewayClient.read(client.post(
                        "globex-llm",
                        auth,
                        GatewayClient.json(Map.of(
                                "text",
                                "How long is the warranty on teak benches, and what did I tell you about my card?",
                                "from",
                                "mallory@example.com",
                                "conversationId",
                                "shared-7")))
                .body());
        client.awaitAnswer("globex-llm", GLOBEX_TOKEN, mallory.get("messageId").asText());

        assertThat(mallory.get("conversationId").asText())
                .isNotEqualTo(alice.get("conversationId").asText());
        assertThat(llm.requests.get(requestsBefore).toString()).doesNotContain("4242", "Canal Street");
        assertThat(ledger.messages(GLOBEX, new ConversationId("shared-7")))
                .extracting(GatewayMessage::text)
                .doesNotContain("How long is the warranty on teak benches, and what did I tell you about my card?");
    }

    @Test
    void aHeaderTooLargeForTheServerGetsAProblemDocumentNotTomcatsPage() {
        HttpResponse<String> response = client.post(
                "demo",
                Map.of("Authorization", "Bearer " + DEMO_TOKEN, "X-Padding", "p".repeat(40_000)),
                GatewayClient.json(Map.of("text", "hello")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":400").doesNotContain("Apache Tomcat", "<html");
    }

    @Test
    void nonAsciiTextSurvivesThePipelineUnchanged() {
        String text = "Grüße aus Köln — 東京の天気は？ Привет! مرحبا 👋🏽 «ÆØÅ»";

        String messageId = GatewayClient.read(
                        client.ask("demo-echo", DEMO_TOKEN, text).body())
                .get("messageId")
                .asText();

        assertThat(client.awaitAnswer("demo-echo", DEMO_TOKEN, messageId)
                        .at("/reply/text")
                        .asText())
                .isEqualTo(text);
        CallbackReceiver.Received callback = await().atMost(Duration.ofSeconds(30))
                .until(() -> receiver.receivedContaining(messageId), list -> !list.isEmpty())
                .get(0);
        assertThat(GatewayClient.read(callback.body()).at("/reply/text").asText())
                .isEqualTo(text);
    }

    @Test
    void aCallbackThatFailsForGoodIsADeadLetterEvenAfterTheGaugeBrowsedTheQueuesAndIsDeliveredOnceOnReplay() {
        // The gauge browses every dead-letter queue every 30 s; a queue browsed before its first dead letter once
        // became an address of its own, and the broker then dropped every dead letter meant for it.
        deadLetterDepth.refresh();
        receiver.answer("/globex-dead", 500);
        String messageId = GatewayClient.read(
                        client.ask("globex-dead", GLOBEX_TOKEN, "Do teak benches have a warranty?")
                                .body())
                .get("messageId")
                .asText();
        String replyId = client.awaitAnswer("globex-dead", GLOBEX_TOKEN, messageId)
                .at("/reply/messageId")
                .asText();

        DeadLetter letter = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> deadLetters.list(GLOBEX).stream()
                                .filter(d -> replyId.equals(d.messageId()))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
        deadLetterDepth.refresh();
        assertThat(letter.originalQueue()).isEqualTo("gateway.egress.webhook");
        assertThat(meters.get("gateway.dlq.depth")
                        .tag("tenant", "globex")
                        .gauge()
                        .value())
                .isGreaterThanOrEqualTo(1.0);

        receiver.answer("/globex-dead", 200);
        assertThat(deadLetters.replay(GLOBEX, letter.id())).isPresent();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> receiver.receivedContaining(messageId).stream().anyMatch(r -> r.answeredWith() == 200));
        List<CallbackReceiver.Received> attempts = receiver.receivedContaining(messageId);
        assertThat(attempts.stream().filter(r -> r.answeredWith() == 200)).hasSize(1);
        assertThat(attempts).extracting(r -> r.header("X-Gateway-Delivery-Id")).containsOnly(replyId);
        assertThat(deadLetters.list(GLOBEX)).noneMatch(d -> replyId.equals(d.messageId()));
    }

    @Test
    void messageItsAssistantCannotAnswerIsRetriedThenDeadLetteredAndMarkedFailed() {
        long deadBefore = messageCount("DLQ.gateway.tenant.globex");
        String messageId = GatewayClient.read(client.ask("globex-misconfigured", GLOBEX_TOKEN, "Anyone there?")
                        .body())
                .get("messageId")
                .asText();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> GatewayClient.read(client.status("globex-misconfigured", GLOBEX_TOKEN, messageId)
                                .body())
                        .path("status")
                        .asText()
                        .equals("failed"));
        await().atMost(Duration.ofSeconds(10)).until(() -> messageCount("DLQ.gateway.tenant.globex") == deadBefore + 1);
        assertThat(GatewayClient.read(client.ask("globex", GLOBEX_TOKEN, "Teak bench warranty?")
                                .body())
                        .get("messageId"))
                .isNotNull();
    }

    @Test
    void acceptedMessagesGoStraightToTheirTenantsQueueGroupedByConversation() throws Exception {
        AdviceWith.adviceWith(
                camel, "tenant.demo.assist", route -> route.weaveAddFirst().to("mock:dispatched"));
        MockEndpoint dispatched = camel.getEndpoint("mock:dispatched", MockEndpoint.class);
        dispatched.expectedMinimumMessageCount(1);
        long throughSharedQueue = messagesAdded("gateway.ingress");

        JsonNode ids = GatewayClient.read(client.post(
                        "demo",
                        Map.of("Authorization", "Bearer " + DEMO_TOKEN),
                        GatewayClient.json(Map.of("text", "Is express delivery possible?", "conversationId", "c-ord")))
                .body());

        dispatched.assertIsSatisfied(Duration.ofSeconds(20).toMillis());
        var headers = dispatched.getExchanges().stream()
                .map(exchange -> exchange.getMessage().getHeaders())
                .filter(h -> ids.get("messageId").asText().equals(h.get("gatewayMessageId")))
                .findFirst()
                .orElseThrow();
        // No shared queue on the way in: one tenant's backlog never stands in front of another's messages.
        assertThat(messagesAdded("gateway.ingress")).isEqualTo(throughSharedQueue);
        assertThat(headers)
                .containsEntry("JMSXGroupID", "demo/c-ord")
                .containsEntry("gatewayTenantId", "demo")
                .containsEntry("gatewayMessageId", ids.get("messageId").asText());
        assertThat(camel.getRoute("tenant.demo.assist").getEndpoint().getEndpointUri())
                .isEqualTo("jms://queue:gateway.tenant.demo?cacheLevelName=CACHE_CONSUMER&concurrentConsumers=2"
                        + "&lazyCreateTransactionManager=false&transacted=true");
        ManagedCamelContext managed = camel.getCamelContextExtension().getContextPlugin(ManagedCamelContext.class);
        assertThat(managed.getManagedRoute("tenant.globex.assist")).isNotNull();
    }

    @Test
    void messageStoredButNeverEnqueuedIsFoundByTheRecoverySweepAndAnswered() {
        // As if the process died between the database commit and the broker commit two minutes ago.
        GatewayMessage stranded = GatewayMessage.inbound()
                .tenant(DEMO)
                .assistant(new AssistantId("support"))
                .binding(new BindingId("webhook-demo"))
                .channel(new ChannelId("webhook"))
                .from("customer")
                .to("demo")
                .text("How much does express delivery cost?")
                .receivedAt(Instant.now().minus(Duration.ofMinutes(2)))
                .build();
        ledger.accept(stranded);

        JsonNode answered = client.awaitAnswer("demo", DEMO_TOKEN, stranded.id().value());

        assertThat(answered.at("/reply/citations/0/source").asText()).isEqualTo("shipping.md");
        assertThat(ledger.unconfirmed(DEMO, Instant.now(), 10)).isEmpty();
    }

    @Test
    void everyRouteIsNamedChannelDirectionStep() {
        assertThat(camel.getRoutes())
                .extracting(org.apache.camel.Route::getRouteId)
                .allMatch(
                        id -> id.matches("[a-z0-9-]+\\.[a-z0-9-]+\\.[a-z0-9-]+")
                                || id.matches(
                                        "[a-z0-9-]+\\.(inbound|outbound)\\.[a-z0-9-]+\\.[A-Za-z0-9][A-Za-z0-9._-]*"),
                        "channel.direction.step, or channel.direction.tenant.binding for a binding's own routes")
                .contains(
                        "webhook.inbound.normalize",
                        "webhook.inbound.status",
                        "webhook.outbound.demo.webhook-demo",
                        "backbone.ingress.accept",
                        "backbone.ingress.enqueue",
                        "backbone.ingress.dispatch",
                        "backbone.ingress.recover",
                        "backbone.egress.dispatch",
                        "tenant.demo.assist",
                        "tenant.globex.assist");
    }

    private long messagesAdded(String queue) {
        Queue found = broker.getActiveMQServer().locateQueue(SimpleString.of(queue));
        return found == null ? 0 : found.getMessagesAdded();
    }

    private long messageCount(String queue) {
        Queue found = broker.getActiveMQServer().locateQueue(SimpleString.of(queue));
        return found == null ? 0 : found.getMessageCount();
    }

    private void createGlobex() {
        AssistantId support = new AssistantId("support");
        registry.createTenant(new NewTenant(GLOBEX, "Globex Garden", "pro", "retail", List.of("en")), "test");
        registry.createAssistant(
                GLOBEX, new NewAssistant(support, "support", "Garden Help", null, null, Map.of()), "test");
        registry.createBinding(
                GLOBEX,
                new NewBinding(
                        new BindingId("webhook-globex"),
                        support,
                        WebhookBinding.CHANNEL,
                        "globex",
                        Map.of(),
                        WebhookBinding.credentials(GLOBEX_TOKEN, "globex-secret")),
                "test");
        registry.createBinding(
                GLOBEX,
                new NewBinding(
                        new BindingId("webhook-globex-broken"),
                        support,
                        WebhookBinding.CHANNEL,
                        "globex-broken",
                        WebhookBinding.settings(receiver.url("/globex-broken")),
                        WebhookBinding.credentials(GLOBEX_TOKEN, "globex-secret")),
                "test");
        registry.createBinding(
                GLOBEX,
                new NewBinding(
                        new BindingId("webhook-globex-dead"),
                        support,
                        WebhookBinding.CHANNEL,
                        "globex-dead",
                        WebhookBinding.settings(receiver.url("/globex-dead")),
                        WebhookBinding.credentials(GLOBEX_TOKEN, "globex-secret")),
                "test");
        AssistantId concierge = new AssistantId("concierge");
        registry.createAssistant(
                GLOBEX,
                new NewAssistant(
                        concierge,
                        "support",
                        "Garden Concierge",
                        "Warm and brief.",
                        null,
                        Map.of("llm.baseUrl", llm.baseUrl(), "llm.model", "test-model")),
                "test");
        registry.createBinding(
                GLOBEX,
                new NewBinding(
                        new BindingId("webhook-globex-llm"),
                        concierge,
                        WebhookBinding.CHANNEL,
                        "globex-llm",
                        Map.of(),
                        WebhookBinding.credentials(GLOBEX_TOKEN, "globex-secret")),
                "test");
        AssistantId misconfigured = new AssistantId("misconfigured");
        registry.createAssistant(
                GLOBEX, new NewAssistant(misconfigured, "echo", "Broken", null, null, Map.of()), "test");
        // The registry refuses unknown types; this is an assistant whose plugin an upgrade has since removed.
        jdbc.update(
                "UPDATE assistants SET type = 'no-such-type' WHERE tenant_id = ? AND id = ?",
                GLOBEX.value(),
                misconfigured.value());
        registry.createBinding(
                GLOBEX,
                new NewBinding(
                        new BindingId("webhook-globex-misconfigured"),
                        misconfigured,
                        WebhookBinding.CHANNEL,
                        "globex-misconfigured",
                        Map.of(),
                        WebhookBinding.credentials(GLOBEX_TOKEN, "globex-secret")),
                "test");
        String gardenWarranty =
                """
                # Garden furniture warranty

                Teak garden benches and tables carry a 10-year warranty against rot. Cushions are covered for one
                season. Register your bench online to claim.
                """;
        knowledge.ingest(GLOBEX, support, "garden-warranty.md", gardenWarranty);
        knowledge.ingest(GLOBEX, concierge, "garden-warranty.md", gardenWarranty);
        await().atMost(Duration.ofSeconds(10)).until(() -> camel.getRoute("tenant.globex.assist") != null);
    }

    private static FakeOpenAi startLlm() {
        try {
            return new FakeOpenAi();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CallbackReceiver startReceiver() {
        try {
            return new CallbackReceiver();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("gateway-e2e");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
