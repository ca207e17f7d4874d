package com.assistantgateway.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.assistantgateway.gateway.AwaitReadiness;
import com.assistantgateway.gateway.GatewayApplication;
import com.assistantgateway.gateway.GatewayClient;
import com.assistantgateway.orchestrator.testing.FakeOpenAi;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The demo shop's scenario set, run through the API on the gateway as it ships (embedded defaults, offline): every
 * scenario passes and the threshold the demo uses lies where the scenarios put it. Then the same answer path with a
 * (stub) LLM, reached through the webhook channel: planted personal data never reaches the model and is restored in
 * the reply; a request for a person is handed over in the same turn, the customer told, the conversation queued and
 * assigned to the agent who comes available; the overview counts that handover as one, not as an answer.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoScenariosTest {

    private static final Logger log = LoggerFactory.getLogger(DemoScenariosTest.class);
    static final FakeOpenAi llm = startLlm();
    static final Path dataDir = tempDir();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("gateway.data-dir", dataDir::toString);
        registry.add("gateway.admin.registry-cache", () -> "0s");
        registry.add("gateway.admin.handover.sweep", () -> "200ms");
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    AdminClient api;
    GatewayClient channel;
    String admin;

    @BeforeEach
    void setUp() {
        AwaitReadiness.of(context);
        api = new AdminClient(port);
        channel = new GatewayClient(port);
        admin = api.login("admin@demo.local", "demo-password");
    }

    @AfterAll
    static void stopLlm() {
        llm.close();
    }

    @Test
    @Order(1)
    void theDemoScenarioSetPassesOfflineAndPlacesTheDemosThreshold() {
        var response = api.send("POST", "/api/v1/tenants/demo/assistants/support/scenario-runs", null, admin);

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode report = AdminClient.read(response.body());
        JsonNode totals = report.get("totals");
        log.info("demo scenario run: {}", totals);
        for (JsonNode result : report.get("results")) {
            log.info(
                    "scenario '{}': {} {} confidence {} language {} in {} ms {}",
                    result.get("name").asText(),
                    result.get("passed").asBoolean() ? "passed" : "FAILED",
                    result.get("outcome").asText(),
                    String.format("%.2f", result.get("confidence").asDouble()),
                    result.get("language").asText(),
                    result.get("millis").asLong(),
                    result.get("failures"));
        }
        assertThat(report.get("results"))
                .allSatisfy(result -> assertThat(result.get("failures")).isEmpty());
        assertThat(totals.get("passed").asInt())
                .isEqualTo(totals.get("total").asInt())
                .isGreaterThanOrEqualTo(20);
        assertThat(totals.get("escalationAccuracy").asDouble()).isEqualTo(1.0);
        assertThat(totals.get("policyViolations").asInt()).isZero();
        // The demo's threshold was set from this run: it must still separate answers from "I don't know".
        double threshold = AdminClient.read(api.send("GET", "/api/v1/tenants/demo/assistants/support", null, admin)
                        .body())
                .at("/settings/confidenceThreshold")
                .asDouble();
        assertThat(totals.get("suggestedThreshold").asDouble()).isCloseTo(threshold, within(0.03));
        double least = 1;
        double most = 0;
        for (JsonNode result : report.get("results")) {
            if ("answered".equals(result.get("outcome").asText())) {
                least = Math.min(least, result.get("confidence").asDouble());
            } else if ("dont-know".equals(result.get("outcome").asText())) {
                most = Math.max(most, result.get("confidence").asDouble());
            }
        }
        assertThat(most).isLessThan(threshold);
        assertThat(least).isGreaterThanOrEqualTo(threshold);

        var runs =
                AdminClient.read(api.send("GET", "/api/v1/tenants/demo/assistants/support/scenario-runs", null, admin)
                        .body());
        assertThat(runs.findValuesAsText("id")).contains(report.get("id").asText());
    }

    @Test
    @Order(2)
    void plantedPersonalDataNeverReachesTheLlmAndIsRestoredInTheReply() {
        llm.answer = "Brake calipers carry a 2-year warranty [1]. We will also confirm it by mail to [EMAIL_1].";
        useTheLlm();
        String planted = "My email is jan.jansen@example.com, phone +31 6 12345678, IBAN NL91 ABNA 0417 1643 00."
                + " How long is the warranty on a brake caliper?";
        int before = llm.requests.size();

        JsonNode accepted =
                GatewayClient.read(channel.ask("demo", "demo-token", planted).body());
        JsonNode reply = channel.awaitAnswer(
                        "demo", "demo-token", accepted.get("messageId").asText())
                .get("reply");

        assertThat(llm.requests.size()).isGreaterThan(before);
        String sent = llm.requests.subList(before, llm.requests.size()).toString();
        assertThat(sent).contains("[EMAIL_1]", "[PHONE_1]", "[IBAN_1]");
        assertThat(sent).doesNotContain("jan.jansen@example.com", "12345678", "NL91 ABNA", "0417");
        assertThat(reply.get("text").asText())
                .isEqualTo("Brake calipers carry a 2-year warranty [1]. We will also confirm it by mail to"
                        + " jan.jansen@example.com.");
        JsonNode audit =
                AdminClient.read(api.send("GET", "/api/v1/tenants/demo/audit?action=policy.pii.redacted", null, admin)
                        .body());
        assertThat(audit.toString()).contains("email x1", "iban x1", "phone x1", "policyVersion");
    }

    @Test
    @Order(3)
    void aRequestForAPersonIsHandedOverInTheSameTurnAndAssignedToTheAgentWhoComesAvailable() {
        int llmCalls = llm.requests.size();

        JsonNode accepted =
                GatewayClient.read(channel.ask("demo", "demo-token", "Ik wil graag met een medewerker spreken")
                        .body());
        JsonNode answered = channel.awaitAnswer(
                "demo", "demo-token", accepted.get("messageId").asText());
        String conversation = accepted.get("conversationId").asText();

        assertThat(answered.at("/reply/text").asText()).contains("collega");
        assertThat(llm.requests).hasSize(llmCalls);
        JsonNode queue = AdminClient.read(api.send("GET", "/api/v1/tenants/demo/handover/queue", null, admin)
                .body());
        assertThat(queue.toString()).contains(conversation, "customer-asked", "waiting");

        var available = api.send(
                "PUT", "/api/v1/tenants/demo/handover/agents/me", Map.of("available", true, "capacity", 3), admin);
        assertThat(available.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode now = AdminClient.read(api.send("GET", "/api/v1/tenants/demo/handover/queue", null, admin)
                    .body());
            JsonNode mine = null;
            for (JsonNode entry : now) {
                if (entry.get("id").asText().equals(conversation)) {
                    mine = entry;
                }
            }
            assertThat(mine).isNotNull();
            assertThat(mine.get("status").asText()).isEqualTo("agent");
            assertThat(mine.get("assignee").asText()).isEqualTo("admin@demo.local");
            assertThat(mine.get("responseKind").asText()).isEqualTo("first");
        });
    }

    @Test
    @Order(4)
    void theOverviewCountsTheHandoverByReasonAndLanguageAndNotAsAnAnswer() {
        JsonNode overview = AdminClient.read(api.send("GET", "/api/v1/tenants/demo/reports/overview", null, admin)
                .body());

        // Scenario runs are not traffic: what the overview holds is the two customer messages above.
        assertThat(overview.get("received").asLong()).isEqualTo(2);
        assertThat(overview.get("answered").asLong()).isEqualTo(1);
        assertThat(overview.at("/handedOver/customer-asked").asLong()).isEqualTo(1);
        assertThat(overview.at("/languages/nl/handed-over").asLong()).isEqualTo(1);
        assertThat(overview.at("/languages/en/answered").asLong()).isEqualTo(1);
        assertThat(overview.get("answerRate").asDouble()).isEqualTo(0.5);
    }

    private void useTheLlm() {
        var changed = api.send(
                "PATCH",
                "/api/v1/tenants/demo/assistants/support",
                Map.of("settings", Map.of("llm.baseUrl", llm.baseUrl())),
                admin);
        assertThat(changed.statusCode()).isEqualTo(200);
    }

    private static FakeOpenAi startLlm() {
        try {
            return new FakeOpenAi();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("demo-scenarios");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
