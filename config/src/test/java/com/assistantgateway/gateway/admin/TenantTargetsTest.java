package com.assistantgateway.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.assistantgateway.admin.secrets.Credentials;
import com.assistantgateway.admin.security.Role;
import com.assistantgateway.routes.backbone.BindingRoutes;
import com.assistantgateway.routes.backbone.ChannelSignatures;
import com.assistantgateway.routes.message.CanonicalJson;
import com.assistantgateway.routes.outbound.OutboundTargets;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.api.management.ManagedCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every place a tenant can make the gateway connect to, tried with production's rules: private targets refused,
 * except the one network 127.0.0.1/32 these tests' allowed servers live on. A forbidden server on 127.0.0.2 (also
 * loopback, so only the guard's decision tells the two apart) counts every request it gets: none may arrive, whether
 * the address was saved as such, reached by a redirect, stored before the rules, or came from a DNS answer that
 * changed after saving (a resolver the test controls plays that DNS server).
 */
@Import(TenantTargetsTest.TestDns.class)
class TenantTargetsTest extends AdminTestSupport {

    static final TargetServer allowed = new TargetServer("127.0.0.1");
    static final TargetServer forbidden = new TargetServer("127.0.0.2");
    /** What the test's DNS answers for names it knows; other names resolve as usual. */
    static final Map<String, String> dns = new ConcurrentHashMap<>();

    @DynamicPropertySource
    static void productionRules(DynamicPropertyRegistry registry) {
        registry.add("gateway.routes.outbound.allow-private-targets", () -> "false");
        registry.add("gateway.routes.outbound.allowed-networks", () -> "127.0.0.1/32");
        registry.add("gateway.routes.outbound.allow-plain-http", () -> "true");
        registry.add("gateway.routes.redelivery.initial-delay", () -> "50ms");
        registry.add("gateway.routes.redelivery.multiplier", () -> "1.0");
        registry.add("gateway.routes.redelivery.max-attempts", () -> "2");
    }

    @TestConfiguration
    static class TestDns {
        @Bean
        OutboundTargets.HostResolver testDns() {
            return host -> dns.containsKey(host)
                    ? new InetAddress[] {InetAddress.getByName(dns.get(host))}
                    : InetAddress.getAllByName(host);
        }
    }

    @Autowired
    CamelContext camel;

    @Autowired
    BindingRoutes bindingRoutes;

    @Autowired
    Credentials credentials;

    @AfterAll
    static void stopServers() {
        allowed.close();
        forbidden.close();
    }

