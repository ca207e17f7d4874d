package com.assistantgateway.gateway.admin;

import static org.awaitility.Awaitility.await;

import com.assistantgateway.admin.knowledge.KnowledgeSources;
import com.assistantgateway.admin.ledger.JdbcMessageLedger;
import com.assistantgateway.admin.registry.NewAssistant;
import com.assistantgateway.admin.registry.NewBinding;
import com.assistantgateway.admin.registry.NewTenant;
import com.assistantgateway.admin.registry.TenantRegistry;
import com.assistantgateway.admin.scenarios.ScenarioRunner;
import com.assistantgateway.admin.scenarios.ScenarioSet;
import com.assistantgateway.admin.security.ApiKeys;
import com.assistantgateway.admin.security.GatewayPrincipal;
import com.assistantgateway.admin.security.NewUser;
import com.assistantgateway.admin.security.Role;
import com.assistantgateway.admin.security.Users;
import com.assistantgateway.gateway.GatewayApplication;
import com.assistantgateway.routes.backbone.BrokerDeadLetters;
import com.assistantgateway.routes.backbone.GatewayHeaders;
import com.assistantgateway.routes.backbone.GatewayQueues;
import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.BindingId;
import com.assistantgateway.routes.message.CanonicalJson;
import com.assistantgateway.routes.message.ChannelId;
import com.assistantgateway.routes.message.ConversationId;
import com.assistantgateway.routes.message.GatewayMessage;
import com.assistantgateway.routes.message.TenantId;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.activemq.artemis.core.filter.impl.FilterImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One gateway on embedded defaults shared by the admin tests, with two fully populated tenants that hold the same ids
 * (assistant {@code support}, bindings {@code web} and {@code chat}, conversation {@code c-1}), so "not found" in the other tenant can
 * only come from tenant scoping, never from an id that happens not to exist there.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(
        tracing = false) // tests turn metric export off unless asked: /actuator/prometheus is tested
abstract class AdminTestSupport {

