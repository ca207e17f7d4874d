package com.assistantgateway.adapters.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.assistantgateway.adapters.FixedBindings;
import com.assistantgateway.routes.backbone.ChannelSignatures;
import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.BindingId;
import com.assistantgateway.routes.message.ChannelId;
import com.assistantgateway.routes.message.GatewayMessage;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.ChannelBinding;
import com.assistantgateway.routes.port.ChannelBindings;
import com.assistantgateway.routes.port.ChannelRequestException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class WebhookRequestsTest {

    private static final String TOKEN = "s3cret-token";
    private static final String SECRET = "hmac-secret";
    private static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");

    private final ChannelBinding binding = new ChannelBinding(
            new BindingId("webhook-main"),
            new TenantId("acme"),
            new AssistantId("support"),
            WebhookBinding.CHANNEL,
            "acme",
            WebhookBinding.settings(null),
            WebhookBinding.credentials(TOKEN, SECRET));
    private final ChannelBindings bindings = FixedBindings.of(binding);
    private final WebhookRequests requests = new WebhookRequests(
            bindings,
            new WebhookProperties(
                    1024, Duration.ofMinutes(5), new WebhookProperties.Callbacks(4, 5, Duration.ofSeconds(30))),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void bearerTokenRequestBecomesACanonicalInboundMessage() {
        GatewayMessage message = requests.normalize(
                "acme",
                "Bearer " + TOKEN,
                null,
                null,
                "order-7",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                body("{\"from\":\"+31600000000\",\"text\":\"Where is my order?\",\"conversationId\":\"c-1\"}"));

        assertThat(message.tenantId()).isEqualTo(new TenantId("acme"));
        assertThat(message.assistantId()).isEqualTo(new AssistantId("support"));
        assertThat(message.bindingId()).isEqualTo(new BindingId("webhook-main"));
        assertThat(message.channel()).isEqualTo(new ChannelId("webhook"));
        assertThat(message.conversationId().value()).isEqualTo("c-1");
        assertThat(message.from()).isEqualTo("+31600000000");
        assertThat(message.text()).isEqualTo("Where is my order?");
        assertThat(message.channelMessageId()).isEqualTo("order-7");
        assertThat(message.receivedAt()).isEqualTo(NOW);
        assertThat(message.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void aSignatureOverTheTimestampAndBodyAuthenticatesWithoutATokenAndIsTheRequestsReplayKey() {
        byte[] raw = body("{\"text\":\"hi\"}");
        long now = NOW.getEpochSecond();

        GatewayMessage message =
                requests.normalize("acme", null, signed(SECRET, now, raw), Long.toString(now), null, null, raw);

        assertThat(message.text()).isEqualTo("hi");
        assertThat(message.conversationId()).isNotNull();
        assertThat(message.metadata()).containsKey(GatewayMessage.REPLAY_KEY);
        assertThat(requests.normalize("acme", null, signed(SECRET, now, raw), Long.toString(now), null, null, raw)
                        .metadata())
                .as("the same signed request has the same replay key, so the ledger stores it once")
                .containsEntry(GatewayMessage.REPLAY_KEY, message.metadata().get(GatewayMessage.REPLAY_KEY));
    }

    @Test
    void aSignedRequestOutsideTheWindowIsRefusedSoACapturedOneCannotBeReplayedLater() {
        byte[] raw = body("{\"text\":\"hi\"}");
        long sixMinutesAgo = NOW.minusSeconds(360).getEpochSecond();
        long inFourMinutes = NOW.plusSeconds(240).getEpochSecond();

        assertRefused(
                () -> requests.normalize(
                        "acme",
                        null,
                        signed(SECRET, sixMinutesAgo, raw),
                        Long.toString(sixMinutesAgo),
                        null,
                        null,
                        raw),
                401);
        assertThat(requests.normalize(
                                "acme",
                                null,
                                signed(SECRET, inFourMinutes, raw),
                                Long.toString(inFourMinutes),
                                null,
                                null,
                                raw)
                        .text())
                .isEqualTo("hi");
    }

    @Test
    void aBodyOnlySignatureIsRefusedUnlessTheBindingOptsIntoIt() {
        byte[] raw = body("{\"text\":\"hi\"}");
        String bodyOnly = ChannelSignatures.sign(SECRET, raw);
        assertRefused(() -> requests.normalize("acme", null, bodyOnly, null, null, null, raw), 401);

        ChannelBinding legacy = new ChannelBinding(
                new BindingId("legacy"),
                new TenantId("acme"),
                new AssistantId("support"),
                WebhookBinding.CHANNEL,
                "legacy",
                java.util.Map.of(WebhookBinding.SIGNATURE_SCHEME, WebhookBinding.BODY_ONLY),
                WebhookBinding.credentials(TOKEN, SECRET));
        WebhookRequests optedIn = new WebhookRequests(
                FixedBindings.of(legacy),
                new WebhookProperties(
                        1024, Duration.ofMinutes(5), new WebhookProperties.Callbacks(4, 5, Duration.ofSeconds(30))),
                Clock.fixed(NOW, ZoneOffset.UTC));

        GatewayMessage message = optedIn.normalize("legacy", null, bodyOnly, null, null, null, raw);
        assertThat(message.text()).isEqualTo("hi");
        assertThat(message.metadata()).doesNotContainKey(GatewayMessage.REPLAY_KEY);
    }

    @Test
    void unknownBindingIsNotFound() {
        assertRefused(() -> requests.normalize("nope", "Bearer " + TOKEN, null, null, null, null, body("{}")), 404);
    }

    @Test
    void wrongTokenOrSignatureIsUnauthorized() {
        byte[] raw = body("{\"text\":\"hi\"}");
        String now = Long.toString(NOW.getEpochSecond());
        assertRefused(() -> requests.normalize("acme", "Bearer wrong", null, null, null, null, raw), 401);
        assertRefused(() -> requests.normalize("acme", null, null, null, null, null, raw), 401);
        assertRefused(() -> requests.normalize("acme", TOKEN, null, null, null, null, raw), 401);
        String signedOtherBody = signed(SECRET, NOW.getEpochSecond(), body("{\"text\":\"other\"}"));
        assertRefused(() -> requests.normalize("acme", null, signedOtherBody, now, null, null, raw), 401);
        String signedOtherSecret = signed("other-secret", NOW.getEpochSecond(), raw);
        assertRefused(() -> requests.normalize("acme", null, signedOtherSecret, now, null, null, raw), 401);
        String signedOtherTime = signed(SECRET, NOW.getEpochSecond() - 1, raw);
        assertRefused(() -> requests.normalize("acme", null, signedOtherTime, now, null, null, raw), 401);
        assertRefused(
                () -> requests.normalize("acme", null, signed(SECRET, 0, raw), "yesterday", null, null, raw), 401);
    }

    @Test
    void invalidUtf8AndTextNoColumnCanHoldAreBadRequestsNotServerErrors() {
        String auth = "Bearer " + TOKEN;
        byte[] invalid = {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        byte[] encodedSurrogate = {
            '{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'
        };
        assertRefused(() -> requests.normalize("acme", auth, null, null, null, null, invalid), 400);
        assertRefused(() -> requests.normalize("acme", auth, null, null, null, null, encodedSurrogate), 400);
        assertRefused(
                () -> requests.normalize("acme", auth, null, null, null, null, body("{\"text\":\"\\ud800 half\"}")),
                400);
        assertRefused(
                () -> requests.normalize(
                        "acme",
                        auth,
                        null,
                        null,
                        null,
                        null,
                        body("{\"text\":\"hi\",\"from\":\"" + "a".repeat(321) + "\"}")),
                400);
        assertThat(requests.normalize("acme", auth, null, null, null, null, body("{\"text\":\"\\ud83d\\ude97 año\"}"))
                        .text())
                .isEqualTo("\uD83D\uDE97 año");
    }

    private static String signed(String secret, long timestamp, byte[] raw) {
        return ChannelSignatures.signCallback(secret, timestamp, new String(raw, StandardCharsets.UTF_8));
    }

    @Test
    void malformedOrIncompleteBodiesAreBadRequests() {
        String auth = "Bearer " + TOKEN;
        assertRefused(() -> requests.normalize("acme", auth, null, null, null, null, body("{\"text\": ")), 400);
        assertRefused(() -> requests.normalize("acme", auth, null, null, null, null, body("[\"text\"]")), 400);
        assertRefused(() -> requests.normalize("acme", auth, null, null, null, null, body("{\"from\":\"x\"}")), 400);
        assertRefused(() -> requests.normalize("acme", auth, null, null, null, null, body("{\"text\":\"  \"}")), 400);
        assertRefused(() -> requests.normalize("acme", auth, null, null, null, null, body("{\"text\":42}")), 400);
        assertRefused(() -> requests.normalize("acme", auth, null, null, null, null, new byte[0]), 400);
        assertRefused(
                () -> requests.normalize(
                        "acme", auth, null, null, null, null, body("{\"text\":\"hi\",\"conversationId\":\"a b\"}")),
                400);
        assertRefused(() -> requests.normalize("acme", auth, null, null, "", null, body("{\"text\":\"hi\"}")), 400);
    }

    @Test
    void bodyOverTheLimitIsTooLargeEvenWhenAuthenticated() {
        byte[] big = body("{\"text\":\"" + "x".repeat(2000) + "\"}");

        assertRefused(() -> requests.normalize("acme", "Bearer " + TOKEN, null, null, null, null, big), 413);
    }

    @Test
    void statusReadsNeedTheBearerToken() {
        assertThat(requests.authorizeRead("acme", "Bearer " + TOKEN)).isEqualTo(binding);
        assertRefused(() -> requests.authorizeRead("acme", "Bearer nope"), 401);
        assertRefused(() -> requests.authorizeRead("other", "Bearer " + TOKEN), 404);
    }

    private static byte[] body(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static void assertRefused(ThrowingCallable call, int status) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ChannelRequestException.class, e -> assertThat(e.status())
                .isEqualTo(status));
    }
}