    static Stream<Arguments> settings() {
        String secret = forbidden.url("/secret");
        return Stream.of(
                binding("webhook", "callbackUrl", Map.of("callbackUrl", secret)),
                binding("scrape", "urls", Map.of("urls", allowed.url("/a.html") + "\n" + secret, "schedule", "off")),
                binding("scrape", "sitemap", Map.of("sitemap", secret, "schedule", "off")),
                binding("scrape", "notifyUrl", Map.of("notifyUrl", secret, "schedule", "off")),
                binding("email", "imapHost", mail("127.0.0.2", "127.0.0.1")),
                binding("email", "smtpHost", mail("127.0.0.1", "127.0.0.2")),
                binding("kafka", "brokers", Map.of("brokers", "127.0.0.2:9092")),
                kafka("another tenant's topic", "globex.orders", Map.of(), "start with 'acme.'"),
                kafka(
                        "a reply topic of another tenant",
                        "acme.orders",
                        Map.of("replyTopic", "globex.orders"),
                        "replyTopic"),
                kafka(
                        "another tenant's consumer group",
                        "acme.orders",
                        Map.of("groupId", "gateway.globex.web"),
                        "groupId"),
                Arguments.of(
                        "assistant llm.baseUrl",
                        "PATCH",
                        "/assistants/support",
                        Map.of("settings", Map.of("llm.baseUrl", forbidden.url("/v1"))),
                        "llm.baseUrl"),
                Arguments.of(
                        "assistant frontendUrl",
                        "PATCH",
                        "/assistants/support",
                        Map.of("settings", Map.of("frontendUrl", "javascript:alert(document.cookie)")),
                        "frontendUrl"),
                Arguments.of(
                        "knowledge url", "POST", "/assistants/support/knowledge/url", Map.of("url", secret), "url"),
                Arguments.of(
                        "knowledge url redirected",
                        "POST",
                        "/assistants/support/knowledge/url",
                        Map.of("url", allowed.url("/redirect?to=" + secret)),
                        "non-public"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    void everyTenantSettableUrlOrHostNamingANonPublicAddressIsRefusedWhenSaved(
            String what, String method, String path, Map<String, Object> body, String named) {
        long before = forbidden.requests.size();
        if (path.startsWith("/assistants")) {
            // a support assistant of its own, so the echo assistant the other tests use keeps its settings
            client.send(
                    "POST",
                    "/api/v1/tenants/acme/assistants",
                    Map.of("id", "desk", "type", "support", "name", "Desk"),
                    admin());
        }
        HttpResponse<String> response = client.send(
                method,
                "/api/v1/tenants/acme" + path.replace("/assistants/support", "/assistants/desk"),
                body,
                admin());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains(named);
        assertThat(forbidden.requests.size()).isEqualTo(before);
    }

    @Test
    void aTargetOnTheAllowedNetworkIsAccepted() {
        HttpResponse<String> created = client.send(
                "POST",
                "/api/v1/tenants/acme/bindings",
                Map.of(
                        "id",
                        "hooked-" + sequence.incrementAndGet(),
                        "assistantId",
                        "support",
                        "channel",
                        "webhook",
                        "inboundKey",
                        "acme-hooked-" + sequence.get(),
                        "settings",
                        Map.of("callbackUrl", allowed.url("/hook")),
                        "credentials",
                        Map.of("tokenSha256", ChannelSignatures.sha256Hex("t0ken"))),
                admin());

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    @Test
    void aCallbackHostThatResolvesToAPrivateAddressAfterSavingIsNeverCalled() {
        dns.put("hooks.rebind.test", "127.0.0.1");
        String key = "acme-rebind-" + sequence.incrementAndGet();
        HttpResponse<String> created = client.send(
                "POST",
                "/api/v1/tenants/acme/bindings",
                Map.of(
                        "id",
                        "rebind-" + sequence.get(),
                        "assistantId",
                        "support",
                        "channel",
                        "webhook",
                        "inboundKey",
                        key,
                        "settings",
                        Map.of(
                                "callbackUrl",
                                "http://hooks.rebind.test:"
                                        + java.net
                                                .URI
                                                .create(forbidden.url("/"))
                                                .getPort() + "/hook"),
                        "credentials",
                        Map.of("tokenSha256", ChannelSignatures.sha256Hex("t0ken"))),
                admin());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String callbackRoute = "webhook.outbound.acme.rebind-" + sequence.get();
        long failedBefore = failed(callbackRoute);

        dns.put("hooks.rebind.test", "127.0.0.2");
        client.send("POST", "/channels/webhook/" + key, Map.of("text", "Where is my order?"), "t0ken");

        await().atMost(Duration.ofSeconds(30)).until(() -> failed(callbackRoute) > failedBefore);
        assertThat(forbidden.hitsOn("/hook")).isZero();
    }

    @Test
    void aCrawlRedirectedToAPrivateAddressStopsAtTheRedirect() {
        String id = "crawl-" + sequence.incrementAndGet();
        HttpResponse<String> created = client.send(
                "POST",
                "/api/v1/tenants/acme/bindings",
                Map.of(
                        "id",
                        id,
                        "assistantId",
                        "support",
                        "channel",
                        "scrape",
                        "inboundKey",
                        "acme-" + id,
                        "settings",
                        Map.of(
                                "urls", allowed.url("/redirect?to=" + forbidden.url("/internal.html")),
                                "schedule", "PT1S",
                                "hostDelayMillis", "10"),
                        "credentials",
                        Map.of("tokenSha256", ChannelSignatures.sha256Hex("t0ken"))),
                admin());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(30)).until(() -> completed("scrape.inbound.acme." + id) >= 2);
        assertThat(allowed.hitsOn("/redirect")).isPositive();
        assertThat(forbidden.hitsOn("/internal.html")).isZero();
    }

    @Test
    void bindingsAndAssistantsStoredBeforeTheRulesNeverConnectToPrivateAddresses() {
        String crawl = "stored-crawl-" + sequence.incrementAndGet();
        insertBinding(
                crawl,
                "scrape",
                "acme-" + crawl,
                Map.of("urls", forbidden.url("/stored.html"), "schedule", "PT1S", "hostDelayMillis", "10"),
                Map.of());
        String mailbox = "stored-mail-" + sequence.incrementAndGet();
        insertBinding(
                mailbox, "email", mailbox + "@acme.test", mail("127.0.0.2", "127.0.0.2"), Map.of("password", "x"));
        String topic = "stored-kafka-" + sequence.incrementAndGet();
        insertBinding(topic, "kafka", "orders-" + topic, Map.of(), Map.of());
        jdbc.update(
                "INSERT INTO assistants (tenant_id, id, type, name, model_settings, status, created_at)"
                        + " VALUES ('acme', 'stored-llm', 'support', 'Stored', ?, 'active', CURRENT_TIMESTAMP)",
                CanonicalJson.write(Map.of("llm.baseUrl", forbidden.url("/v1"), "confidenceThreshold", "0")));

        bindingRoutes.reconcile();

        await().atMost(Duration.ofSeconds(30)).until(() -> completed("scrape.inbound.acme." + crawl) >= 2);
        assertThat(forbidden.hitsOn("/stored.html")).isZero();
        assertThat(connection(mailbox).get("state").asText()).isEqualTo("not-started");
        assertThat(connection(mailbox).get("detail").asText()).contains("non-public");
        assertThat(connection(topic).get("state").asText()).isEqualTo("not-started");
        assertThat(connection(topic).get("detail").asText()).contains("start with 'acme.'");
        assertThat(camel.getRoute("email.inbound.acme." + mailbox)).isNull();
        assertThat(camel.getRoute("kafka.inbound.acme." + topic)).isNull();
    }

    @Test
    void aMailServerWhoseHostMovesToAPrivateAddressIsNeverConnectedTo() throws Exception {
        AtomicInteger accepted = new AtomicInteger();
        try (ServerSocket trap = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.2"))) {
            Thread counter = new Thread(() -> {
                while (!trap.isClosed()) {
                    try (Socket ignored = trap.accept()) {
                        accepted.incrementAndGet();
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            counter.setDaemon(true);
            counter.start();
            dns.put("mail.rebind.test", "127.0.0.1");
            String id = "moving-mail-" + sequence.incrementAndGet();
            Map<String, String> settings = new java.util.HashMap<>(mail("mail.rebind.test", "mail.rebind.test"));
            settings.put("imapPort", Integer.toString(trap.getLocalPort()));
            settings.put("pollMillis", "200");
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
                            settings,
                            "credentials",
                            Map.of("password", "x")),
                    admin());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

            dns.put("mail.rebind.test", "127.0.0.2");

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> connection(id).get("state").asText().equals("failing"));
            assertThat(connection(id).get("detail").asText()).contains("non-public");
            assertThat(accepted).hasValue(0);
        }
    }

    private JsonNode connection(String bindingId) {
        return AdminClient.read(client.send("GET", "/api/v1/tenants/acme/bindings/" + bindingId, null, admin())
                        .body())
                .get("connection");
    }

    private void insertBinding(
            String id, String channel, String key, Map<String, String> settings, Map<String, String> secrets) {
        jdbc.update(
                "INSERT INTO channel_bindings (tenant_id, id, assistant_id, channel, inbound_key, settings, credentials,"
                        + " status, created_at) VALUES ('acme', ?, 'support', ?, ?, ?, ?, 'active', CURRENT_TIMESTAMP)",
                id,
                channel,
                key,
                CanonicalJson.write(settings),
                credentials.seal(secrets));
    }

    private long failed(String routeId) {
        var route = managed().getManagedRoute(routeId);
        return route == null ? 0 : route.getExchangesFailed();
    }

    private long completed(String routeId) {
        var route = managed().getManagedRoute(routeId);
        return route == null ? 0 : route.getExchangesCompleted();
    }

    private ManagedCamelContext managed() {
        return camel.getCamelContextExtension().getContextPlugin(ManagedCamelContext.class);
    }

    private String admin() {
        return client.login(email("acme", Role.TENANT_ADMIN), PASSWORD);
    }

    private static Arguments binding(String channel, String setting, Map<String, String> settings) {
        int n = SEQUENCE.incrementAndGet();
        Map<String, Object> body = Map.of(
                "id",
                "refused-" + n,
                "assistantId",
                "support",
                "channel",
                channel,
                "inboundKey",
                channel.equals("kafka") ? "acme.refused-" + n : "refused-" + n + "@acme.test",
                "settings",
                settings,
                "credentials",
                Map.of("password", "x", "tokenSha256", "1".repeat(64)));
        return Arguments.of(channel + " " + setting, "POST", "/bindings", body, setting);
    }

    private static Arguments kafka(String what, String topic, Map<String, String> settings, String named) {
        int n = SEQUENCE.incrementAndGet();
        Map<String, Object> body = Map.of(
                "id",
                "kafka-" + n,
                "assistantId",
                "support",
                "channel",
                "kafka",
                "inboundKey",
                topic + "-" + n,
                "settings",
                settings);
        return Arguments.of("kafka " + what, "POST", "/bindings", body, named);
    }

    private static Map<String, String> mail(String imapHost, String smtpHost) {
        return Map.of(
                "imapProtocol", "imap",
                "imapHost", imapHost,
                "imapPort", "3143",
                "smtpProtocol", "smtp",
                "smtpHost", smtpHost,
                "smtpPort", "3025");
    }

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
}
