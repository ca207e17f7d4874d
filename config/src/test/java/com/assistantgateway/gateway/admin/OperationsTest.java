package com.assistantgateway.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.assistantgateway.admin.security.Role;
import com.assistantgateway.routes.backbone.DeadLetterDepth;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What operators and agents rely on: health, tenant-tagged metrics, and a person taking a conversation over. */
class OperationsTest extends AdminTestSupport {

    private static final String DEMO_TOKEN = "demo-token";

    @Autowired
    DeadLetterDepth deadLetterDepth;

    @Test
    void anonymousHealthShowsOnlyTheStatusWhilePlatformAdminsSeeDatabaseBrokerVectorStoreAndLlm() {
        JsonNode anonymous = AdminClient.read(
                client.send("GET", "/actuator/health", null, null).body());
        ConsoleSession operator = new ConsoleSession(port);
        operator.signIn(PLATFORM_ADMIN, PASSWORD);
        JsonNode health = AdminClient.read(operator.get("/actuator/health").body());

        assertThat(anonymous.get("status").asText()).isEqualTo("UP");
        assertThat(anonymous.has("components"))
                .as("anonymous health names no component")
                .isFalse();
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.get("components").get("db").get("status").asText()).isEqualTo("UP");
        assertThat(health.get("components").get("jms").get("status").asText()).isEqualTo("UP");
        assertThat(health.get("components").get("vectorStore").get("status").asText())
                .isEqualTo("UP");
        assertThat(health.get("components")
                        .get("llm")
                        .get("details")
                        .get("mode")
                        .asText())
                .startsWith("extractive");
    }

    @Test
    void aTenantsUnreachableMailboxShowsInThatTenantsBindingNotInThePlatformsHealth() throws Exception {
        int closedPort;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        String id = "down-mail-" + sequence.incrementAndGet();
        String admin = client.login(email("acme", Role.TENANT_ADMIN), PASSWORD);
        HttpResponse<String> created = client.send(
                "POST",
                "/api/v1/tenants/acme/bindings",
                Map.of(
                        "id",
                        id,
                        "assistantId",
                        "support",
                        "channel",
                        "email",
                        "inboundKey",
                        id + "@acme.test",
                        "settings",
                        Map.of(
                                "imapProtocol", "imap",
                                "imapHost", "127.0.0.1",
                                "imapPort", Integer.toString(closedPort),
                                "smtpProtocol", "smtp",
                                "smtpHost", "127.0.0.1",
                                "smtpPort", Integer.toString(closedPort),
                                "pollMillis", "200"),
                        "credentials",
                        Map.of("password", "x")),
                admin);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(30)).until(() -> "failing"
                .equals(AdminClient.read(client.send("GET", "/api/v1/tenants/acme/bindings/" + id, null, admin)
                                .body())
                        .at("/connection/state")
                        .asText()));
        ConsoleSession operator = new ConsoleSession(port);
        operator.signIn(PLATFORM_ADMIN, PASSWORD);
        JsonNode health = AdminClient.read(operator.get("/actuator/health").body());
        HttpResponse<String> anonymous = client.send("GET", "/actuator/health", null, null);
        HttpResponse<String> readiness = client.send("GET", "/actuator/health/readiness", null, null);

        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.toString()).doesNotContain(id).doesNotContain(Integer.toString(closedPort));
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(AdminClient.read(anonymous.body()).has("components")).isFalse();
        assertThat(anonymous.body()).doesNotContain(id);
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(operator.get("/actuator/prometheus").body())
                .containsPattern(
                        "gateway_binding_up\\{binding=\"" + id + "\",channel=\"email\",tenant=\"acme\"} 0\\.0");
        client.send("DELETE", "/api/v1/tenants/acme/bindings/" + id, null, admin);
    }

    @Test
    void prometheusShowsAnsweredMessagesLatencyAndDeadLettersPerTenantAssistantAndChannel() {
        String messageId = ask("How long is the warranty on a brake caliper?");
        await().atMost(Duration.ofSeconds(20)).until(() -> "answered".equals(status(messageId)));
        acme.freshDeadLetter();
        deadLetterDepth.refresh();
        ConsoleSession operator = new ConsoleSession(port);
        operator.signIn(PLATFORM_ADMIN, PASSWORD);

        String scrape = operator.get("/actuator/prometheus").body();

        assertThat(scrape)
                .contains("gateway_channel_received_total{assistant=\"support\",channel=\"webhook\",tenant=\"demo\"}")
                .contains(
                        "gateway_messages_answered_total{assistant=\"support\",channel=\"webhook\",outcome=\"answered\","
                                + "tenant=\"demo\"}")
                .contains(
                        "gateway_answer_latency_seconds_count{assistant=\"support\",channel=\"webhook\",tenant=\"demo\"}")
                .containsPattern("gateway_dlq_depth\\{tenant=\"acme\"} [1-9]");
    }

    @Test
    void takenOverConversationWaitsForTheAgentWhoseReplyGoesOutShowsInTheStatusAndIsAudited() {
        String first = ask("Can I talk to a person about an order?");
        await().atMost(Duration.ofSeconds(20)).until(() -> "answered".equals(status(first)));
        String conversation = AdminClient.read(
                        client.send("GET", "/channels/webhook/demo/messages/" + first, null, DEMO_TOKEN)
                                .body())
                .get("conversationId")
                .asText();
        String agent = client.login("manager@demo.local", "demo-password");
        String path = "/api/v1/tenants/demo/conversations/" + conversation;

        assertThat(client.send("POST", path + "/takeover", null, agent).statusCode())
                .isEqualTo(200);
        String second = ask("Hello? Order 4711 please.", conversation);
        await().atMost(Duration.ofSeconds(20)).until(() -> "awaiting_agent".equals(status(second)));
        HttpResponse<String> replied =
                client.send("POST", path + "/replies", Map.of("text", "Hi, Sam here: 4711 ships today."), agent);
        assertThat(replied.statusCode()).isEqualTo(202);
        assertThat(status(second)).isEqualTo("answered");
        JsonNode polled =
                AdminClient.read(client.send("GET", "/channels/webhook/demo/messages/" + second, null, DEMO_TOKEN)
                        .body());
        assertThat(polled.at("/reply/text").asText()).isEqualTo("Hi, Sam here: 4711 ships today.");

        JsonNode thread = AdminClient.read(client.send("GET", path, null, agent).body());
        JsonNode last = thread.get("messages").get(thread.get("messages").size() - 1);
        assertThat(last.get("text").asText()).isEqualTo("Hi, Sam here: 4711 ships today.");
        assertThat(last.get("metadata").get("agent").asText()).isEqualTo("manager@demo.local");
        assertThat(thread.get("conversation").get("status").asText()).isEqualTo("agent");
        assertThat(client.send("POST", path + "/handback", null, agent).statusCode())
                .isEqualTo(200);
        String third = ask("Thanks! And your opening hours?", conversation);
        await().atMost(Duration.ofSeconds(20)).until(() -> "answered".equals(status(third)));
        JsonNode audit = AdminClient.read(client.send(
                        "GET",
                        "/api/v1/tenants/demo/audit?target=" + conversation,
                        null,
                        client.login("admin@demo.local", "demo-password"))
                .body());
        assertThat(audit.get("items").findValuesAsText("action"))
                .contains("conversation.taken-over", "conversation.replied", "conversation.handed-back");
    }

    @Test
    void agentCannotReplyWithoutTakingTheConversationOver() {
        String token = client.login(email("acme", Role.AGENT_MANAGER), PASSWORD);

        HttpResponse<String> reply =
                client.send("POST", "/api/v1/tenants/acme/conversations/c-1/replies", Map.of("text", "Hi"), token);

        assertThat(reply.statusCode()).isEqualTo(409);
        assertThat(AdminClient.read(reply.body()).get("detail").asText()).contains("take the conversation over");
    }

    private String ask(String text) {
        return ask(text, null);
    }

    private String ask(String text, String conversation) {
        Map<String, String> body = conversation == null
                ? Map.of("from", "sam@example.com", "text", text)
                : Map.of("from", "sam@example.com", "text", text, "conversationId", conversation);
        HttpResponse<String> accepted = client.send("POST", "/channels/webhook/demo", body, DEMO_TOKEN);
        assertThat(accepted.statusCode()).isEqualTo(202);
        return AdminClient.read(accepted.body()).get("messageId").asText();
    }

    private String status(String messageId) {
        return AdminClient.read(client.send("GET", "/channels/webhook/demo/messages/" + messageId, null, DEMO_TOKEN)
                        .body())
                .get("status")
                .asText();
    }
}
