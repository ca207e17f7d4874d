package com.assistantgateway.adapters.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.assistantgateway.adapters.FixedBindings;
import com.assistantgateway.routes.backbone.ChannelSignatures;
import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.GatewayMessage;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.ChannelBinding;
import com.assistantgateway.routes.port.ChannelBindings;
import com.assistantgateway.routes.port.ChannelRequestException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class WebhookRequestsTest {

    private static final String TOKEN = "s3cret-token";
    private static final String SECRET = "hmac-secret";
    private static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");

    private final ChannelBinding binding = new ChannelBinding(
            "webhook-main",
            new TenantId("acme"),
            new AssistantId("support"),
            WebhookBinding.CHANNEL,
            "acme",
            WebhookBinding.settings(null),
            WebhookBinding.credentials(TOKEN, SECRET));
    private final ChannelBindings bindings = FixedBindings.of(binding);
    private final WebhookRequests requests =
            new WebhookRequests(bindings, new WebhookProperties(1024), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void bearerTokenRequestBecomesACanonicalInboundMessage() {
        GatewayMessage message = requests.normalize(
                "acme",
                "Bearer " + TOKEN,
                null,
                "order-7",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                body("{\"from\":\"+31600000000\",\"text\":\"Where is my order?\",\"conversationId\":\"c-1\"}"));

        assertThat(message.tenantId()).isEqualTo(new TenantId("acme"));
        assertThat(message.assistantId()).isEqualTo(new AssistantId("support"));
        assertThat(message.bindingId()).isEqualTo("webhook-main");
        assertThat(message.channel()).isEqualTo("webhook");
        assertThat(message.conversationId().value()).isEqualTo("c-1");
        assertThat(message.from()).isEqualTo("+31600000000");
        assertThat(message.text()).isEqualTo("Where is my order?");
        assertThat(message.channelMessageId()).isEqualTo("order-7");
        assertThat(message.receivedAt()).isEqualTo(NOW);
        assertThat(message.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void signatureOverTheRawBodyAuthenticatesWithoutAToken() {
        byte[] raw = body("{\"text\":\"hi\"}");

        GatewayMessage message = requests.normalize("acme", null, ChannelSignatures.sign(SECRET, raw), null, null, raw);

        assertThat(message.text()).isEqualTo("hi");
        assertThat(message.conversationId()).isNotNull();
    }

    @Test
    void unknownBindingIsNotFound() {
        assertRefused(() -> requests.normalize("nope", "Bearer " + TOKEN, null, null, null, body("{}")), 404);
    }

    @Test
    void wrongTokenOrSignatureIsUnauthorized() {
        byte[] raw = body("{\"text\":\"hi\"}");
        assertRefused(() -> requests.normalize("acme", "Bearer wrong", null, null, null, raw), 401);
        assertRefused(() -> requests.normalize("acme", null, null, null, null, raw), 401);
        assertRefused(() -> requests.normalize("acme", TOKEN, null, null, null, raw), 401);
        String signedOtherBody = ChannelSignatures.sign(SECRET, body("{\"text\":\"other\"}"));
        assertRefused(() -> requests.normalize("acme", null, signedOtherBody, null, null, raw), 401);
        String signedOtherSecret = ChannelSignatures.sign("other-secret", raw);
        assertRefused(() -> requests.normalize("acme", null, signedOtherSecret, null, null, raw), 401);
    }

    @Test
    void malformedOrIncompleteBodiesAreBadRequests() {
        String auth = "Bearer " + TOKEN;
        assertRefused(() -> requests.normalize("acme", auth, null, null, null, body("{\"text\": ")), 400);
        assertRefused(() -> requests.normalize("acme", auth, null, null, null, body("[\"text\"]")), 400);
        assertRefused(() -> requests.normalize("acme", auth, null, null, null, body("{\"from\":\"x\"}")), 400);
        assertRefused(() -> requests.normalize("acme", auth, null, null, null, body("{\"text\":\"  \"}")), 400);
        assertRefused(() -> requests.normalize("acme", auth, null, null, null, body("{\"text\":42}")), 400);
        assertRefused(() -> requests.normalize("acme", auth, null, null, null, new byte[0]), 400);
        assertRefused(
                () -> requests.normalize(
                        "acme", auth, null, null, null, body("{\"text\":\"hi\",\"conversationId\":\"a b\"}")),
                400);
        assertRefused(() -> requests.normalize("acme", auth, null, "", null, body("{\"text\":\"hi\"}")), 400);
    }

    @Test
    void bodyOverTheLimitIsTooLargeEvenWhenAuthenticated() {
        byte[] big = body("{\"text\":\"" + "x".repeat(2000) + "\"}");

        assertRefused(() -> requests.normalize("acme", "Bearer " + TOKEN, null, null, null, big), 413);
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
