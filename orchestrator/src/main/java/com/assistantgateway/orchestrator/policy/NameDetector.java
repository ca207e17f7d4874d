package com.assistantgateway.orchestrator.policy;

import com.assistantgateway.routes.outbound.OutboundHttp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.springframework.stereotype.Component;

/**
 * Person names found by a Presidio-compatible analyzer ({@code POST <url>/analyze} with {@code text}, {@code language}
 * and {@code entities: ["PERSON"]}, answering {@code [{"entity_type", "start", "end", "score"}]}), reached through the
 * outbound guard like every tenant-configured address. Any failure is {@link Unavailable}: a policy that asks for
 * names to be hidden must not send them on because the detector was down.
 */
@Component
public class NameDetector {

    static final double MIN_SCORE = 0.5;

    private final OutboundHttp http;
    private final ObjectMapper json = new ObjectMapper();

    public NameDetector(OutboundHttp http) {
        this.http = http;
    }

    public List<Found> find(String analyzerUrl, String text) {
        HttpPost post = new HttpPost(URI.create(analyzerUrl.replaceAll("/+$", "") + "/analyze"));
        try {
            post.setEntity(new StringEntity(
                    json.writeValueAsString(Map.of("text", text, "language", "en", "entities", List.of("PERSON"))),
                    ContentType.APPLICATION_JSON));
            return http.client().execute(post, response -> {
                if (response.getCode() != 200) {
                    throw new IOException("name detector answered " + response.getCode());
                }
                List<Found> found = new ArrayList<>();
                for (JsonNode entity : json.readTree(EntityUtils.toString(response.getEntity()))) {
                    if ("PERSON".equals(entity.path("entity_type").asText())
                            && entity.path("score").asDouble() >= MIN_SCORE) {
                        int start = entity.path("start").asInt();
                        int end = entity.path("end").asInt();
                        if (start < 0 || end > text.length() || start >= end) {
                            throw new IOException("name detector returned a span outside the text");
                        }
                        found.add(new Found(start, end));
                    }
                }
                return found;
            });
        } catch (IOException | RuntimeException e) {
            throw new Unavailable("the name detector at " + analyzerUrl + " is unavailable: " + e.getMessage(), e);
        }
    }

    /** A name's span in the text. */
    public record Found(int start, int end) {}

    /** The configured detector could not answer: the caller fails closed. */
    public static class Unavailable extends RuntimeException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