    static final String PASSWORD = "correct horse battery";
    static final String PLATFORM_ADMIN = "root@platform.test";
    static final AtomicInteger sequence = new AtomicInteger();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        // Called once per application context: a test class that adds settings of its own gets a data dir of its own.
        Path dataDir = tempDir();
        registry.add("gateway.data-dir", dataDir::toString);
        registry.add("gateway.admin.bootstrap-admin-email", () -> PLATFORM_ADMIN);
        registry.add("gateway.admin.bootstrap-admin-password", () -> PASSWORD);
    }

    @Autowired
    TenantRegistry registry;

    @Autowired
    Users users;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    KnowledgeSources knowledge;

    @Autowired
    JdbcMessageLedger ledger;

    @Autowired
    ScenarioRunner scenarios;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ConnectionFactory connectionFactory;

    @Autowired
    EmbeddedActiveMQ broker;

    @LocalServerPort
    int port;

    AdminClient client;
    Side acme;
    Side globex;

    @BeforeEach
    void tenants() {
        client = new AdminClient(port);
        acme = side("acme");
        globex = side("globex");
    }

    /** A tenant with one user per role, an assistant, a binding, a knowledge source, a conversation and a key. */
    Side side(String slug) {
        TenantId tenant = new TenantId(slug);
        if (registry.tenant(tenant).isEmpty()) {
            registry.createTenant(new NewTenant(tenant, slug + " Inc", "business", "retail", List.of("en")), "test");
            for (Role role : List.of(Role.TENANT_ADMIN, Role.AGENT_MANAGER, Role.USER)) {
                users.seed(tenant, new NewUser(email(slug, role), role.name(), PASSWORD, role), "test");
            }
            registry.createAssistant(
                    tenant,
                    new NewAssistant(new AssistantId("support"), "echo", "Support", null, null, Map.of()),
                    "test");
            registry.createBinding(
                    tenant,
                    new NewBinding(
                            new BindingId("web"),
                            new AssistantId("support"),
                            new ChannelId("webhook"),
                            slug + "-web",
                            Map.of(),
                            Map.of("tokenSha256", "0".repeat(64), "signingSecret", slug + "-signing-secret")),
                    "test");
            registry.createBinding(
                    tenant,
                    new NewBinding(
                            new BindingId("chat"),
                            new AssistantId("support"),
                            new ChannelId("webchat"),
                            slug + "-chat",
                            Map.of("allowedOrigins", "https://" + slug + ".test"),
                            Map.of()),
                    "test");
            ledger.accept(message(tenant, "c-1", "customer@" + slug + ".test", "Where is my order?"));
            scenarios.saveSet(
                    tenant,
                    new AssistantId("support"),
                    new ScenarioSet(List.of(new ScenarioSet.Scenario(
                            "echoes",
                            List.of("hello"),
                            null,
                            new ScenarioSet.Expectation(List.of("answered"), null, null, null, null, null, null)))),
                    "test");
        }
        return new Side(tenant);
    }

    static String email(String slug, Role role) {
        return role.name().toLowerCase().replace('_', '-') + "@" + slug + ".test";
    }

    static GatewayMessage message(TenantId tenant, String conversation, String from, String text) {
        return message(tenant, conversation, from, text, Instant.now());
    }

    static GatewayMessage message(TenantId tenant, String conversation, String from, String text, Instant receivedAt) {
        return GatewayMessage.inbound()
                .tenant(tenant)
                .assistant(new AssistantId("support"))
                .binding(new BindingId("web"))
                .channel(new ChannelId("webhook"))
                .conversation(new ConversationId(conversation))
                .channelMessageId(UUID.randomUUID().toString())
                .from(from)
                .to("support")
                .text(text)
                .receivedAt(receivedAt)
                .build();
    }

    long auditCount(String actor) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM audit_events WHERE actor = ?", Long.class, actor);
        return count == null ? 0 : count;
    }

    /** What a test needs of a tenant: its slug, and fresh objects to change or delete. */
    final class Side {
        final TenantId tenant;

        Side(TenantId tenant) {
            this.tenant = tenant;
        }

        String slug() {
            return tenant.value();
        }

        String freshSource() {
            return knowledge
                    .upload(
                            tenant,
                            new AssistantId("support"),
                            "page-" + sequence.incrementAndGet() + ".md",
                            "text/markdown",
                            "# Returns\n\nReturns are free within 30 days.\n".getBytes(StandardCharsets.UTF_8),
                            "test")
                    .id();
        }

        String freshKey() {
            GatewayPrincipal admin = users.authenticate(email(slug(), Role.TENANT_ADMIN), PASSWORD)
                    .orElseThrow();
            return apiKeys.create(tenant, "key " + sequence.incrementAndGet(), List.of("conversations:read"), admin)
                    .apiKey()
                    .id();
        }

        /** A stored run of the tenant's scenarios. */
        String freshRun() {
            return scenarios.run(tenant, new AssistantId("support"), "test").id();
        }

        String freshUser() {
            return users.seed(
                            tenant,
                            new NewUser(
                                    "user" + sequence.incrementAndGet() + "@" + slug() + ".test",
                                    "Someone",
                                    PASSWORD,
                                    Role.USER),
                            "test")
                    .id();
        }

        String freshManager() {
            return users.seed(
                            tenant,
                            new NewUser(
                                    "manager" + sequence.incrementAndGet() + "@" + slug() + ".test",
                                    "Manager",
                                    PASSWORD,
                                    Role.AGENT_MANAGER),
                            "test")
                    .id();
        }

        /** A conversation of its own, so taking it over or erasing its participant touches nothing else. */
        String freshConversation() {
            String id = "c-" + sequence.incrementAndGet();
            ledger.accept(message(tenant, id, "p" + sequence.get() + "@" + slug() + ".test", "Hello?"));
            return id;
        }

        /**
         * A message the broker dead-letters itself, as after its last attempt: sent to a queue no route here consumes
         * (the Kafka channel's; these tenants have no Kafka binding), then moved to the dead-letter address by the
         * broker's own queue API. Returns the broker's id for it.
         */
        String freshDeadLetter() {
            JmsTemplate jms = new JmsTemplate(connectionFactory);
            String messageId = UUID.randomUUID().toString();
            String queue = GatewayQueues.channelQueue(new ChannelId("kafka"));
            jms.send(queue, session -> {
                Message message = session.createTextMessage(CanonicalJson.write(
                        message(tenant, "dead-" + sequence.incrementAndGet(), "dlq@" + slug() + ".test", "Hi")));
                message.setStringProperty(GatewayHeaders.TENANT_ID, slug());
                message.setStringProperty(GatewayHeaders.MESSAGE_ID, messageId);
                message.setStringProperty(GatewayHeaders.DIRECTION, "OUTBOUND");
                return message;
            });
            try {
                broker.getActiveMQServer()
                        .locateQueue(queue)
                        .sendMessagesToDeadLetterAddress(
                                FilterImpl.createFilter(GatewayHeaders.MESSAGE_ID + " = '" + messageId + "'"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return await().atMost(Duration.ofSeconds(10))
                    .until(
                            () -> jms.browseSelected(
                                    BrokerDeadLetters.DEAD_LETTER_ADDRESS + "::" + BrokerDeadLetters.PREFIX + queue,
                                    GatewayHeaders.MESSAGE_ID + " = '" + messageId + "'",
                                    (session, browser) -> {
                                        var found = browser.getEnumeration();
                                        return found.hasMoreElements()
                                                ? ((Message) found.nextElement()).getJMSMessageID()
                                                : null;
                                    }),
                            java.util.Objects::nonNull);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("gateway-admin-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
