package com.assistantgateway.gateway.channels;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A web chat visitor as the widget behaves, over plain HTTP: sessions, posts, and the event stream. */
public final class WebchatVisitor {

    static final ObjectMapper JSON = new ObjectMapper();

    public record Response(int status, JsonNode body, Map<String, java.util.List<String>> headers) {}

    /** One Server-Sent Event. */
    public record Event(String id, String name, JsonNode data) {}

    private final String base;
    private final String origin;

    public WebchatVisitor(int port, String origin) {
        this.base = "http://127.0.0.1:" + port + "/channels/webchat/";
        this.origin = origin;
    }

    private final HttpClient http = HttpClient.newHttpClient();

    public Response post(String path, String authorization, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            if (origin != null) {
                request.header("Origin", origin);
            }
            if (authorization != null) {
                request.header("Authorization", "Bearer " + authorization);
            }
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            byte[] bytes = response.body();
            JsonNode json = bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
            return new Response(response.statusCode(), json, response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response session(String key, Map<String, ?> body) {
        return post(key + "/sessions", null, body);
    }

    public Response send(String key, String session, String text, String clientMessageId) {
        return post(key + "/messages", session, Map.of("text", text, "clientMessageId", clientMessageId));
    }

    /** Opens the event stream after {@code lastEventId} (null: from the start); events queue up as they arrive. */
    public Stream stream(String key, String session, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + key + "/events"))
                .header("Authorization", "Bearer " + session)
                .header("Accept", "text/event-stream");
        if (origin != null) {
            request.header("Origin", origin);
        }
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            // A client of its own: closing the stream must drop this connection, not return it to a shared pool.
            return new Stream(
                    HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static final class Stream implements AutoCloseable {
        public final int status;
        public final Map<String, java.util.List<String>> headers;
        private final InputStream body;
        private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        private final Thread reader;

        Stream(HttpResponse<InputStream> response) {
            this.body = response.body();
            this.status = response.statusCode();
            this.headers = response.headers().map();
            if (status != 200) {
                reader = null;
                return;
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
            reader = new Thread(() -> read(lines), "sse-reader");
            reader.setDaemon(true);
            reader.start();
        }

        private void read(BufferedReader lines) {
            String id = null;
            String name = "message";
            StringBuilder data = new StringBuilder();
            try {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.isEmpty()) {
                        if (!data.isEmpty()) {
                            events.add(new Event(id, name, JSON.readTree(data.toString())));
                        }
                        id = null;
                        name = "message";
                        data.setLength(0);
                    } else if (line.startsWith("id:")) {
                        id = line.substring(3).strip();
                    } else if (line.startsWith("event:")) {
                        name = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).strip());
                    }
                }
            } catch (IOException closed) {
                // closed by the test
            }
        }

        /** The next event, whatever its name; fails after the timeout. */
        public Event next(Duration timeout) throws InterruptedException {
            Event event = events.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (event == null) {
                throw new AssertionError("no event within " + timeout);
            }
            return event;
        }

        /** The next event of the given name, skipping others; fails after the timeout. */
        public Event next(String name, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                Event event = events.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (event == null) {
                    throw new AssertionError("no '" + name + "' event within " + timeout);
                }
                if (event.name().equals(name)) {
                    return event;
                }
            }
        }

        /** Every message event received until the stream's {@code ready} marker (the replay). */
        public java.util.List<Event> replay(Duration timeout) throws InterruptedException {
            java.util.List<Event> replayed = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                Event event = events.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (event == null) {
                    throw new AssertionError("no 'ready' event within " + timeout);
                }
                if (event.name().equals("ready")) {
                    return replayed;
                }
                replayed.add(event);
            }
        }

        /** Drops the connection, as a phone going to the background does. */
        @Override
        public void close() {
            try {
                body.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
