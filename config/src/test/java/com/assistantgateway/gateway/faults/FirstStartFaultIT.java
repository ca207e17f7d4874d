package com.assistantgateway.gateway.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new user's first minute: the README's first command on a fresh data directory, and its first curl sent the
 * moment readiness says the gateway serves. Readiness must not say so before the demo can answer with its citation.
 */
class FirstStartFaultIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @Test
    void theReadmesFirstCurlSentTheMomentReadinessIsUpIsAnsweredWithTheWarrantyCitation() throws Exception {
        try (GatewayProcess gateway = new GatewayProcess(
                "first-start", EmbeddedKillNineFaultIT.LOGS, List.of("--gateway.data-dir=" + dataDir), Map.of())) {
            gateway.start();

            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> accepted = http.send(
                    HttpRequest.newBuilder(URI.create(gateway.url("/channels/webhook/demo")))
                            .header("Authorization", "Bearer demo-token")
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"from\": \"customer@example.com\", \"text\":"
                                    + " \"How long is the warranty on a brake caliper?\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            String messageId = JSON.readTree(accepted.body()).get("messageId").asText();
            JsonNode answered = await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> LoadDriver.status(http, gateway.url(""), "demo", "demo-token", messageId),
                            status -> status != null
                                    && "answered".equals(status.path("status").asText()));

            assertThat(gateway.readinessSeen)
                    .as("readiness said out of service before it said ready")
                    .anySatisfy(seen -> assertThat(seen).startsWith("503").contains("OUT_OF_SERVICE"));
            assertThat(answered.at("/reply/citations/0/source").asText()).isEqualTo("warranty.md");
            assertThat(answered.at("/reply/text").asText()).contains("2 years");
        }
    }
}
