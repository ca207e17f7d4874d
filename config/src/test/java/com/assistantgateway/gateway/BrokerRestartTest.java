package com.assistantgateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.assistantgateway.admin.ledger.JdbcMessageLedger;
import com.assistantgateway.routes.message.TenantId;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The broker goes down under a running gateway: nothing is half-accepted meanwhile, and work resumes after. */
class BrokerRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void whileTheBrokerIsDownMessagesAreRefusedWithNothingStoredAndAfterItReturnsTheyAreAnswered() throws Exception {
        try (ConfigurableApplicationContext gateway = new SpringApplicationBuilder(GatewayApplication.class)
                .run("--server.port=0", "--gateway.data-dir=" + dataDir, "--camel.main.shutdown-timeout=5")) {
            AwaitReadiness.of(gateway);
            GatewayClient client = new GatewayClient(
                    ((WebServerApplicationContext) gateway).getWebServer().getPort());
            JdbcMessageLedger ledger = gateway.getBean(JdbcMessageLedger.class);
            TenantId demo = new TenantId("demo");
            ActiveMQServer broker = gateway.getBean(EmbeddedActiveMQ.class).getActiveMQServer();

            HealthEndpoint health = gateway.getBean(HealthEndpoint.class);
            assertThat(health.healthForPath("jms").getStatus()).isEqualTo(Status.UP);

            broker.stop();
            long stored = ledger.countInbound(demo);
            long sent = System.nanoTime();
            HttpResponse<String> refused = client.ask("demo", "demo-token", "Is the shop open on Sunday?");
            Duration answeredIn = Duration.ofNanos(System.nanoTime() - sent);

            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).contains("5");
            assertThat(GatewayClient.read(refused.body()).get("detail").asText())
                    .contains("nothing was stored");
            // Fails fast rather than holding the sender's connection while the client looks for a broker.
            assertThat(answeredIn).isLessThan(Duration.ofSeconds(3));
            assertThat(ledger.countInbound(demo)).isEqualTo(stored);
            await().atMost(Duration.ofSeconds(3))
                    .until(() -> health.healthForPath("jms").getStatus().equals(Status.DOWN));

            broker.start();
            String messageId = await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .until(
                            () -> client.ask("demo", "demo-token", "Is the shop open on Sunday?"),
                            r -> r.statusCode() == 202)
                    .body();
            JsonAnswer answer = new JsonAnswer(client.awaitAnswer(
                    "demo",
                    "demo-token",
                    GatewayClient.read(messageId).get("messageId").asText()));
            assertThat(answer.source()).isEqualTo("opening-hours.md");
        }
    }

    private record JsonAnswer(com.fasterxml.jackson.databind.JsonNode status) {
        String source() {
            return status.at("/reply/citations/0/source").asText();
        }
    }
}
