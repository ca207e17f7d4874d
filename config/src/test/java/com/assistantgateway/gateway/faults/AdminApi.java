package com.assistantgateway.gateway.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

/** The admin API of one instance as a tenant admin's script uses it: sign in once, then JSON in, JSON out. */
final class AdminApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Supplier<String> base;
    private final String token;

    private AdminApi(Supplier<String> base, String token) {
        this.base = base;
        this.token = token;
    }

    static AdminApi signIn(Supplier<String> base, String email, String password) {
        AdminApi anonymous = new AdminApi(base, null);
        JsonNode session = anonymous.send(
                "POST", "/api/v1/auth/login", java.util.Map.of("email", email, "password", password), 200);
        return new AdminApi(base, session.get("token").asText());
    }

    JsonNode post(String path, Object body) {
        return send("POST", path, body, 201, 200);
    }

    /** A multipart upload of one file as the console sends it. */
    JsonNode upload(String path, String fileName, String contentType, byte[] content) {
        String boundary = "----gateway" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(head);
        body.writeBytes(content);
        body.writeBytes(tail);
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(base.get() + path))
                            .timeout(Duration.ofSeconds(20))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode())
                    .as("upload " + fileName + ": " + response.body())
                    .isEqualTo(202);
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode get(String path) {
        return send("GET", path, null, 200);
    }

    JsonNode put(String path, Object body) {
        return send("PUT", path, body, 200);
    }

    JsonNode delete(String path) {
        return send("DELETE", path, null, 200);
    }

    private JsonNode send(String method, String path, Object body, int... expected) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.get() + path))
                    .timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/json")
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(expected)
                    .as(method + " " + path + ": " + response.body())
                    .contains(response.statusCode());
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
