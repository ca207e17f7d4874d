package com.assistantgateway.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Time to first token of a streamed web chat answer through the gateway, against the LLM's own in the same run. A
 * local server speaking OpenAI's streaming API answers after {@code --first-token-ms} and then a token every
 * {@code --token-delay-ms}; the bench measures it directly (request → first chunk), points the demo support
 * assistant at it, and measures a web chat visitor's question (POST → first {@code token} event on the SSE stream),
 * one question at a time. The difference is what the gateway adds: accept, queue, retrieval, the LLM call's set-up,
 * the broker topic and the stream.
 */
final class WebchatFirstToken {

    private static final String ORIGIN = "http://localhost:8080";

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonApi api;
    private final String url;
    private final String binding;
    private final int messages;
    private final int warmup;
    private final int firstTokenMillis;
    private final int tokenDelayMillis;
    private final String adminEmail;
    private final String adminPassword;

    WebchatFirstToken(Options options) {
        this.url = options.text("url", "http://127.0.0.1:8080");
        this.api = new JsonApi(http, url, ORIGIN);
        this.binding = options.text("binding", "demo");
        this.messages = options.number("messages", 100);
        this.warmup = options.number("warmup", 30);
        this.firstTokenMillis = options.number("first-token-ms", 150);
        this.tokenDelayMillis = options.number("token-delay-ms", 20);
        this.adminEmail = options.text("admin-email", "admin@demo.local");
        this.adminPassword = options.text("admin-password", "demo-password");
    }

    List<Result> run() throws Exception {
        HttpServer llm = stubLlm();
        try {
            String llmUrl = "http://127.0.0.1:" + llm.getAddress().getPort() + "/v1";
            Histogram direct = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
            for (int i = 0; i < warmup + messages; i++) {
                long micros = directFirstToken(llmUrl);
                if (i >= warmup) {
                    direct.recordValue(micros);
                }
            }
            useLlm(llmUrl);
            Histogram gateway = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
            long started = System.nanoTime();
            Visitor visitor = new Visitor();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (visitor.firstToken("How long is the warranty on a brake caliper?") < 0) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the assistant does not stream: is an LLM reachable?");
                    }
                }
                for (int i = 0; i < warmup + messages; i++) {
                    long micros = visitor.firstToken("How long is the warranty on a brake caliper?");
                    if (i == warmup) {
                        started = System.nanoTime();
                    }
                    if (i >= warmup) {
                        gateway.recordValue(micros);
                    }
                }
            } finally {
                visitor.close();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            String setup = "first token after " + firstTokenMillis + " ms, then one every " + tokenDelayMillis + " ms";
            return List.of(
                    new Result("LLM stub alone: request → first token", setup, messages, seconds, direct),
                    new Result(
                            "web chat through the gateway: POST → first token on the stream",
                            setup,
                            messages,
                            seconds,
                            gateway));
        } finally {
            llm.stop(0);
        }
    }

    /** OpenAI's streamed chat completion, paced like a model that thinks first and then writes. */
    private HttpServer stubLlm() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/v1/chat/completions", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                sleep(firstTokenMillis);
                String[] tokens =
                        "Brake calipers have a two-year warranty from the date of purchase [1].".split("(?=\\s)");
                for (int i = 0; i < tokens.length; i++) {
                    if (i > 0) {
                        sleep(tokenDelayMillis);
                    }
                    out.write(chunk("{\"content\":" + json.writeValueAsString(tokens[i]) + "}", "null"));
                    out.flush();
                }
                out.write(chunk("{}", "\"stop\""));
                out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            } catch (IOException gone) {
                // the client stopped reading
            }
            exchange.close();
        });
        server.start();
        return server;
    }

    private static byte[] chunk(String delta, String finish) {
        return ("data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,"
                        + "\"delta\":" + delta + ",\"finish_reason\":" + finish + "}]}\n\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private long directFirstToken(String llmUrl) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(llmUrl + "/chat/completions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"m\",\"stream\":true,\"messages\":[]}"))
                .build();
        long sent = System.nanoTime();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("data:")) {
                    long micros = (System.nanoTime() - sent) / 1000;
                    while (lines.readLine() != null) {
                        // read the rest, as a client does
                    }
                    return micros;
                }
            }
        }
        throw new IllegalStateException("the stub sent no token");
    }

    /** Points the demo's support assistant at the stub (the assistant's own LLM endpoint). */
    private void useLlm(String llmUrl) throws Exception {
        String token = json.readTree(
                        call("POST", "/api/v1/auth/login", Map.of("email", adminEmail, "password", adminPassword), null)
                                .body())
                .get("token")
                .asText();
        call(
                "PATCH",
                "/api/v1/tenants/demo/assistants/support",
                Map.of("settings", Map.of("llm.baseUrl", llmUrl)),
                token);
    }

    private HttpResponse<String> call(String method, String path, Object body, String token) throws Exception {
        return api.call(method, path, body, token);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One visitor with a session and its event stream, asking one question at a time. */
    private final class Visitor implements AutoCloseable {
        private record Event(String name, JsonNode data, long arrivedNanos) {}

        private final String session;
        private final InputStream stream;
        private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

        Visitor() throws Exception {
            session = json.readTree(call("POST", "/channels/webchat/" + binding + "/sessions", Map.of(), null)
                            .body())
                    .get("session")
                    .asText();
            HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/channels/webchat/" + binding + "/events"))
                    .header("Authorization", "Bearer " + session)
                    .header("Origin", ORIGIN)
                    .build();
            stream = HttpClient.newHttpClient()
                    .send(request, HttpResponse.BodyHandlers.ofInputStream())
                    .body();
            Thread reader = new Thread(this::read, "sse-reader");
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String name = "message";
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("event:")) {
                        name = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        events.add(new Event(name, json.readTree(line.substring(5)), System.nanoTime()));
                    } else if (line.isEmpty()) {
                        name = "message";
                    }
                }
            } catch (IOException closed) {
                // closed at the end
            }
        }

        /** Asks, and answers the microseconds from the POST to the first token; waits for the stored reply. */
        long firstToken(String question) throws Exception {
            events.clear();
            long sent = System.nanoTime();
            call(
                    "POST",
                    "/channels/webchat/" + binding + "/messages",
                    Map.of(
                            "text",
                            question,
                            "clientMessageId",
                            UUID.randomUUID().toString()),
                    session);
            long first = 0;
            while (true) {
                Event event = events.poll(60, TimeUnit.SECONDS);
                if (event == null) {
                    throw new IllegalStateException("no answer within 60 s");
                }
                if (event.name().equals("token") && first == 0) {
                    first = event.arrivedNanos();
                }
                if (event.name().equals("message")
                        && event.data().path("role").asText().equals("assistant")) {
                    // Before the change of LLM reaches the assistant (the registry cache), answers come whole: -1.
                    return first == 0 ? -1 : (first - sent) / 1000;
                }
            }
        }

        @Override
        public void close() throws IOException {
            stream.close();
        }
    }
}
