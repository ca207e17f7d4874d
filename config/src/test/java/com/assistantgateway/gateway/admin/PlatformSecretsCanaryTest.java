package com.assistantgateway.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.assistantgateway.admin.knowledge.KnowledgeSource;
import com.assistantgateway.admin.security.Role;
import com.assistantgateway.routes.backbone.ChannelSignatures;
import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.TenantId;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The platform's LLM key and master key are canaries here: a tenant admin points every setting they can at a server
 * of their own (their LLM endpoint, a webhook callback, a crawl and a watcher's notifications, a knowledge URL) and
 * tries the settings that once named environment variables or held keys. That server sees all of the gateway's
 * requests for the tenant and never either canary; the platform's own LLM endpoint gets the platform's key.
 */
class PlatformSecretsCanaryTest extends AdminTestSupport {

    static final String PLATFORM_LLM_KEY = "canary-llm-" + UUID.randomUUID();
    static final byte[] MASTER_KEY = random(32);
    static final String MASTER_KEY_BASE64 = Base64.getEncoder().encodeToString(MASTER_KEY);
    static final TargetServer platformLlm = new TargetServer("127.0.0.1");
    static final TargetServer tenantsServer = new TargetServer("127.0.0.1");
    static final TenantId ACME = new TenantId("acme");

    @DynamicPropertySource
    static void canaries(DynamicPropertyRegistry registry) {
        registry.add("gateway.orchestrator.llm.base-url", () -> platformLlm.url("/v1"));
        registry.add("gateway.orchestrator.llm.api-key", () -> PLATFORM_LLM_KEY);
        registry.add("gateway.admin.master-key", () -> MASTER_KEY_BASE64);
    }

    @AfterAll
    static void stopServers() {
        platformLlm.close();
        tenantsServer.close();
    }

    @Test
    void noTenantSettingMakesTheGatewaySendThePlatformsLlmKeyOrMasterKeyAnywhere() {
        String admin = client.login(email("acme", Role.TENANT_ADMIN), PASSWORD);
        assistant(admin, "desk", Map.of("llm.baseUrl", tenantsServer.url("/v1"), "llm.model", "tenant-model"));
        assistant(admin, "platform-desk", Map.of());
        HttpResponse<String> watcher = client.send(
                "POST",
                "/api/v1/tenants/acme/assistants",
                Map.of(
                        "id",
                        "offers-watch",
                        "type",
                        "watcher",
                        "name",
                        "Offers watch",
                        "settings",
                        Map.of("llm.baseUrl", tenantsServer.url("/v1"))),
                admin);
        assertThat(watcher.statusCode()).as(watcher.body()).isEqualTo(201);

        // What once made the gateway send an environment variable or a key where a tenant chose:
        for (Map<String, String> attempt : List.of(
                Map.of("llm.apiKeyEnv", "GATEWAY_MASTER_KEY"),
                Map.of("llm.apiKeyEnv", "GATEWAY_LLM_API_KEY"),
                Map.of("llm.apiKey", "plain-setting-key"))) {
            HttpResponse<String> refused =
                    client.send("PATCH", "/api/v1/tenants/acme/assistants/desk", Map.of("settings", attempt), admin);
            assertThat(refused.statusCode()).as(attempt.toString()).isEqualTo(400);
        }

        binding(admin, "desk-web", "desk", "webhook", "acme-desk", Map.of("callbackUrl", tenantsServer.url("/hook")));
        binding(admin, "platform-web", "platform-desk", "webhook", "acme-platform-desk", Map.of());
        binding(
                admin,
                "offers",
                "offers-watch",
                "scrape",
                "acme-offers",
                Map.of(
                        "urls",
                        tenantsServer.url("/offers.html"),
                        "notifyUrl",
                        tenantsServer.url("/notify"),
                        "schedule",
                        "PT1S",
                        "hostDelayMillis",
                        "10"));
        HttpResponse<String> imported = client.send(
                "POST",
                "/api/v1/tenants/acme/assistants/desk/knowledge/url",
                Map.of("url", tenantsServer.url("/doc.html")),
                admin);
        assertThat(imported.statusCode()).isEqualTo(202);

        ask("acme-desk", "How long is the warranty on brake pads?");
        ask("acme-platform-desk", "How long is the warranty on brake pads?");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(tenantsServer.hitsOn("/v1/chat/completions"))
                    .as("the tenant's LLM")
                    .isPositive();
            assertThat(tenantsServer.hitsOn("/hook")).as("the callback").isPositive();
            assertThat(tenantsServer.hitsOn("/offers.html")).as("the crawl").isPositive();
            assertThat(tenantsServer.hitsOn("/notify"))
                    .as("the watcher's notification")
                    .isPositive();
            assertThat(tenantsServer.hitsOn("/doc.html"))
                    .as("the knowledge URL")
                    .isPositive();
            assertThat(platformLlm.hitsOn("/v1/chat/completions"))
                    .as("the platform's LLM")
                    .isPositive();
        });
        String sent = tenantsServer.everything();
        assertThat(sent)
                .doesNotContain(PLATFORM_LLM_KEY)
                .doesNotContain(MASTER_KEY_BASE64)
                .doesNotContain(Base64.getUrlEncoder().withoutPadding().encodeToString(MASTER_KEY))
                .doesNotContain(HexFormat.of().formatHex(MASTER_KEY));
        assertThat(platformLlm.everything()).contains("Bearer " + PLATFORM_LLM_KEY);
    }

    private void assistant(String admin, String id, Map<String, String> settings) {
        HttpResponse<String> created = client.send(
                "POST",
                "/api/v1/tenants/acme/assistants",
                Map.of("id", id, "type", "support", "name", "Desk " + id, "settings", settings),
                admin);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        KnowledgeSource source = knowledge.upload(
                ACME,
                new AssistantId(id),
                "warranty.md",
                "text/markdown",
                "# Warranty\n\n## Brake pads\n\nBrake pads carry a 2-year warranty.\n".getBytes(StandardCharsets.UTF_8),
                "test");
        await().atMost(Duration.ofSeconds(30)).until(() -> knowledge
                .get(ACME, new AssistantId(id), source.id())
                .status()
                .equals("ready"));
    }

    private void binding(
            String admin, String id, String assistant, String channel, String key, Map<String, String> settings) {
        HttpResponse<String> created = client.send(
                "POST",
                "/api/v1/tenants/acme/bindings",
                Map.of(
                        "id",
                        id,
                        "assistantId",
                        assistant,
                        "channel",
                        channel,
                        "inboundKey",
                        key,
                        "settings",
                        settings,
                        "credentials",
                        Map.of(
                                "tokenSha256",
                                ChannelSignatures.sha256Hex("t0ken"),
                                "signingSecret",
                                "tenant-own-secret")),
                admin);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    private void ask(String bindingKey, String text) {
        HttpResponse<String> accepted = client.send(
                "POST", "/channels/webhook/" + bindingKey, Map.of("text", text, "from", "customer@acme.test"), "t0ken");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    }

    private static byte[] random(int bytes) {
        byte[] key = new byte[bytes];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
