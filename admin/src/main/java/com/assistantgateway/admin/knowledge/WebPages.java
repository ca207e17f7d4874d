package com.assistantgateway.admin.knowledge;

import com.assistantgateway.admin.AdminProblem;
import com.assistantgateway.routes.outbound.OutboundHttp;
import com.assistantgateway.routes.outbound.OutboundTargets;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.hc.client5.http.classic.HttpClient;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;
import org.springframework.stereotype.Component;

/**
 * Fetches a URL given as a knowledge source through the outbound guard (every connection and redirect checked where it
 * goes), with a size cap, and names the file so the type detector knows what the server said it sent.
 */
@Component
public class WebPages {

    private static final int MAX_URL_LENGTH = 300;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Content-type fragments and the extension that names them; anything else is read as HTML. */
    private static final Map<String, String> EXTENSIONS = new LinkedHashMap<>(
            Map.of("pdf", "pdf", "wordprocessingml", "docx", "csv", "csv", "markdown", "md", "text/plain", "txt"));

    private final OutboundTargets targets;
    private final HttpClient http;

    public WebPages(OutboundTargets targets, OutboundHttp http) {
        this.targets = targets;
        this.http = http.client();
    }

    record Fetched(String url, String fileName, byte[] content) {}

    Fetched fetch(String url, long maxBytes) {
        if (url == null || url.isBlank() || url.length() > MAX_URL_LENGTH) {
            throw AdminProblem.invalid("a URL of at most " + MAX_URL_LENGTH + " characters is needed");
        }
        String given = url.strip();
        HttpGet get = new HttpGet(targets.checkUrl("url", given));
        get.setConfig(
                RequestConfig.custom().setResponseTimeout(Timeout.of(TIMEOUT)).build());
        get.setHeader("User-Agent", "AssistantGateway-Knowledge/1.0");
        try {
            return http.execute(get, response -> {
                if (response.getCode() != 200) {
                    EntityUtils.consume(response.getEntity());
                    throw AdminProblem.invalid(given + " answered HTTP " + response.getCode());
                }
                Header type = response.getFirstHeader("Content-Type");
                byte[] content;
                try (InputStream body = response.getEntity().getContent()) {
                    content = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                }
                if (content.length > maxBytes) {
                    throw AdminProblem.tooLarge(given + " is larger than " + maxBytes + " bytes");
                }
                return new Fetched(given, fileName(type == null ? "text/html" : type.getValue()), content);
            });
        } catch (IOException e) {
            throw AdminProblem.invalid(given + " could not be fetched: " + e.getMessage());
        }
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
}
