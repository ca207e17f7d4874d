package com.assistantgateway.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.assistantgateway.adapters.webhook.WebhookBinding;
import com.assistantgateway.admin.registry.NewAssistant;
import com.assistantgateway.admin.registry.NewBinding;
import com.assistantgateway.admin.registry.NewTenant;
import com.assistantgateway.admin.security.Role;
import com.assistantgateway.gateway.GatewayClient;
import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.BindingId;
import com.assistantgateway.routes.message.ConversationId;
import com.assistantgateway.routes.message.GatewayMessage;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.LlmTokenBudget;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class RateLimitTest extends AdminTestSupport {

    private static final String TOKEN = "limits-token";

    @Autowired
    LlmTokenBudget llmTokens;

    @Test
    void aThrottledTenantGets429WithRetryAfterOnceItsAllowanceIsUsedAndNothingOfTheRefusedIsStored() {
        String slug = freshWebhookTenant();
        String root = client.login(PLATFORM_ADMIN, PASSWORD);
        HttpResponse<String> set = client.send(
                "PUT",
                "/api/v1/tenants/" + slug + "/limits",
                Map.of("messagesPerMinute", 3, "senderMessagesPerMinute", 0),
                root);
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(AdminClient.read(set.body()).get("source").asText()).isEqualTo("tenant");

        GatewayClient webhook = new GatewayClient(port);
        for (int i = 0; i < 3; i++) {
            assertThat(webhook.ask(slug + "-hook", TOKEN, "question " + i).statusCode())
                    .isEqualTo(202);
        }
        HttpResponse<String> refused = webhook.ask(slug + "-hook", TOKEN, "one too many");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        // 3 a minute refill one every 20 s: the wait is about that, never zero.
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1L, 21L);
        JsonNode problem = GatewayClient.read(refused.body());
        assertThat(problem.get("title").asText()).isEqualTo("rate-limited");
        assertThat(problem.get("detail").asText()).contains("3 messages a minute");
        assertThat(ledger.countInbound(new TenantId(slug))).isEqualTo(3);

        JsonNode usage = AdminClient.read(client.send("GET", "/api/v1/tenants/" + slug + "/limits", null, root)
                .body());
        assertThat(usage.get("messagesPerMinute").asLong()).isEqualTo(3);
        assertThat(usage.get("available").asLong()).isZero();
    }

    @Test
    void aTenantThrottledFurtherWhileItSendsIsHeldToTheLowerLimitAtOnce() {
        String slug = freshWebhookTenant();
        String root = client.login(PLATFORM_ADMIN, PASSWORD);
        GatewayClient webhook = new GatewayClient(port);
        client.send("PUT", "/api/v1/tenants/" + slug + "/limits", Map.of("messagesPerMinute", 20), root);
        for (int i = 0; i < 3; i++) {
            assertThat(webhook.ask(slug + "-hook", TOKEN, "at twenty " + i).statusCode())
                    .isEqualTo(202);
        }

        // Lowered while seventeen of the twenty are left: what counts from now on is the new limit.
        client.send("PUT", "/api/v1/tenants/" + slug + "/limits", Map.of("messagesPerMinute", 2), root);
        List<Integer> after = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            after.add(webhook.ask(slug + "-hook", TOKEN, "at two " + i).statusCode());
        }

        assertThat(after).containsExactly(202, 202, 429, 429);
        assertThat(ledger.countInbound(new TenantId(slug))).isEqualTo(5);
    }

    @Test
    void aMessageWaitingForItsTurnSaysUntilWhenInTheConsolesThread() {
        GatewayMessage deferred = message(
                        new TenantId("acme"), "deferred-" + UUID.randomUUID(), "+15550100", "Is my order on its way?")
                .deferredUntil(Instant.parse("2030-01-01T10:15:00Z"));
        ConversationId conversation = ledger.accept(deferred).message().conversationId();
        ConsoleSession console = new ConsoleSession(port);
        console.signIn(email("acme", Role.TENANT_ADMIN), PASSWORD);

        HttpResponse<String> thread = console.get("/console/t/acme/conversations/" + conversation.value());

        assertThat(thread.statusCode()).isEqualTo(200);
        assertThat(thread.body()).contains("over the limits: waits for its turn until 2030-01-01 10:15");
    }

    @Test
    void oneSenderOverItsLimitIsRefusedWhileOtherSendersOfTheTenantPass() {
        String slug = freshWebhookTenant();
        String root = client.login(PLATFORM_ADMIN, PASSWORD);
        client.send(
                "PUT",
                "/api/v1/tenants/" + slug + "/limits",
                Map.of("messagesPerMinute", 100, "senderMessagesPerMinute", 2),
                root);
        GatewayClient webhook = new GatewayClient(port);

        List<Integer> loud = List.of(
                send(webhook, slug, "loud@example.com"),
                send(webhook, slug, "loud@example.com"),
                send(webhook, slug, "LOUD@example.com"));
        int quiet = send(webhook, slug, "quiet@example.com");

        assertThat(loud).containsExactly(202, 202, 429);
        assertThat(quiet).isEqualTo(202);
    }

    @Test
    void onlyThePlatformThrottlesATenantAndResettingReturnsItToItsPlansLimits() {
        String slug = freshWebhookTenant();
        String tenantAdmin = client.login(email("acme", Role.TENANT_ADMIN), PASSWORD);
        String root = client.login(PLATFORM_ADMIN, PASSWORD);

        assertThat(client.send(
                                "PUT",
                                "/api/v1/tenants/acme/limits",
                                Map.of("messagesPerMinute", 1000000, "senderMessagesPerMinute", 0),
                                tenantAdmin)
                        .statusCode())
                .isEqualTo(403);
        assertThat(client.send("GET", "/api/v1/tenants/acme/limits", null, tenantAdmin)
                        .statusCode())
                .isEqualTo(200);
        client.send(
                "PUT",
                "/api/v1/tenants/" + slug + "/limits",
                Map.of("messagesPerMinute", 1, "senderMessagesPerMinute", 0),
                root);
        GatewayClient webhook = new GatewayClient(port);
        assertThat(webhook.ask(slug + "-hook", TOKEN, "first").statusCode()).isEqualTo(202);
        assertThat(webhook.ask(slug + "-hook", TOKEN, "second").statusCode()).isEqualTo(429);

        JsonNode reset = AdminClient.read(client.send("DELETE", "/api/v1/tenants/" + slug + "/limits", null, root)
                .body());

        assertThat(reset.get("source").asText()).isEqualTo("plan");
        assertThat(reset.get("messagesPerMinute").asLong()).isZero();
        assertThat(webhook.ask(slug + "-hook", TOKEN, "third").statusCode()).isEqualTo(202);
        assertThat(client.send("GET", "/api/v1/tenants/" + slug + "/audit", null, root)
                        .body())
                .contains("limits.set", "limits.reset");
    }

    @Test
    void aTenantOverItsLlmTokensWaitsForThemToRefillWhileAnotherTenantDoesNot() throws Exception {
        String slug = freshWebhookTenant();
        String other = freshWebhookTenant();
        String root = client.login(PLATFORM_ADMIN, PASSWORD);
        HttpResponse<String> set = client.send(
                "PUT",
                "/api/v1/tenants/" + slug + "/limits",
                Map.of("messagesPerMinute", 0, "senderMessagesPerMinute", 0, "llmTokensPerMinute", 6000),
                root);
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);

        // A minute's tokens at once, then 100 a second: the next 100 wait about a second.
        assertThat(llmTokens.reserve(new TenantId(slug), 6000)).isLessThan(Duration.ofMillis(500));
        assertThat(llmTokens.reserve(new TenantId(slug), 100)).isGreaterThanOrEqualTo(Duration.ofMillis(500));
        assertThat(llmTokens.reserve(new TenantId(other), 100_000)).isZero();
        llmTokens.settle(new TenantId(slug), 100, 400);

        JsonNode usage = AdminClient.read(client.send("GET", "/api/v1/tenants/" + slug + "/limits", null, root)
                .body());
        assertThat(usage.get("llmTokensPerMinute").asLong()).isEqualTo(6000);
        assertThat(usage.get("llmTokensAvailable").asLong())
                .as("300 tokens over the reservation are owed")
                .isNegative();
    }

    private static int send(GatewayClient webhook, String slug, String from) {
        return webhook.post(
                        slug + "-hook",
                        Map.of("Authorization", "Bearer " + TOKEN),
                        GatewayClient.json(Map.of("from", from, "text", "hello from " + from)))
                .statusCode();
    }

    /** A tenant of its own, so the limits set here reach no other test. */
    private String freshWebhookTenant() {
        String slug = "limited-" + sequence.incrementAndGet();
        TenantId tenant = new TenantId(slug);
        registry.createTenant(new NewTenant(tenant, slug, "business", "retail", List.of("en")), "test");
        registry.createAssistant(
                tenant, new NewAssistant(new AssistantId("echo"), "echo", "Echo", null, null, Map.of()), "test");
        registry.createBinding(
                tenant,
                new NewBinding(
                        new BindingId("hook"),
                        new AssistantId("echo"),
                        WebhookBinding.CHANNEL,
                        slug + "-hook",
                        Map.of(),
                        WebhookBinding.credentials(TOKEN, null)),
                "test");
        return slug;
    }
}
