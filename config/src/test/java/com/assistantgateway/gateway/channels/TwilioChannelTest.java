package com.assistantgateway.gateway.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.assistantgateway.adapters.twilio.TwilioBinding;
import com.assistantgateway.admin.channels.JdbcChannelState;
import com.assistantgateway.admin.ledger.JdbcMessageLedger;
import com.assistantgateway.admin.limits.BucketInboundLimits;
import com.assistantgateway.admin.limits.TenantLimits;
import com.assistantgateway.admin.registry.NewBinding;
import com.assistantgateway.admin.registry.TenantRegistry;
import com.assistantgateway.routes.backbone.Envelope;
import com.assistantgateway.routes.backbone.GatewayHeaders;
import com.assistantgateway.routes.backbone.GatewayQueues;
import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.BindingId;
import com.assistantgateway.routes.message.CanonicalJson;
import com.assistantgateway.routes.message.ChannelId;
import com.assistantgateway.routes.message.ConversationId;
import com.assistantgateway.routes.message.GatewayMessage;
import com.assistantgateway.routes.message.MessageId;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.Delivery;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.MessageReference;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * SMS and WhatsApp end to end: Twilio's own webhook payloads, signed as Twilio signs them, in; replies out to a local
 * server speaking Twilio's REST API, asserting the exact form parameters; status callbacks, opt-outs and WhatsApp's
 * 24-hour window.
 */
class TwilioChannelTest extends ChannelsTestSupport {

    static final TenantId DEMO = new TenantId("demo");
    static final String ACCOUNT = "ACdemo000000000000000000000000000";
    static final String TOKEN = "demo-subaccount-token";
    static final String NUMBER = "+15558675310";
    static final Path TWILIO_DATA = Path.of("../testdata/twilio");

    @Autowired
    TenantRegistry registry;

    @Autowired
    JdbcMessageLedger ledger;

    @Autowired
    JdbcChannelState channelState;

    @Autowired
    ProducerTemplate producer;

    @Autowired
    Envelope envelope;

    @Autowired
    BucketInboundLimits limits;

    @Autowired
    EmbeddedActiveMQ broker;

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void bindings() {
        bind("sms-demo", TwilioBinding.SMS, "demo-sms", Map.of());
        bind("wa-demo", TwilioBinding.WHATSAPP, "demo-wa", Map.of());
        bind(
                "wa-template",
                TwilioBinding.WHATSAPP,
                "demo-wa-template",
                Map.of(
                        TwilioBinding.TEMPLATE_CONTENT_SID, "HXb5b62575e6e4ff6129ad7c8efe1f983e",
                        TwilioBinding.TEMPLATE_VARIABLES, "{\"1\":\"{{reply}}\",\"2\":\"Demo Car Parts\"}"));
    }

