package com.assistantgateway.gateway.demo;

import com.assistantgateway.adapters.email.EmailBinding;
import com.assistantgateway.adapters.webchat.WebchatBinding;
import com.assistantgateway.adapters.webhook.WebhookBinding;
import com.assistantgateway.admin.knowledge.KnowledgeSource;
import com.assistantgateway.admin.knowledge.KnowledgeSources;
import com.assistantgateway.admin.registry.NewAssistant;
import com.assistantgateway.admin.registry.NewBinding;
import com.assistantgateway.admin.registry.NewTenant;
import com.assistantgateway.admin.registry.TenantRegistry;
import com.assistantgateway.admin.scenarios.ScenarioRunner;
import com.assistantgateway.admin.security.NewUser;
import com.assistantgateway.admin.security.Role;
import com.assistantgateway.admin.security.Users;
import com.assistantgateway.gateway.GatewayProperties;
import com.assistantgateway.gateway.readiness.Readiness;
import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.BindingId;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.StartupCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo tenant once (profiles embedded or demo). The gateway is not ready before the demo's knowledge is
 * indexed, so the walkthrough's first question is answered with its citation; once ready, it prints where to send it.
 */
@Component
@Profile({"embedded", "demo"})
class DemoTenant implements ApplicationRunner, StartupCheck {

    static final TenantId TENANT = new TenantId("demo");
    static final AssistantId SUPPORT = new AssistantId("support");
    static final AssistantId ECHO = new AssistantId("echo");
    static final BindingId EMAIL_BINDING = new BindingId("email-demo");
    static final BindingId WEBCHAT_BINDING = new BindingId("webchat-demo");
    static final String DEMO_THRESHOLD = "0.48";

    private static final Logger log = LoggerFactory.getLogger(DemoTenant.class);
    private static final String ACTOR = "system:demo-seed";

    private final TenantRegistry registry;
    private final KnowledgeSources knowledge;
    private final Users users;
    private final ScenarioRunner scenarios;
    private final GatewayProperties.Demo demo;
    private final WebServerApplicationContext web;
    private volatile boolean seeded;
    private volatile boolean indexed;

