package com.assistantgateway.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * One tenant's latency while another floods: the quiet tenant (the demo's echo binding) sends at a steady rate,
 * open loop, while a second tenant (created here through the admin API, an echo assistant too) sends nothing, then its
 * usual rate, then ten times that. Each phase reports the quiet tenant's accept-to-callback latency, and the flood's
 * accepted and refused ({@code 429}) messages. The gateway must let tenant bindings call back to this machine
 * ({@code --gateway.routes.outbound.allow-private-targets=true} and {@code allow-plain-http=true}) and have a platform admin to sign in as.
 */
final class FairnessLoad {

    private static final String FLOOD_TOKEN = "flood-token";

    private final ObjectMapper json = new ObjectMapper();
    private final ExecutorService httpThreads = Executors.newFixedThreadPool(8);
    private final HttpClient http =
            HttpClient.newBuilder().executor(httpThreads).build();
    private final JsonApi api;
    private final String url;
    private final String quietBinding;
    private final String quietToken;
    private final String adminEmail;
    private final String adminPassword;
    private final int rate;
    private final int seconds;
    private final int factor;
    private final int floodLimit;
    private final int callbackPort;
    private final WebhookSender quietSender;
    private final WebhookSender floodSender;
    private Callbacks callbacks;

    FairnessLoad(Options options) {
        this.url = options.text("url", "http://127.0.0.1:8080");
        this.api = new JsonApi(http, url, null);
        this.quietBinding = options.text("binding", "demo-echo");
        this.quietToken = options.text("token", "demo-token");
        this.adminEmail = options.text("admin-email", "bench@gateway.local");
        this.adminPassword = options.text("admin-password", "bench-admin-password");
        this.rate = options.number("rate", 5);
        this.seconds = options.number("seconds", 20);
        this.factor = options.number("factor", 10);
        this.floodLimit = options.number("flood-limit", 0);
        this.callbackPort = options.number("callback-port", 9099);
        this.quietSender = new WebhookSender(url, quietBinding, quietToken);
        this.floodSender = new WebhookSender(url, "flood-hook", FLOOD_TOKEN);
    }

    List<Result> run() throws Exception {
        try (Callbacks callbacks = new Callbacks(callbackPort, 8)) {
            this.callbacks = callbacks;
            createFloodTenant();
            phase(0, 3); // warm-up
            List<Result> rows = new ArrayList<>();
            rows.addAll(phase(0, seconds));
            rows.addAll(phase(rate, seconds));
            rows.addAll(phase(rate * factor, seconds));
            return rows;
        } finally {
            httpThreads.shutdownNow();
        }
    }

    /** Both tenants for {@code duration} seconds: the quiet one at {@link #rate}, the other at {@code floodRate}. */
    private List<Result> phase(int floodRate, int duration) throws Exception {
        Histogram quiet = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
        Histogram flood = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
        AtomicLong refused = new AtomicLong();
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(2);
        ExecutorService senders = Executors.newCachedThreadPool();
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        long start = System.nanoTime();
        schedule(clock, senders, sent, rate, duration, () -> record(quiet, send(quietSender)));
        if (floodRate > 0) {
            schedule(clock, senders, sent, floodRate, duration, () -> {
                long took = send(floodSender);
                if (took < 0) {
                    refused.incrementAndGet();
                } else {
                    record(flood, took);
                }
            });
        }
        clock.awaitTermination(duration + 5L, TimeUnit.SECONDS);
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(3, TimeUnit.MINUTES);
        double took = (System.nanoTime() - start) / 1e9;
        senders.shutdownNow();
        String neighbour = floodRate == 0 ? "neighbour idle" : "neighbour at " + floodRate + " msg/s";
        List<Result> rows = new ArrayList<>();
        rows.add(new Result(
                "fairness: quiet tenant",
                neighbour + ", quiet at " + rate + " msg/s",
                quiet.getTotalCount(),
                took,
                quiet));
        if (floodRate > 0) {
            rows.add(new Result(
                    "fairness: flooding tenant",
                    neighbour + (floodLimit > 0 ? ", limited to " + floodLimit + "/min" : "") + ", " + refused.get()
                            + " refused (429)",
                    flood.getTotalCount(),
                    took,
                    flood));
        }
        return rows;
    }

    private static void record(Histogram histogram, long micros) {
        synchronized (histogram) {
            histogram.recordValue(micros);
        }
    }

    private static void schedule(
            ScheduledExecutorService clock,
            ExecutorService senders,
            List<CompletableFuture<Void>> sent,
            int perSecond,
            int duration,
            ThrowingRunnable send) {
        long period = TimeUnit.SECONDS.toMicros(1) / perSecond;
        long total = (long) perSecond * duration;
        AtomicLong count = new AtomicLong();
        clock.scheduleAtFixedRate(
                () -> {
                    if (count.incrementAndGet() > total) {
                        clock.shutdown();
                        return;
                    }
                    CompletableFuture<Void> one = CompletableFuture.runAsync(
                            () -> {
                                try {
                                    send.run();
                                } catch (Exception e) {
                                    throw new IllegalStateException(e);
                                }
                            },
                            senders);
                    synchronized (sent) {
                        sent.add(one);
                    }
                },
                0,
                period,
                TimeUnit.MICROSECONDS);
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** Microseconds from the POST to the answer's callback; -1 when the gateway refused it as over a limit. */
    private long send(WebhookSender sender) throws Exception {
        long sent = System.nanoTime();
        String messageId = sender.send("bench", "Hello, anyone there?");
        if (messageId.equals(WebhookSender.REFUSED)) {
            return -1;
        }
        return (callbacks.arrivalOf(messageId) - sent) / 1000;
    }

    private void createFloodTenant() throws Exception {
        String token = json.readTree(call(
                                "POST",
                                "/api/v1/auth/login",
                                Map.of("email", adminEmail, "password", adminPassword),
                                null,
                                200)
                        .body())
                .get("token")
                .asText();
        call(
                "POST",
                "/api/v1/tenants",
                Map.of(
                        "slug",
                        "flood",
                        "name",
                        "Flood",
                        "plan",
                        "bench",
                        "admin",
                        Map.of(
                                "email",
                                "admin@flood.example",
                                "name",
                                "Flood Admin",
                                "password",
                                "flood-admin-password",
                                "role",
                                "TENANT_ADMIN")),
                token,
                201,
                409);
        call(
                "POST",
                "/api/v1/tenants/flood/assistants",
                Map.of("id", "echo", "type", "echo", "name", "Echo"),
                token,
                201,
                409);
        String tokenSha256 = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(FLOOD_TOKEN.getBytes(StandardCharsets.UTF_8)));
        call(
                "POST",
                "/api/v1/tenants/flood/bindings",
                Map.of(
                        "id", "hook",
                        "assistantId", "echo",
                        "channel", "webhook",
                        "inboundKey", "flood-hook",
                        "settings", Map.of("callbackUrl", "http://127.0.0.1:" + callbackPort + "/callback"),
                        "credentials", Map.of("tokenSha256", tokenSha256)),
                token,
                201,
                409);
        if (floodLimit > 0) {
            call(
                    "PUT",
                    "/api/v1/tenants/flood/limits",
                    Map.of("messagesPerMinute", floodLimit, "senderMessagesPerMinute", 0),
                    token,
                    200);
        } else {
            call("DELETE", "/api/v1/tenants/flood/limits", null, token, 200);
        }
    }

    private HttpResponse<String> call(String method, String path, Object body, String token, int... expected)
            throws Exception {
        return api.call(method, path, body, token, expected);
    }
}
