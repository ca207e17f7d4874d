package com.assistantgateway.orchestrator.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A local HTTP server speaking the OpenAI chat completions API: records requests, answers with a set text. */
public final class FakeOpenAi implements AutoCloseable {

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    public final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    /** The Authorization header of each request, in order. */
    public final List<String> authorizations = new CopyOnWriteArrayList<>();

    public volatile String answer = "";
    public volatile long delayMillis;
    /** Streamed answers: the pause before each token (a word, with its leading space). */
    public volatile long tokenDelayMillis;
    /** Streams the client stopped reading before the last token: what cancelling upstream looks like here. */
    public final AtomicInteger abandonedStreams = new AtomicInteger();

    /** Requests to {@code /v1/embeddings}, which answers with {@link #wordVector} of each input. */
    public final List<JsonNode> embeddingRequests = new CopyOnWriteArrayList<>();

    public final AtomicInteger completedStreams = new AtomicInteger();

    public FakeOpenAi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            JsonNode request = json.readTree(exchange.getRequestBody());
            requests.add(request);
            if (request.path("stream").asBoolean()) {
                authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
                stream(exchange);
                return;
            }
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            var response = json.createObjectNode()
                    .put("id", "chatcmpl-test")
                    .put("object", "chat.completion")
                    .put("created", 1_700_000_000)
                    .put("model", "gpt-4o-mini");
            var choice =
                    response.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
            choice.putObject("message").put("role", "assistant").put("content", answer);
            response.putObject("usage")
                    .put("prompt_tokens", 10)
                    .put("completion_tokens", 5)
                    .put("total_tokens", 15);
            byte[] body = json.writeValueAsBytes(response);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/v1/embeddings", exchange -> {
            JsonNode request = json.readTree(exchange.getRequestBody());
            embeddingRequests.add(request);
            JsonNode input = request.path("input");
            var response = json.createObjectNode()
                    .put("object", "list")
                    .put("model", request.path("model").asText());
            var data = response.putArray("data");
            int index = 0;
            for (JsonNode text :
                    input.isArray() ? input : json.createArrayNode().add(input)) {
                var item = data.addObject().put("object", "embedding").put("index", index++);
                var vector = item.putArray("embedding");
                for (float value : wordVector(text.asText())) {
                    vector.add(value);
                }
            }
            response.putObject("usage").put("prompt_tokens", 1).put("total_tokens", 1);
            byte[] body = json.writeValueAsBytes(response);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        // Streams take their time: each request gets a thread of its own.
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    /**
     * A deterministic stand-in for a multilingual model: 64 dimensions, each word (lower case, accents kept) adding
     * to one of them, normalized. Texts sharing words are close whatever their language.
     */
    public static float[] wordVector(String text) {
        float[] vector = new float[64];
        for (String word : text.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                vector[Math.floorMod(word.hashCode(), vector.length)] += 1;
            }
        }
        double norm = 0;
        for (float value : vector) {
            norm += value * value;
        }
        for (int i = 0; i < vector.length; i++) {
            vector[i] = norm == 0 ? (i == 0 ? 1 : 0) : (float) (vector[i] / Math.sqrt(norm));
        }
        return vector;
    }

    /** OpenAI's streamed chat completion: one chunk per word, then the finish reason, usage and [DONE]. */
    private void stream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (String token : answer.split("(?=\\s)")) {
                pause(tokenDelayMillis);
                var chunk = chunk();
                chunk.putArray("choices")
                        .addObject()
                        .put("index", 0)
                        .putObject("delta")
                        .put("content", token);
                out.write(("data: " + json.writeValueAsString(chunk) + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            var last = chunk();
            last.putArray("choices")
                    .addObject()
                    .put("index", 0)
                    .put("finish_reason", "stop")
                    .putObject("delta");
            last.putObject("usage")
                    .put("prompt_tokens", 10)
                    .put("completion_tokens", 5)
                    .put("total_tokens", 15);
            out.write(("data: " + json.writeValueAsString(last) + "\n\ndata: [DONE]\n\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            completedStreams.incrementAndGet();
        } catch (IOException closedByClient) {
            abandonedStreams.incrementAndGet();
        } finally {
            exchange.close();
        }
    }

    private com.fasterxml.jackson.databind.node.ObjectNode chunk() {
        return json.createObjectNode()
                .put("id", "chatcmpl-test")
                .put("object", "chat.completion.chunk")
                .put("created", 1_700_000_000)
                .put("model", "gpt-4o-mini");
    }

    private static void pause(long millis) {
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
