package com.assistantgateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.assistantgateway.admin.knowledge.KnowledgeSources;
import com.assistantgateway.routes.backbone.TenantProcessors;
import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.TenantId;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Accepted work survives the gateway going down: the application context is closed and started again on the same data
 * directory (H2 file, Artemis journal, vector index), as after a crash or a redeploy.
 */
class RestartDurabilityTest {

    @TempDir
    Path dataDir;

    @Test
    void acceptedMessageAndItsPendingCallbackSurviveRestartsAndAreDeliveredOnce() throws Exception {
        try (CallbackReceiver receiver = new CallbackReceiver()) {
            String messageId;
            // 1. Accepted while the demo processor is suspended: stored and enqueued, not yet answered.
            try (ConfigurableApplicationContext gateway = start(receiver)) {
                // The demo's knowledge is indexed first, so the answer after the restart can cite it.
                KnowledgeSources knowledge = gateway.getBean(KnowledgeSources.class);
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> knowledge.list(new TenantId("demo"), new AssistantId("support")).stream()
                                .allMatch(source -> source.status().equals("ready")));
                gateway.getBean(TenantProcessors.class).suspend(new TenantId("demo"));
                GatewayClient client = client(gateway);
                messageId = GatewayClient.read(client.ask("demo", "demo-token", "How long is the battery warranty?")
                                .body())
                        .get("messageId")
                        .asText();
                assertThat(status(client, messageId).get("status").asText()).isEqualTo("queued");
            }

            // 2. After a restart it is answered; the callback receiver is down (503), so the reply waits in its queue.
            receiver.answer("/hook", 503);
            String deliveryId;
            try (ConfigurableApplicationContext gateway = start(receiver)) {
                JsonNode answered = client(gateway).awaitAnswer("demo", "demo-token", messageId);
                assertThat(answered.at("/reply/citations/0/source").asText()).isEqualTo("warranty.md");
                List<CallbackReceiver.Received> refused = await().atMost(Duration.ofSeconds(30))
                        .until(() -> receiver.receivedContaining(messageId), list -> !list.isEmpty());
                deliveryId = refused.get(0).header("X-Gateway-Delivery-Id");
                assertThat(deliveryId).isEqualTo(answered.at("/reply/messageId").asText());
            }

            // 3. After another restart the receiver is back: the same reply is delivered, with the same delivery id.
            receiver.answer("/hook", 200);
            try (ConfigurableApplicationContext gateway = start(receiver)) {
                CallbackReceiver.Received delivered = await().atMost(Duration.ofSeconds(30))
                        .until(
                                () -> receiver.receivedContaining(messageId).stream()
                                        .filter(r -> r.answeredWith() == 200)
                                        .toList(),
                                list -> !list.isEmpty())
                        .get(0);
                assertThat(delivered.header("X-Gateway-Delivery-Id")).isEqualTo(deliveryId);
                assertThat(status(client(gateway), messageId).get("status").asText())
                        .isEqualTo("answered");
                assertThat(receiver.receivedContaining(messageId).stream()
                                .map(r -> r.header("X-Gateway-Delivery-Id"))
                                .distinct())
                        .containsExactly(deliveryId);
            }
        }
    }

    private ConfigurableApplicationContext start(CallbackReceiver receiver) {
        ConfigurableApplicationContext gateway = new SpringApplicationBuilder(GatewayApplication.class)
                .run(
                        "--server.port=0",
                        "--gateway.data-dir=" + dataDir,
                        "--gateway.demo.callback-url=" + receiver.url("/hook"),
                        "--gateway.routes.redelivery.initial-delay=100ms",
                        "--gateway.routes.redelivery.multiplier=1.0",
                        "--gateway.routes.redelivery.max-attempts=1000",
                        "--camel.main.shutdown-timeout=5");
        AwaitReadiness.of(gateway);
        return gateway;
    }

    private static GatewayClient client(ConfigurableApplicationContext gateway) {
        return new GatewayClient(
                ((WebServerApplicationContext) gateway).getWebServer().getPort());
    }

    private static JsonNode status(GatewayClient client, String messageId) {
        return GatewayClient.read(client.status("demo", "demo-token", messageId).body());
    }
}
