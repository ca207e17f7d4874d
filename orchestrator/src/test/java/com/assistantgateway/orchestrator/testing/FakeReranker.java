package com.assistantgateway.orchestrator.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToDoubleFunction;

/**
 * A local HTTP server speaking the Jina rerank API ({@code POST /v1/rerank}, as Jina, vLLM and Infinity serve it):
 * records requests and scores each document with a given function, results best first as the real service returns
 * them; or answers 503 when told to fail.
 */
public final class FakeReranker implements AutoCloseable {

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final ToDoubleFunction<String> relevance;
    public final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    public volatile boolean failing;

    public FakeReranker(ToDoubleFunction<String> relevance) throws IOException {
        this.relevance = relevance;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/rerank", this::rerank);
        server.start();
    }

    private void rerank(HttpExchange exchange) throws IOException {
        JsonNode request = json.readTree(exchange.getRequestBody());
        requests.add(request);
        if (failing) {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
            return;
        }
        List<ObjectNode> results = new ArrayList<>();
        JsonNode documents = request.get("documents");
        for (int i = 0; i < documents.size(); i++) {
            results.add(json.createObjectNode()
                    .put("index", i)
                    .put(
                            "relevance_score",
                            relevance.applyAsDouble(documents.get(i).asText())));
        }
        results.sort(Comparator.comparingDouble(
                        (ObjectNode r) -> r.get("relevance_score").asDouble())
                .reversed());
        ObjectNode response =
                json.createObjectNode().put("model", request.get("model").asText());
        response.putArray("results").addAll(results);
        response.putObject("usage").put("total_tokens", 10).put("prompt_tokens", 10);
        byte[] body = json.writeValueAsBytes(response);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
