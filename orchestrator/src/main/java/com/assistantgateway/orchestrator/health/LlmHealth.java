package com.assistantgateway.orchestrator.health;

import com.assistantgateway.orchestrator.OrchestratorProperties;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The default LLM provider: up when its OpenAI-compatible {@code /models} answers within 3 seconds. Without a
 * provider the gateway answers extractively, which is healthy too.
 */
@Component("llm")
public class LlmHealth implements HealthIndicator {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final OrchestratorProperties.Llm llm;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public LlmHealth(OrchestratorProperties properties) {
        this.llm = properties.llm();
    }

    @Override
    public Health health() {
        if (llm.baseUrl().isBlank()) {
            return Health.up()
                    .withDetail("mode", "extractive (no LLM configured)")
                    .build();
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(llm.baseUrl().replaceAll("/+$", "") + "/models"))
                .timeout(TIMEOUT)
                .GET();
        if (!llm.apiKey().isBlank()) {
            request.header("Authorization", "Bearer " + llm.apiKey());
        }
        try {
            int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            Health.Builder health = status < 500 && status != 401 && status != 403 ? Health.up() : Health.down();
            return health.withDetail("mode", "generative")
                    .withDetail("model", llm.model())
                    .withDetail("status", status)
                    .build();
        } catch (IOException e) {
            return Health.down()
                    .withDetail("mode", "generative")
                    .withDetail("error", e.toString())
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.unknown().build();
        }
    }
}
