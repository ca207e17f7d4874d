package com.assistantgateway.gateway.admin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server standing in for wherever a tenant points the gateway: it records every request whole (request
 * line, headers, body) and answers like the thing it stands for: web pages, a redirect, an OpenAI-compatible LLM, a
 * callback receiver. Bound to the address asked for, so one on 127.0.0.1 and one on 127.0.0.2 differ only in where
 * the outbound guard lets the gateway go.
 */
final class TargetServer implements AutoCloseable {

    private final HttpServer server;
    private final String host;
    final List<String> requests = new CopyOnWriteArrayList<>();

    TargetServer(String address) {
        try {
            this.host = address;
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::answer);
        server.start();
    }

    String url(String path) {
        return "http://" + host + ":" + server.getAddress().getPort() + path;
    }

    /** Every recorded request, as one text, to search for what must never be sent. */
    String everything() {
        return String.join("\n\n", requests);
    }

    long hitsOn(String pathPrefix) {
        return requests.stream()
                .filter(r -> r.split(" ")[1].startsWith(pathPrefix))
                .count();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        StringBuilder raw = new StringBuilder(exchange.getRequestMethod() + " " + exchange.getRequestURI() + "\n");
        exchange.getRequestHeaders()
                .forEach((name, values) ->
                        raw.append(name).append(": ").append(values).append('\n'));
        raw.append('\n').append(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        requests.add(raw.toString());
        if (path.equals("/robots.txt")) {
            send(exchange, 404, "text/plain", "");
        } else if (path.startsWith("/redirect")) {
            exchange.getResponseHeaders()
                    .add("Location", exchange.getRequestURI().getQuery().substring(3));
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        } else if (path.endsWith("/chat/completions")) {
            send(
                    exchange,
                    200,
                    "application/json",
                    "{\"id\":\"c\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,"
                            + "\"finish_reason\":\"stop\",\"message\":{\"role\":\"assistant\",\"content\":\"Answered [1].\"}}],"
                            + "\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1,\"total_tokens\":2}}");
        } else if (path.endsWith(".html")) {
            send(
                    exchange,
                    200,
                    "text/html; charset=utf-8",
                    "<html><head><title>Offers " + System.nanoTime() + "</title></head><body><main><h1>Offers</h1>"
                            + "<p>Brake pads are 20% off this week " + System.nanoTime()
                            + ".</p></main></body></html>");
        } else {
            send(exchange, 200, "text/plain", "ok");
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