    @Test
    void signatureHelperComputesTwilioTestVectors() throws Exception {
        JsonNode vectors =
                CanonicalJson.mapper().readTree(Files.readString(TWILIO_DATA.resolve("signature-vectors.json")));
        JsonNode vector = java.util.stream.StreamSupport.stream(
                        vectors.get("cases").spliterator(), false)
                .filter(v -> v.get("name").asText().equals("form_params"))
                .findFirst()
                .orElseThrow();
        Map<String, String> params = new HashMap<>();
        vector.get("params")
                .fields()
                .forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));

        assertThat(FakeTwilioApi.signature(
                        vectors.get("auth_token").asText(), vector.get("url").asText(), params))
                .isEqualTo(vector.get("signature").asText());
    }

    @Test
    void signedSmsIsAcknowledgedWithEmptyTwimlAndAnsweredThroughTheTwilioApi() throws Exception {
        String customer = uniqueNumber();
        Map<String, String> form = payload("inbound_sms", customer, "How long is the warranty on a brake caliper?");

        HttpResponse<String> response = post("/channels/twilio/demo-sms/sms", form, TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/xml"));
        assertThat(response.body()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>");
        FakeTwilioApi.Create create = await().atMost(Duration.ofSeconds(30))
                .until(() -> twilioApi.createsTo(customer), list -> !list.isEmpty())
                .get(0);
        assertThat(create.path()).isEqualTo("/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json");
        assertThat(create.form().keySet()).containsExactlyInAnyOrder("To", "From", "Body", "StatusCallback");
        assertThat(create.param("From")).isEqualTo(NUMBER);
        assertThat(create.param("Body")).contains("2 years");
        assertThat(create.param("StatusCallback")).isEqualTo(PUBLIC_BASE_URL + "/channels/twilio/demo-sms/sms/status");
        assertThat(create.authorization())
                .isEqualTo("Basic "
                        + Base64.getEncoder()
                                .encodeToString("ACplatform0000000000000000000000000:platform-token"
                                        .getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anSmsOverItsSendersLimitIsAcknowledgedStoredAndAnsweredWhenItsTurnComesNotRefused() throws Exception {
        String customer = uniqueNumber();
        Map<String, String> first = payload("inbound_sms", customer, "Do you ship to Belgium?");
        Map<String, String> second = payload("inbound_sms", customer, "And to Spain?");
        limits.set(DEMO, new TenantLimits(0, 1, 0), "test");
        Instant sent;
        try {
            assertThat(post("/channels/twilio/demo-sms/sms", first, TOKEN).statusCode())
                    .isEqualTo(200);
            sent = Instant.now();
            HttpResponse<String> over = post("/channels/twilio/demo-sms/sms", second, TOKEN);
            // Twilio does not retry a refused webhook: a 429 would lose the customer's SMS.
            assertThat(over.statusCode()).isEqualTo(200);
            assertThat(over.body()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>");
        } finally {
            limits.set(DEMO, null, "test");
        }

        GatewayMessage stored =
                ledger.messages(DEMO, conversationOf(second.get("MessageSid"), "sms-demo", customer)).stream()
                        .filter(m -> "And to Spain?".equals(m.text()))
                        .findFirst()
                        .orElseThrow();
        // One a minute: its turn is a minute after the first took the sender's allowance.
        assertThat(stored.notBefore())
                .hasValueSatisfying(at -> assertThat(at).isBetween(sent.plusSeconds(50), sent.plusSeconds(61)));
        Queue tenantQueue = broker.getActiveMQServer().locateQueue(SimpleString.of(GatewayQueues.tenantQueue(DEMO)));
        MessageReference waiting = await().atMost(Duration.ofSeconds(10))
                .until(() -> scheduled(tenantQueue, stored.id()), java.util.Optional::isPresent)
                .orElseThrow();
        assertThat(waiting.getScheduledDeliveryTime())
                .isEqualTo(stored.notBefore().orElseThrow().toEpochMilli());
        await().atMost(Duration.ofSeconds(30)).until(() -> twilioApi.createsTo(customer), list -> list.size() == 1);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(twilioApi.createsTo(customer)).hasSize(1));

        // An operator lets it through now (Hawtio: the queue's deliverScheduledMessage) rather than wait the minute.
        tenantQueue.deliverScheduledMessage(waiting.getMessageID());
        await().atMost(Duration.ofSeconds(30)).until(() -> twilioApi.createsTo(customer), list -> list.size() == 2);
    }

    private static java.util.Optional<MessageReference> scheduled(Queue queue, MessageId id) {
        return queue.getScheduledMessages().stream()
                .filter(ref -> id.value()
                        .equals(String.valueOf(ref.getMessage().getObjectProperty(GatewayHeaders.MESSAGE_ID))))
                .findFirst();
    }

    @Test
    void invalidSignatureIsRefusedWith403AndNothingIsStored() throws Exception {
        String customer = uniqueNumber();
        Map<String, String> form = payload("inbound_sms", customer, "Hello?");

        HttpResponse<String> response = post("/channels/twilio/demo-sms/sms", form, "not-the-token");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("X-Twilio-Signature");
        assertThat(ledger.thread(DEMO, new BindingId("sms-demo"), customer, List.of(form.get("MessageSid"))))
                .isEmpty();
        assertThat(ledger.lastInbound(DEMO, new BindingId("sms-demo"), customer))
                .isEmpty();
    }

    @Test
    void theSameMessageSidDeliveredTwiceIsAnsweredOnce() throws Exception {
        String customer = uniqueNumber();
        Map<String, String> form = payload("inbound_sms", customer, "Do you ship to Belgium?");

        assertThat(post("/channels/twilio/demo-sms/sms", form, TOKEN).statusCode())
                .isEqualTo(200);
        assertThat(post("/channels/twilio/demo-sms/sms", form, TOKEN).statusCode())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> twilioApi.createsTo(customer), list -> !list.isEmpty());
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(twilioApi.createsTo(customer)).hasSize(1));
    }

    @Test
    void statusCallbacksUpdateTheStoredDeliveryStatus() throws Exception {
        String customer = uniqueNumber();
        post("/channels/twilio/demo-sms/sms", payload("inbound_sms", customer, "What are your opening hours?"), TOKEN);
        FakeTwilioApi.Create create = await().atMost(Duration.ofSeconds(30))
                .until(() -> twilioApi.createsTo(customer), list -> !list.isEmpty())
                .get(0);

        Map<String, String> failed = FakeTwilioApi.recorded("status_callback_sent");
        failed.put("MessageSid", create.sid());
        failed.put("SmsSid", create.sid());
        failed.put("MessageStatus", "undelivered");
        failed.put("SmsStatus", "undelivered");
        failed.put("ErrorCode", "30003");
        HttpResponse<String> response = post("/channels/twilio/demo-sms/sms/status", failed, TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        Delivery delivery = deliveryWithSid(create.sid());
        assertThat(delivery.status()).isEqualTo("undelivered");
        assertThat(delivery.errorCode()).isEqualTo("30003");
    }

    @Test
    void stopOptsTheNumberOutSoItGetsNoReplyUntilStart() throws Exception {
        String customer = uniqueNumber();
        assertThat(post("/channels/twilio/demo-sms/sms", payload("inbound_sms", customer, "STOP"), TOKEN)
                        .statusCode())
                .isEqualTo(200);
        post("/channels/twilio/demo-sms/sms", payload("inbound_sms", customer, "What is the warranty?"), TOKEN);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(channelState.latest(DEMO, 100))
                .filteredOn(s -> customer.equals(s.sender()))
                .extracting(s -> s.reason())
                .containsExactlyInAnyOrder("keyword-opt-out", "opted-out"));
        assertThat(channelState.isOptedOut(DEMO, customer)).isTrue();

        post("/channels/twilio/demo-sms/sms", payload("inbound_sms", customer, "start"), TOKEN);
        post("/channels/twilio/demo-sms/sms", payload("inbound_sms", customer, "What is the warranty?"), TOKEN);
        await().atMost(Duration.ofSeconds(30)).until(() -> twilioApi.createsTo(customer), list -> list.size() == 1);
    }

    @Test
    void whatsappMessageWithMediaIsAnsweredInsideTheWindowWithPrefixedAddresses() throws Exception {
        String customer = "whatsapp:" + uniqueNumber();
        Map<String, String> form = payload("inbound_whatsapp", customer, "Is this part in stock?");
        form.put("To", "whatsapp:" + NUMBER);
        form.put("NumMedia", "1");
        form.put("MediaUrl0", "https://api.twilio.com/2010-04-01/Accounts/" + ACCOUNT + "/Messages/MM1/Media/ME1");
        form.put("MediaContentType0", "image/jpeg");

        assertThat(post("/channels/twilio/demo-wa/whatsapp", form, TOKEN).statusCode())
                .isEqualTo(200);

        FakeTwilioApi.Create create = await().atMost(Duration.ofSeconds(30))
                .until(() -> twilioApi.createsTo(customer), list -> !list.isEmpty())
                .get(0);
        assertThat(create.param("From")).isEqualTo("whatsapp:" + NUMBER);
        assertThat(create.param("Body")).isNotBlank();
        ConversationId conversation = conversationOf(form.get("MessageSid"), "wa-demo", customer);
        GatewayMessage inbound = ledger.messages(DEMO, conversation).get(0);
        assertThat(inbound.attachments()).singleElement().satisfies(media -> {
            assertThat(media.uri()).endsWith("/Media/ME1");
            assertThat(media.contentType()).isEqualTo("image/jpeg");
        });
        assertThat(inbound.metadata()).containsEntry("twilio.profileName", "PNaaaaa");
    }

    @Test
    void whatsappMessageOutsideTheWindowIsNotSentAndTheConversationGoesToAHuman() throws Exception {
        String customer = "whatsapp:" + uniqueNumber();
        GatewayMessage old = oldInbound("wa-demo", customer);

        GatewayMessage operatorMessage = operatorReply(old, "Your order has shipped.");
        sendToChannel(operatorMessage);

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(channelState.deliveries(DEMO, operatorMessage.id()))
                        .singleElement()
                        .satisfies(d -> {
                            assertThat(d.status()).isEqualTo("withheld");
                            assertThat(d.errorCode()).isEqualTo("whatsapp-window-closed");
                        }));
        assertThat(ledger.conversationStatus(DEMO, old.conversationId())).contains("waiting");
        assertThat(twilioApi.createsTo(customer)).isEmpty();
    }

    @Test
    void whatsappMessageOutsideTheWindowUsesTheApprovedTemplate() throws Exception {
        String customer = "whatsapp:" + uniqueNumber();
        GatewayMessage old = oldInbound("wa-template", customer);

        sendToChannel(operatorReply(old, "Your order has shipped."));

        FakeTwilioApi.Create create = await().atMost(Duration.ofSeconds(20))
                .until(() -> twilioApi.createsTo(customer), list -> !list.isEmpty())
                .get(0);
        assertThat(create.form()).doesNotContainKey("Body");
        assertThat(create.param("ContentSid")).isEqualTo("HXb5b62575e6e4ff6129ad7c8efe1f983e");
        assertThat(create.param("ContentVariables"))
                .isEqualTo("{\"1\":\"Your order has shipped.\",\"2\":\"Demo Car Parts\"}");
    }

    @Test
    void repliesThroughOneNumberArePacedAtItsSendRate() {
        String pacedNumber = "+15558675399";
        bind("sms-paced", TwilioBinding.SMS, "demo-sms-paced", Map.of(TwilioBinding.SEND_RATE, "1"), pacedNumber);
        GatewayMessage inbound = GatewayMessage.inbound()
                .tenant(DEMO)
                .assistant(new AssistantId("support"))
                .binding(new BindingId("sms-paced"))
                .channel(TwilioBinding.SMS)
                .from(uniqueNumber())
                .to(pacedNumber)
                .text("Three questions at once")
                .build();
        ledger.accept(inbound);

        for (int i = 1; i <= 3; i++) {
            sendToChannel(operatorReply(inbound, "Answer " + i));
        }

        List<FakeTwilioApi.Create> sent = await().atMost(Duration.ofSeconds(30))
                .until(() -> twilioApi.createsFrom(pacedNumber), list -> list.size() == 3);
        // A long code delivers one segment a second: the second and third wait their turn instead of queueing at
        // Twilio.
        assertThat(Duration.ofNanos(sent.get(2).arrivedNanos() - sent.get(0).arrivedNanos()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        assertThat(sent)
                .extracting(create -> create.param("Body"))
                .containsExactlyInAnyOrder("Answer 1", "Answer 2", "Answer 3");
    }

    @Test
    void aSendRateThatIsNoWholeNumberOfMessagesASecondIsRefusedWhenSaved() {
        assertThatThrownBy(() -> bind(
                        "sms-bad-rate",
                        TwilioBinding.SMS,
                        "demo-sms-bad-rate",
                        Map.of(TwilioBinding.SEND_RATE, "fast")))
                .hasMessageContaining("sendRate must be a whole number");
    }

    private void bind(String id, ChannelId channel, String key, Map<String, String> extra) {
        bind(id, channel, key, extra, NUMBER);
    }

    private void bind(String id, ChannelId channel, String key, Map<String, String> extra, String number) {
        if (registry.find(DEMO, new BindingId(id)).isPresent()) {
            return;
        }
        Map<String, String> settings = new LinkedHashMap<>(TwilioBinding.settings(ACCOUNT, number));
        settings.putAll(extra);
        registry.createBinding(
                DEMO,
                new NewBinding(
                        new BindingId(id),
                        new AssistantId("support"),
                        channel,
                        key,
                        settings,
                        TwilioBinding.credentials(TOKEN)),
                "test");
    }

    private GatewayMessage oldInbound(String binding, String customer) {
        GatewayMessage inbound = GatewayMessage.inbound()
                .tenant(DEMO)
                .assistant(new AssistantId("support"))
                .binding(new BindingId(binding))
                .channel(TwilioBinding.WHATSAPP)
                .from(customer)
                .to("whatsapp:" + NUMBER)
                .text("Where is my order?")
                .channelMessageId("SM" + UUID.randomUUID().toString().replace("-", ""))
                .receivedAt(Instant.now().minus(Duration.ofHours(30)))
                .build();
        ledger.accept(inbound);
        return inbound;
    }

    /** A message a human operator writes into the conversation; it takes the same outbound path as any reply. */
    private static GatewayMessage operatorReply(GatewayMessage inbound, String text) {
        return inbound.reply(MessageId.random(), text, List.of(), 1.0, Instant.now());
    }

    private void sendToChannel(GatewayMessage message) {
        Map<String, Object> headers = new HashMap<>();
        envelope.stamp(message, headers);
        producer.sendBodyAndHeaders(
                "jms:queue:" + GatewayQueues.channelQueue(message.channel()), CanonicalJson.write(message), headers);
    }

    private ConversationId conversationOf(String messageSid, String binding, String customer) {
        return await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> ledger.thread(DEMO, new BindingId(binding), customer, List.of(messageSid)),
                        java.util.Optional::isPresent)
                .orElseThrow();
    }

    private Delivery deliveryWithSid(String sid) {
        return await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> channelState.deliveryBySid(DEMO, new BindingId("sms-demo"), sid),
                        d -> d.isPresent() && !d.get().status().equals("queued"))
                .orElseThrow();
    }

    private HttpResponse<String> post(String path, Map<String, String> form, String token) throws Exception {
        String body = FakeTwilioApi.formBody(form);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", FakeTwilioApi.signature(token, PUBLIC_BASE_URL + path, form))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> payload(String name, String from, String text) {
        return FakeTwilioApi.webhook(name, ACCOUNT, from, text);
    }

    private static String uniqueNumber() {
        return "+1555" + String.format("%07d", Math.abs(UUID.randomUUID().getMostSignificantBits() % 10_000_000));
    }
}
