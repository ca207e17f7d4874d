package com.assistantgateway.gateway.channels;

import static org.assertj.core.api.Assertions.assertThat;

import com.assistantgateway.adapters.webchat.VisitorTokens;
import com.assistantgateway.adapters.webchat.WebchatBinding;
import com.assistantgateway.admin.inbox.Conversations;
import com.assistantgateway.admin.ledger.JdbcMessageLedger;
import com.assistantgateway.admin.limits.BucketInboundLimits;
import com.assistantgateway.admin.limits.TenantLimits;
import com.assistantgateway.admin.registry.NewAssistant;
import com.assistantgateway.admin.registry.NewBinding;
import com.assistantgateway.admin.registry.NewTenant;
import com.assistantgateway.admin.registry.TenantRegistry;
import com.assistantgateway.gateway.channels.WebchatVisitor.Event;
import com.assistantgateway.gateway.channels.WebchatVisitor.Response;
import com.assistantgateway.gateway.channels.WebchatVisitor.Stream;
import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.BindingId;
import com.assistantgateway.routes.message.ConversationId;
import com.assistantgateway.routes.message.GatewayMessage;
import com.assistantgateway.routes.message.MessageId;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.AttachmentStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The web chat channel over HTTP as the widget speaks it, against the demo's support assistant: sessions per allowed
 * origin, verified visitors, the event stream's replay after a dropped connection, and an agent's reply reaching the
 * open stream.
 */
class WebchatChannelTest extends ChannelsTestSupport {

    static final TenantId DEMO = new TenantId("demo");
    static final String SITE = "https://shop.demo-parts.example";
    static final String IDENTITY_SECRET = "tenant-server-secret";
    static final Duration ANSWERED = Duration.ofSeconds(30);

    @Autowired
    TenantRegistry registry;

    @Autowired
    Conversations conversations;

    @Autowired
    BucketInboundLimits limits;

    @Autowired
    JdbcMessageLedger ledger;

    @Autowired
    AttachmentStore attachments;

    @LocalServerPort
    int port;

    WebchatVisitor visitor;

    @BeforeEach
    void bindings() {
        bind("wc-anonymous", "wc-anonymous", Map.of());
        bind("wc-verified", "wc-verified", Map.of(WebchatBinding.IDENTITY, "verified"));
        visitor = new WebchatVisitor(port, SITE);
    }

    private void bind(String id, String key, Map<String, String> settings) {
        if (registry.find(DEMO, new BindingId(id)).isPresent()) {
            return;
        }
        Map<String, String> all = new HashMap<>(settings);
        all.put(WebchatBinding.ALLOWED_ORIGINS, SITE);
        registry.createBinding(
                DEMO,
                new NewBinding(
                        new BindingId(id),
                        new AssistantId("support"),
                        WebchatBinding.CHANNEL,
                        key,
                        all,
                        Map.of(WebchatBinding.IDENTITY_SECRET, IDENTITY_SECRET)),
                "test");
    }

    @Test
    void aVisitorOnAnAllowedOriginIsAnsweredWithItsCitationOnTheEventStream() throws Exception {
        Response session = visitor.session("wc-anonymous", Map.of());
        assertThat(session.status()).isEqualTo(201);
        assertThat(session.body().path("theme").path("title").asText()).isEqualTo("Chat with us");
        String token = session.body().path("session").asText();

        try (Stream stream = visitor.stream("wc-anonymous", token, null)) {
            assertThat(stream.status).isEqualTo(200);
            assertThat(stream.headers.get("X-Accel-Buffering")).containsExactly("no");
            assertThat(stream.headers.get("Access-Control-Allow-Origin")).containsExactly(SITE);
            assertThat(stream.replay(ANSWERED)).isEmpty();

            Response sent = visitor.send("wc-anonymous", token, "How long is the warranty on a brake caliper?", "m-1");
            assertThat(sent.status()).isEqualTo(202);

            Event question = stream.next("message", ANSWERED);
            assertThat(question.data().path("role").asText()).isEqualTo("visitor");
            assertThat(question.data().path("id").asText())
                    .isEqualTo(sent.body().path("messageId").asText());
            Event answer = stream.next("message", ANSWERED);
            assertThat(answer.data().path("role").asText()).isEqualTo("assistant");
            assertThat(answer.data().path("text").asText()).contains("2 years");
            assertThat(answer.data().path("citations").get(0).path("title").asText())
                    .isEqualTo("Warranty > Warranty periods");
            assertThat(Long.parseLong(answer.id())).isGreaterThan(Long.parseLong(question.id()));
        }
    }

