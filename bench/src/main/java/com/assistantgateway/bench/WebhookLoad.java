package com.assistantgateway.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Drives the webhook channel of a running gateway with {@code concurrency} closed-loop senders and measures each
 * message from the POST until its signed callback arrives (accept to answered). The binding's callback URL must point
 * at {@code --callback-port} on this machine.
 */
final class WebhookLoad {

    private final ObjectMapper json = new ObjectMapper();
    private final ExecutorService httpThreads = Executors.newFixedThreadPool(4);
    private final HttpClient http =
            HttpClient.newBuilder().executor(httpThreads).build();
    private final String url;
    private final String binding;
    private final String token;
    private final String text;
    private final int messages;
    private final int warmup;
    private final int concurrency;
    private final int callbackPort;
    private Callbacks callbacks;

    WebhookLoad(Options options) {
        this.url = options.text("url", "http://127.0.0.1:8080");
        this.binding = options.text("binding", "demo");
        this.token = options.text("token", "demo-token");
        this.text = options.text("text", "How long is the warranty on a brake caliper?");
        this.messages = options.number("messages", 500);
        this.warmup = options.number("warmup", 50);
        this.concurrency = options.number("concurrency", 8);
        this.callbackPort = options.number("callback-port", 9099);
    }

    Result run() throws Exception {
        try (Callbacks callbacks = new Callbacks(callbackPort, 4)) {
            this.callbacks = callbacks;
            ClosedLoop.drive(warmup, concurrency, new Histogram(3), this::sendAndAwaitAnswer);
            Histogram latency = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
            long start = System.nanoTime();
            ClosedLoop.drive(messages, concurrency, latency, this::sendAndAwaitAnswer);
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Result("webhook → " + binding, "concurrency " + concurrency, messages, seconds, latency);
        } finally {
            httpThreads.shutdownNow();
        }
    }

    /** Microseconds from sending the POST until the answer's callback arrived. */
    private long sendAndAwaitAnswer() throws Exception {
        byte[] body = json.writeValueAsBytes(Map.of("from", "bench", "text", text));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/channels/webhook/" + binding))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        long sent = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("gateway answered " + response.statusCode() + ": " + response.body());
        }
        String messageId = json.readTree(response.body()).get("messageId").asText();
        return (callbacks.arrivalOf(messageId) - sent) / 1000;
    }
}
