package com.assistantgateway.gateway.faults;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Customers writing concurrently to a webhook binding: each sender posts one message after another to whichever
 * gateway the target supplier names, and remembers every message the gateway answered {@code 202} for. Requests that
 * fail (refused, reset, 503 while a broker is away) are counted, not retried: only an accepted message is a promise.
 */
final class LoadDriver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String bindingKey;
    private final String token;
    /** Accepted messages: id → the base URL that accepted it. */
    final Map<String, String> accepted = new ConcurrentHashMap<>();

    final AtomicInteger refused = new AtomicInteger();
    final List<Integer> refusals = new CopyOnWriteArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile Duration pause = Duration.ZERO;
    private final List<Thread> senders = new ArrayList<>();

    LoadDriver(String bindingKey, String token) {
        this.bindingKey = bindingKey;
        this.token = token;
    }

    /** Starts {@code threads} senders, each picking its target base URL from the supplier for every message. */
    LoadDriver start(int threads, Supplier<String> target) {
        return start(threads, target, Duration.ZERO);
    }

    /**
     * As {@link #start(int, Supplier)}, each sender pausing between messages: a steady load rather than as much as
     * two cores take, so a restarting instance is not starved while the other serves.
     */
    LoadDriver start(int threads, Supplier<String> target, Duration pause) {
        this.pause = pause;
        running.set(true);
        for (int i = 0; i < threads; i++) {
            String from = "load-" + i + "@example.com";
            Thread sender = new Thread(() -> send(target, from), "load-" + i);
            sender.setDaemon(true);
            sender.start();
            senders.add(sender);
        }
        return this;
    }

    /** Each sender writes three messages per conversation: follow-ups contend for the conversation's row. */
    private void send(Supplier<String> target, String from) {
        String conversation = null;
        int inConversation = 0;
        while (running.get()) {
            if (!pause.isZero()) {
                java.util.concurrent.locks.LockSupport.parkNanos(pause.toNanos());
            }
            String base = target.get();
            String text = "Order " + UUID.randomUUID() + ": where is it?";
            Map<String, String> body = new java.util.HashMap<>(Map.of("text", text, "from", from));
            if (conversation != null && inConversation < 3) {
                body.put("conversationId", conversation);
            } else {
                conversation = null;
                inConversation = 0;
            }
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(URI.create(base + "/channels/webhook/" + bindingKey))
                                .timeout(Duration.ofSeconds(10))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 202) {
                    JsonNode ids = JSON.readTree(response.body());
                    accepted.put(ids.get("messageId").asText(), base);
                    conversation = ids.get("conversationId").asText();
                    inConversation++;
                } else {
                    refused.incrementAndGet();
                    refusals.add(response.statusCode());
                }
            } catch (IOException e) {
                refused.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** For the test's log: what the senders saw. */
    String summary() {
        Map<Integer, Long> byStatus = new java.util.TreeMap<>();
        refusals.forEach(status -> byStatus.merge(status, 1L, Long::sum));
        return accepted.size() + " accepted, " + refused.get() + " refused (by status: " + byStatus
                + "; the rest were connections refused or timed out)";
    }

    /** Waits until at least this many more messages than now are accepted. */
    void awaitMoreAccepted(int more, Duration within) {
        int target = accepted.size() + more;
        await().atMost(within).until(() -> accepted.size() >= target);
    }

    void stop() {
        running.set(false);
        for (Thread sender : senders) {
            try {
                sender.join(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        senders.clear();
    }

    /** The message's status as the gateway reports it to the binding's token holder, or null if unreachable. */
    static JsonNode status(HttpClient http, String base, String bindingKey, String token, String messageId) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(
                                    URI.create(base + "/channels/webhook/" + bindingKey + "/messages/" + messageId))
                            .timeout(Duration.ofSeconds(5))
                            .header("Authorization", "Bearer " + token)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
