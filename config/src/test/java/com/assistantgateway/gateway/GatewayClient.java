package com.assistantgateway.gateway;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Talks to a running gateway's webhook channel over real HTTP, as an integrator would. */
public final class GatewayClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;

    public GatewayClient(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    public HttpResponse<String> post(String bindingKey, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/channels/webhook/" + bindingKey))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::setHeader);
        return send(request.build());
    }

    public HttpResponse<String> ask(String bindingKey, String token, String text) {
        return post(
                bindingKey, Map.of("Authorization", "Bearer " + token), json(Map.of("from", "tester", "text", text)));
    }

    public HttpResponse<String> status(String bindingKey, String token, String messageId) {
        return send(HttpRequest.newBuilder(
                        URI.create(baseUrl + "/channels/webhook/" + bindingKey + "/messages/" + messageId))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build());
    }

    /** Waits until the message is answered and returns its status document. */
    public JsonNode awaitAnswer(String bindingKey, String token, String messageId) {
        return await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> read(status(bindingKey, token, messageId).body()), s -> "answered"
                        .equals(s.path("status").asText()));
    }

    public static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
