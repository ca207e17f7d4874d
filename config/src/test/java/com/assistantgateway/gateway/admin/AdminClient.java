package com.assistantgateway.gateway.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The admin API over real HTTP, as a bearer-token client sees it. */
final class AdminClient {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    AdminClient(int port) {
        this.port = port;
    }

    /** A request; {@code body} is JSON, or a {@link Upload} for multipart; {@code token} may be null. */
    HttpResponse<String> send(String method, String path, Object body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body instanceof Upload upload) {
            String boundary = "----gw" + UUID.randomUUID();
            String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + upload.name() + "\"\r\nContent-Type: text/markdown\r\n\r\n";
            byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
            byte[] headBytes = head.getBytes(StandardCharsets.UTF_8);
            byte[] all = new byte[headBytes.length + upload.content().length + tail.length];
            System.arraycopy(headBytes, 0, all, 0, headBytes.length);
            System.arraycopy(upload.content(), 0, all, headBytes.length, upload.content().length);
            System.arraycopy(tail, 0, all, headBytes.length + upload.content().length, tail.length);
            request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(all));
        } else if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String login(String email, String password) {
        HttpResponse<String> response =
                send("POST", "/api/v1/auth/login", java.util.Map.of("email", email, "password", password), null);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("login of " + email + " failed: " + response.body());
        }
        return read(response.body()).get("token").asText();
    }

    static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String json(Object body) {
        try {
            return body instanceof String text ? text : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file for a multipart upload. */
    record Upload(String name, byte[] content) {}
}