    DemoTenant(
            TenantRegistry registry,
            KnowledgeSources knowledge,
            Users users,
            ScenarioRunner scenarios,
            GatewayProperties properties,
            WebServerApplicationContext web) {
        this.scenarios = scenarios;
        this.registry = registry;
        this.knowledge = knowledge;
        this.users = users;
        this.demo = properties.demo();
        this.web = web;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.enabled()) {
            return;
        }
        if (registry.tenant(TENANT).isEmpty()) {
            seed();
        }
        seedUsers();
        if (scenarios.set(TENANT, SUPPORT).scenarios().isEmpty()) {
            // The scenarios the build runs, and that set the support assistant's confidence threshold.
            scenarios.saveSet(TENANT, SUPPORT, ScenarioRunner.readSet(text("demo/scenarios/support.json")), ACTOR);
        }
        if (registry.find(TENANT, WEBCHAT_BINDING).isEmpty()) {
            registry.createBinding(
                    TENANT,
                    new NewBinding(
                            WEBCHAT_BINDING,
                            SUPPORT,
                            WebchatBinding.CHANNEL,
                            "demo",
                            Map.of(
                                    WebchatBinding.ALLOWED_ORIGINS, demo.webchatOrigins(),
                                    WebchatBinding.TITLE, "Demo Car Parts",
                                    WebchatBinding.GREETING, "Hi! Ask me about orders, returns, shipping or warranty."),
                            Map.of()),
                    ACTOR);
        }
        if (demo.email().configured() && registry.find(TENANT, EMAIL_BINDING).isEmpty()) {
            bindMailbox(demo.email());
        }
        seeded = true;
    }

    /** Waits until the demo's knowledge is indexed (or has failed, which its sources then say). */
    @Override
    public Optional<String> pending() {
        if (!demo.enabled()) {
            return Optional.empty();
        }
        if (!seeded) {
            return Optional.of("demo tenant being seeded");
        }
        // Once indexed it stays done: an admin re-indexing a demo source later does not make the instance unready.
        indexed = indexed
                || registry.tenant(TENANT).isEmpty()
                || knowledge.list(TENANT, SUPPORT).stream().noneMatch(KnowledgeSource::inProgress);
        return indexed ? Optional.empty() : Optional.of("demo knowledge being indexed");
    }

    @EventListener
    void on(Readiness.GatewayReady ready) {
        if (!demo.enabled()) {
            return;
        }
        int port = web.getWebServer().getPort();
        log.info(
                """

                Assistant Gateway is ready. Ask the demo support assistant:
                  curl -s -X POST http://localhost:{}/channels/webhook/demo \\
                    -H 'Authorization: Bearer {}' -H 'Content-Type: application/json' \\
                    -d '{"from": "customer@example.com", "text": "How long is the warranty on a brake caliper?"}'
                then read the reply with GET http://localhost:{}/channels/webhook/demo/messages/<messageId>
                Web chat: http://localhost:{}/chat/demo/support  (embed it in a page on an allowed origin with
                  <script async src="http://localhost:{}/widget/v1/loader.js" data-binding="demo"></script>)
                Console: http://localhost:{}/console  (sign in as admin@demo.local, password: {})
                Hawtio:  http://localhost:{}/actuator/hawtio  (platform admin: admin@gateway.local, same password)
                """,
                port,
                demo.token(),
                port,
                port,
                port,
                port,
                demo.password(),
                port);
    }

    private void seed() {
        registry.createTenant(new NewTenant(TENANT, "Demo Car Parts", "trial", "retail", List.of("en", "nl")), ACTOR);
        registry.createAssistant(
                TENANT,
                new NewAssistant(
                        SUPPORT,
                        "support",
                        "Parts Desk",
                        "Friendly, brief and precise; speaks like an experienced parts counter clerk.",
                        "Help customers of Demo Car Parts with orders, returns, shipping, warranty and opening hours.",
                        // Set from the demo's scenario run (demo/scenarios/support.json): midway between its most
                        // confident off-topic question (0.45, Dutch) and its least confident answer (0.52).
                        Map.of("confidenceThreshold", DEMO_THRESHOLD)),
                ACTOR);
        registry.createAssistant(TENANT, new NewAssistant(ECHO, "echo", "Echo", null, null, Map.of()), ACTOR);
        registry.createBinding(
                TENANT,
                new NewBinding(
                        new BindingId("webhook-demo"),
                        SUPPORT,
                        WebhookBinding.CHANNEL,
                        "demo",
                        WebhookBinding.settings(demo.callbackUrl()),
                        WebhookBinding.credentials(demo.token(), demo.signingSecret())),
                ACTOR);
        registry.createBinding(
                TENANT,
                new NewBinding(
                        new BindingId("webhook-demo-echo"),
                        ECHO,
                        WebhookBinding.CHANNEL,
                        "demo-echo",
                        WebhookBinding.settings(demo.callbackUrl()),
                        WebhookBinding.credentials(demo.token(), demo.signingSecret())),
                ACTOR);
        int sources = 0;
        for (Resource page : knowledgePages()) {
            knowledge.upload(TENANT, SUPPORT, page.getFilename(), "text/markdown", read(page), ACTOR);
            sources++;
        }
        log.info("seeded demo tenant '{}'; {} knowledge sources queued for ingestion", TENANT, sources);
    }

    /** One account per role; the demo listens on localhost only, so a well-known password is acceptable here. */
    private void seedUsers() {
        seedUser(null, "admin@gateway.local", "Platform admin", Role.PLATFORM_ADMIN);
        seedUser(TENANT, "admin@demo.local", "Demo admin", Role.TENANT_ADMIN);
        seedUser(TENANT, "manager@demo.local", "Demo agent manager", Role.AGENT_MANAGER);
        seedUser(TENANT, "viewer@demo.local", "Demo viewer", Role.USER);
    }

    private void seedUser(TenantId tenant, String email, String name, Role role) {
        if (!users.exists(email)) {
            users.seed(tenant, new NewUser(email, name, demo.password(), role), ACTOR);
        }
    }

    private void bindMailbox(GatewayProperties.Email email) {
        Map<String, String> settings = new LinkedHashMap<>(EmailBinding.settings(
                email.imapProtocol(),
                email.imapHost(),
                email.imapPort(),
                email.smtpProtocol(),
                email.smtpHost(),
                email.smtpPort()));
        settings.put(EmailBinding.FROM_NAME, "Demo Car Parts");
        settings.put(EmailBinding.POLL_MILLIS, Long.toString(email.pollMillis()));
        String username = email.username().isBlank() ? email.address() : email.username();
        registry.createBinding(
                TENANT,
                new NewBinding(
                        EMAIL_BINDING,
                        SUPPORT,
                        EmailBinding.CHANNEL,
                        email.address(),
                        settings,
                        EmailBinding.credentials(username, email.password())),
                ACTOR);
        log.info(
                "demo support assistant answers mail to {} (IMAP {}:{})",
                email.address(),
                email.imapHost(),
                email.imapPort());
    }

    private static Resource[] knowledgePages() {
        try {
            return new PathMatchingResourcePatternResolver().getResources("classpath:demo/knowledge/*.md");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(String classpath) {
        try {
            return new org.springframework.core.io.ClassPathResource(classpath)
                    .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Resource page) {
        try {
            return page.getContentAsByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
