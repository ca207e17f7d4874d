package com.assistantgateway.adapters.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.assistantgateway.adapters.FixedBindings;
import com.assistantgateway.routes.backbone.ChannelSignatures;
import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.BindingId;
import com.assistantgateway.routes.message.CanonicalJson;
import com.assistantgateway.routes.message.ChannelId;
import com.assistantgateway.routes.message.Citation;
import com.assistantgateway.routes.message.GatewayMessage;
import com.assistantgateway.routes.message.MessageId;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.ChannelBinding;
import com.assistantgateway.routes.port.ChannelBindings;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

class CallbackRequestsTest {

    private static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");
    private final TenantId tenant = new TenantId("acme");

    private final GatewayMessage inbound = GatewayMessage.inbound()
            .tenant(tenant)
            .assistant(new AssistantId("support"))
            .binding(new BindingId("webhook-main"))
            .channel(new ChannelId("webhook"))
            .text("warranty?")
            .build();
    private final GatewayMessage reply = inbound.reply(
            MessageId.random(), "2 years.", List.of(new Citation("warranty.md", "Warranty", "2 years")), 0.7, NOW);

    @Test
    void replyIsPreparedAsASignedCallbackWithAStableDeliveryId() throws Exception {
        CallbackRequests callbacks = new CallbackRequests(
                bindingWith(Map.of(WebhookBinding.CALLBACK_URL, "http://localhost:9/hook")),
                Clock.fixed(NOW, ZoneOffset.UTC));
        Map<String, Object> headers = new HashMap<>(Map.of("JMSXDeliveryCount", 3, "gatewayTenantId", "acme"));

        String body = callbacks.prepare(reply, headers);

        JsonNode json = CanonicalJson.mapper().readTree(body);
        assertThat(json.get("messageId").asText()).isEqualTo(inbound.id().value());
        assertThat(json.get("conversationId").asText())
                .isEqualTo(inbound.conversationId().value());
        assertThat(json.at("/reply/text").asText()).isEqualTo("2 years.");
        assertThat(json.at("/reply/citations/0/source").asText()).isEqualTo("warranty.md");
        assertThat(headers)
                .containsEntry(Exchange.HTTP_URI, "http://localhost:9/hook")
                .containsEntry(CallbackRequests.DELIVERY_ID, reply.id().value())
                .containsEntry(CallbackRequests.TIMESTAMP, Long.toString(NOW.getEpochSecond()))
                .containsEntry(CallbackRequests.ATTEMPT, "3")
                .containsEntry(
                        CallbackRequests.SIGNATURE,
                        ChannelSignatures.signCallback("hmac-secret", NOW.getEpochSecond(), body))
                .doesNotContainKey("gatewayTenantId");
    }

    @Test
    void bindingWithoutCallbackUrlGetsNoCallback() {
        CallbackRequests callbacks = new CallbackRequests(bindingWith(Map.of()), Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(callbacks.prepare(reply, new HashMap<>())).isNull();
    }

    private ChannelBindings bindingWith(Map<String, String> settings) {
        ChannelBinding binding = new ChannelBinding(
                new BindingId("webhook-main"),
                tenant,
                new AssistantId("support"),
                new ChannelId("webhook"),
                "acme",
                settings,
                WebhookBinding.credentials("token", "hmac-secret"));
        return FixedBindings.of(binding);
    }
}
