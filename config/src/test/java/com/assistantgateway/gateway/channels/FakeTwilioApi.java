package com.assistantgateway.gateway.channels;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local HTTP server answering Twilio's Messages create (POST /2010-04-01/Accounts/{sid}/Messages.json) the way
 * Twilio does (201 and the message resource), recording the exact form parameters the gateway sent.
 */
final class FakeTwilioApi implements AutoCloseable {

    /**
     * One Messages create request: its path, Basic auth header and form parameters (repeated ones kept), and when it
     * arrived ({@link System#nanoTime()}).
     */
    record Create(String path, String authorization, Map<String, List<String>> form, String sid, long arrivedNanos) {
        String param(String name) {
            List<String> values = form.get(name);
            return values == null ? null : values.get(0);
        }
    }

    private final HttpServer server;
    private final List<Create> creates = new CopyOnWriteArrayList<>();

    FakeTwilioApi() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/2010-04-01/Accounts/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
            Map<String, List<String>> form = form(body);
            creates.add(new Create(
                    exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    form,
                    sid,
                    System.nanoTime()));
            String json = "{\"sid\":\"" + sid + "\",\"status\":\"queued\",\"to\":\"" + first(form, "To")
                    + "\",\"from\":\"" + first(form, "From") + "\",\"num_segments\":\"1\"}";
            byte[] response = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(201, response.length);
            exchange.getResponseBody().write(response);
            exchange.close();
        });
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Create> createsFrom(String from) {
        return creates.stream().filter(c -> from.equals(c.param("From"))).toList();
    }

    List<Create> createsTo(String to) {
        return creates.stream().filter(c -> to.equals(c.param("To"))).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static Map<String, List<String>> form(String body) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            form.computeIfAbsent(
                            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), k -> new ArrayList<>())
                    .add(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }

    private static String first(Map<String, List<String>> form, String name) {
        return form.containsKey(name) ? form.get(name).get(0) : "";
    }
}
