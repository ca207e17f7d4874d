package com.assistantgateway.admin.knowledge;

import com.assistantgateway.admin.AdminProblem;
import com.assistantgateway.admin.registry.OutboundTargets;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Fetches a URL given as a knowledge source: http(s) only, no private addresses unless allowed (checked again at
 * every redirect), a size cap, and a file name that tells the type detector what the server said it sent.
 */
@Component
public class WebPages {

    private static final int MAX_REDIRECTS = 5;
    private static final int MAX_URL_LENGTH = 300;
    /** Content-type fragments and the extension that names them; anything else is read as HTML. */
    private static final Map<String, String> EXTENSIONS = new LinkedHashMap<>(
            Map.of("pdf", "pdf", "wordprocessingml", "docx", "csv", "csv", "markdown", "md", "text/plain", "txt"));

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    record Fetched(String url, String fileName, byte[] content) {}

    Fetched fetch(String url, long maxBytes, boolean allowPrivate) {
        if (url == null || url.isBlank() || url.length() > MAX_URL_LENGTH) {
            throw AdminProblem.invalid("a URL of at most " + MAX_URL_LENGTH + " characters is needed");
        }
        String current = url.strip();
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            OutboundTargets.check("url", current, allowPrivate);
            HttpResponse<InputStream> response;
            try {
                response = http.send(
                        HttpRequest.newBuilder(URI.create(current))
                                .timeout(Duration.ofSeconds(30))
                                .header("User-Agent", "AssistantGateway-Knowledge/1.0")
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                throw AdminProblem.invalid(current + " could not be fetched: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw AdminProblem.invalid(current + " could not be fetched: interrupted");
            }
            int status = response.statusCode();
            if (status >= 300
                    && status < 400
                    && response.headers().firstValue("Location").isPresent()) {
                current = URI.create(current)
                        .resolve(response.headers().firstValue("Location").get())
                        .toString();
                closeQuietly(response.body());
                continue;
            }
            if (status != 200) {
                closeQuietly(response.body());
                throw AdminProblem.invalid(current + " answered HTTP " + status);
            }
            String contentType = response.headers().firstValue("Content-Type").orElse("text/html");
            try (InputStream body = response.body()) {
                byte[] content = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                if (content.length > maxBytes) {
                    throw AdminProblem.tooLarge(current + " is larger than " + maxBytes + " bytes");
                }
                return new Fetched(url.strip(), fileName(contentType), content);
            } catch (IOException e) {
                throw AdminProblem.invalid(current + " could not be read: " + e.getMessage());
            }
        }
        throw AdminProblem.invalid(url + " redirects more than " + MAX_REDIRECTS + " times");
    }

    /** The type detector reads names; give it one that matches what the server says it sent. */
    static String fileName(String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT);
        return EXTENSIONS.entrySet().stream()
                .filter(e -> type.contains(e.getKey()))
                .map(e -> "page." + e.getValue())
                .findFirst()
                .orElse("page.html");
    }

    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException ignored) {
            // nothing to release beyond the connection
        }
    }
}