    @Test
    void originsNotListedAreRefusedBothBySessionsAndByCors() {
        WebchatVisitor stranger = new WebchatVisitor(port, "https://evil.example");
        Response refused = stranger.session("wc-anonymous", Map.of());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().path("title").asText()).isEqualTo("origin-not-allowed");
        // The refusal is readable by the page (its widget says why there is no chat); nothing else is.
        assertThat(refused.headers().get("Access-Control-Allow-Origin")).containsExactly("https://evil.example");

        WebchatVisitor noPage = new WebchatVisitor(port, null);
        assertThat(noPage.session("wc-anonymous", Map.of()).status()).isEqualTo(403);

        String token =
                visitor.session("wc-anonymous", Map.of()).body().path("session").asText();
        Response stolen = stranger.send("wc-anonymous", token, "hello", "m-1");
        assertThat(stolen.status()).isEqualTo(403);
        assertThat(stolen.headers().get("Access-Control-Allow-Origin")).isNull();
        try (Stream stream = stranger.stream("wc-anonymous", token, null)) {
            assertThat(stream.status).isEqualTo(403);
            assertThat(stream.headers.get("Access-Control-Allow-Origin")).isNull();
        }
    }

    @Test
    void messagesNeedAValidSessionOfTheirOwnBinding() {
        String otherBinding = visitor.session(
                        "wc-verified",
                        Map.of("visitorId", "u-1", "visitorHash", VisitorTokens.visitorHash(IDENTITY_SECRET, "u-1")))
                .body()
                .path("session")
                .asText();
        assertThat(visitor.send("wc-anonymous", otherBinding, "hello", "m-1").status())
                .isEqualTo(401);
        assertThat(visitor.send("wc-anonymous", "forged.token", "hello", "m-1").status())
                .isEqualTo(401);
        assertThat(visitor.send("wc-anonymous", null, "hello", "m-1").status()).isEqualTo(401);
    }

    @Test
    void whenVerificationIsRequiredUnsignedVisitorsAreRefusedAndSignedOnesKeepTheirConversationAcrossDevices()
            throws Exception {
        assertThat(visitor.session("wc-verified", Map.of()).status()).isEqualTo(401);
        assertThat(visitor.session("wc-verified", Map.of("visitorId", "u-42", "visitorHash", "0".repeat(64)))
                        .status())
                .isEqualTo(401);
        String user = "u-" + UUID.randomUUID();
        Map<String, String> signed =
                Map.of("visitorId", user, "visitorHash", VisitorTokens.visitorHash(IDENTITY_SECRET, user));

        Response laptop = visitor.session("wc-verified", signed);
        assertThat(laptop.status()).isEqualTo(201);
        String token = laptop.body().path("session").asText();
        try (Stream stream = visitor.stream("wc-verified", token, null)) {
            stream.replay(ANSWERED);
            visitor.send("wc-verified", token, "What are your opening hours?", "m-1");
            stream.next("message", ANSWERED);
            assertThat(stream.next("message", ANSWERED).data().path("role").asText())
                    .isEqualTo("assistant");
        }

        Response phone = visitor.session("wc-verified", signed);
        assertThat(phone.body().path("conversationId").asText())
                .isEqualTo(laptop.body().path("conversationId").asText());
        try (Stream history =
                visitor.stream("wc-verified", phone.body().path("session").asText(), null)) {
            List<Event> replayed = history.replay(ANSWERED);
            assertThat(replayed)
                    .extracting(event -> event.data().path("role").asText())
                    .containsExactly("visitor", "assistant");
            assertThat(replayed.get(0).data().path("text").asText()).isEqualTo("What are your opening hours?");
        }
    }

    @Test
    void aDroppedStreamResumedWithLastEventIdLosesAndRepeatsNothing() throws Exception {
        String token =
                visitor.session("wc-anonymous", Map.of()).body().path("session").asText();
        List<Event> seen = new ArrayList<>();
        String lastId;
        try (Stream stream = visitor.stream("wc-anonymous", token, null)) {
            stream.replay(ANSWERED);
            visitor.send("wc-anonymous", token, "Do you ship to Belgium?", "m-1");
            seen.add(stream.next("message", ANSWERED));
            seen.add(stream.next("message", ANSWERED));
            lastId = seen.get(1).id();
        } // the connection drops here

        // While the visitor is away, two more questions (a retried post among them) are answered.
        Response second = visitor.send("wc-anonymous", token, "How long is the warranty on a brake caliper?", "m-2");
        Response retried = visitor.send("wc-anonymous", token, "How long is the warranty on a brake caliper?", "m-2");
        assertThat(retried.body().path("messageId").asText())
                .isEqualTo(second.body().path("messageId").asText());
        visitor.send("wc-anonymous", token, "What are your opening hours?", "m-3");

        try (Stream resumed = visitor.stream("wc-anonymous", token, lastId)) {
            List<Event> missed = new ArrayList<>(resumed.replay(ANSWERED));
            while (missed.size() < 4) {
                missed.add(resumed.next("message", ANSWERED));
            }
            seen.addAll(missed);
        }
        // Each question once, each answered once (the two asked while away may interleave), in ledger order.
        List<String> questions = seen.stream()
                .filter(event -> event.data().path("role").asText().equals("visitor"))
                .map(event -> event.data().path("id").asText())
                .toList();
        List<String> answered = seen.stream()
                .filter(event -> event.data().path("role").asText().equals("assistant"))
                .map(event -> event.data().path("replyTo").asText())
                .toList();
        assertThat(questions).hasSize(3).doesNotHaveDuplicates();
        assertThat(answered).containsExactlyInAnyOrderElementsOf(questions);
        assertThat(seen).extracting(event -> event.data().path("id").asText()).doesNotHaveDuplicates();
        assertThat(seen)
                .extracting(event -> Long.parseLong(event.id()))
                .doesNotHaveDuplicates()
                .isSorted();
    }

    @Test
    void aVisitorOverTheTenantsPerSenderLimitIsToldToWaitAndNothingIsStored() {
        TenantId tenant = new TenantId("wc-limited");
        if (registry.tenant(tenant).isEmpty()) {
            registry.createTenant(new NewTenant(tenant, "Limited", "trial", "retail", List.of("en")), "test");
            registry.createAssistant(
                    tenant, new NewAssistant(new AssistantId("echo"), "echo", "Echo", null, null, Map.of()), "test");
            registry.createBinding(
                    tenant,
                    new NewBinding(
                            new BindingId("chat"),
                            new AssistantId("echo"),
                            WebchatBinding.CHANNEL,
                            "wc-limited",
                            Map.of(WebchatBinding.ALLOWED_ORIGINS, SITE),
                            Map.of()),
                    "test");
        }
        limits.set(tenant, new TenantLimits(0, 2, 0), "test");
        String first =
                visitor.session("wc-limited", Map.of()).body().path("session").asText();
        String second =
                visitor.session("wc-limited", Map.of()).body().path("session").asText();

        assertThat(visitor.send("wc-limited", first, "one", "m-1").status()).isEqualTo(202);
        assertThat(visitor.send("wc-limited", first, "two", "m-2").status()).isEqualTo(202);
        Response third = visitor.send("wc-limited", first, "three", "m-3");
        assertThat(third.status()).isEqualTo(429);
        assertThat(third.body().path("title").asText()).isEqualTo("rate-limited");
        assertThat(third.headers().get("Retry-After"))
                .singleElement()
                .satisfies(seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
        // The limit is the visitor's: another visitor on the same binding is still answered.
        assertThat(visitor.send("wc-limited", second, "hello", "m-1").status()).isEqualTo(202);
    }

    @Test
    void filesOfTheTypesAndSizeTheBindingAcceptsAreStoredWithTheMessageAndOthersAreRefused() throws Exception {
        bind(
                "wc-files",
                "wc-files",
                Map.of(
                        WebchatBinding.ATTACHMENT_TYPES, "image/*, application/pdf",
                        WebchatBinding.ATTACHMENT_MAX_BYTES, "1000"));
        Response session = visitor.session("wc-files", Map.of());
        assertThat(session.body().path("attachments").path("types").toString())
                .isEqualTo("[\"image/*\",\"application/pdf\"]");
        String token = session.body().path("session").asText();
        byte[] photo = "not really a png, but bytes".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        try (Stream stream = visitor.stream("wc-files", token, null)) {
            stream.replay(ANSWERED);
            Response sent = visitor.post(
                    "wc-files/messages",
                    token,
                    Map.of(
                            "text",
                            "",
                            "clientMessageId",
                            "m-1",
                            "attachments",
                            List.of(file("caliper.png", "image/png", photo))));
            assertThat(sent.status()).isEqualTo(202);
            Event mine = stream.next("message", ANSWERED);
            assertThat(mine.data().path("attachments").get(0).path("fileName").asText())
                    .isEqualTo("caliper.png");
            assertThat(mine.data().path("text").asText()).isEqualTo("(1 attachment(s) without text)");
            // A file without a question is not answered from the knowledge base: a person takes it.
            Event reply = stream.next("message", ANSWERED);
            assertThat(reply.data().path("text").asText())
                    .startsWith("Thank you. I'm passing your question to a colleague");
            assertThat(reply.data().path("citations")).isEmpty();

            GatewayMessage stored = ledger.find(
                            DEMO, new MessageId(sent.body().path("messageId").asText()))
                    .orElseThrow()
                    .message();
            assertThat(stored.attachments()).singleElement().satisfies(ref -> {
                assertThat(ref.contentType()).isEqualTo("image/png");
                assertThat(attachments.read(DEMO, ref)).hasValue(photo);
            });
        }

        Response html = visitor.post(
                "wc-files/messages",
                token,
                Map.of(
                        "text",
                        "see",
                        "clientMessageId",
                        "m-2",
                        "attachments",
                        List.of(file("page.html", "text/html", photo))));
        assertThat(html.status()).isEqualTo(415);
        assertThat(html.body().path("title").asText()).isEqualTo("attachment-type-not-accepted");
        Response large = visitor.post(
                "wc-files/messages",
                token,
                Map.of(
                        "text",
                        "see",
                        "clientMessageId",
                        "m-3",
                        "attachments",
                        List.of(file("scan.pdf", "application/pdf", new byte[1001]))));
        assertThat(large.status()).isEqualTo(413);
        String plain =
                visitor.session("wc-anonymous", Map.of()).body().path("session").asText();
        Response none = visitor.post(
                "wc-anonymous/messages",
                plain,
                Map.of(
                        "text",
                        "see",
                        "clientMessageId",
                        "m-1",
                        "attachments",
                        List.of(file("caliper.png", "image/png", photo))));
        assertThat(none.status()).isEqualTo(415);
        assertThat(none.body().path("title").asText()).isEqualTo("attachments-not-accepted");
    }

    private static Map<String, String> file(String name, String type, byte[] content) {
        return Map.of(
                "fileName",
                name,
                "contentType",
                type,
                "data",
                java.util.Base64.getEncoder().encodeToString(content));
    }

    @Test
    void anAgentWhoTakesTheConversationOverIsSeenInTheOpenWidget() throws Exception {
        Response session = visitor.session("wc-anonymous", Map.of());
        String token = session.body().path("session").asText();
        ConversationId conversation =
                new ConversationId(session.body().path("conversationId").asText());
        try (Stream stream = visitor.stream("wc-anonymous", token, null)) {
            stream.replay(ANSWERED);
            visitor.send("wc-anonymous", token, "Can I speak to a person about my order?", "m-1");
            stream.next("message", ANSWERED);
            stream.next("message", ANSWERED);

            conversations.takeOver(DEMO, conversation, "agent@demo.local");
            conversations.reply(
                    DEMO, conversation, "Hi, this is Sam from the parts desk. Which order?", "agent@demo.local");

            Event reply = stream.next("message", ANSWERED);
            assertThat(reply.data().path("role").asText()).isEqualTo("agent");
            assertThat(reply.data().path("text").asText()).startsWith("Hi, this is Sam");
        }
    }
}
