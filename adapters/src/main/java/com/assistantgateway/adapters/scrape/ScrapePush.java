package com.assistantgateway.adapters.scrape;

import com.assistantgateway.routes.backbone.ChannelSignatures;
import com.assistantgateway.routes.backbone.GatewayHeaders;
import com.assistantgateway.routes.message.CanonicalJson;
import com.assistantgateway.routes.message.GatewayMessage;
import com.assistantgateway.routes.port.Acceptance;
import com.assistantgateway.routes.port.ChannelBinding;
import com.assistantgateway.routes.port.ChannelBindings;
import com.assistantgateway.routes.port.ChannelRequestException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.apache.camel.Headers;
import org.springframework.stereotype.Component;

/**
 * Pages pushed by integrators' own scrapers: {@code POST /channels/scrape/{bindingKey}} with a bearer token and
 * {@code {"url", "title", "content", "fetchedAt"}}. A changed page takes the crawler's path; an unchanged one is
 * acknowledged and dropped.
 */
@Component
public class ScrapePush {

    private final ChannelBindings bindings;
    private final PageChanges changes;
    private final ScrapeProperties properties;
    private final Clock clock;

    public ScrapePush(ChannelBindings bindings, PageChanges changes, ScrapeProperties properties, Clock clock) {
        this.bindings = bindings;
        this.changes = changes;
        this.properties = properties;
        this.clock = clock;
    }

    /** The message of a changed page, or {@code null} when the page is as last seen. */
    public GatewayMessage normalize(
            @Header(GatewayHeaders.BINDING_KEY) String bindingKey,
            @Header("Authorization") String authorization,
            @Body byte[] body) {
        ChannelBinding binding = bindings.require(ScrapeBinding.CHANNEL, bindingKey);
        byte[] raw = body == null ? new byte[0] : body;
        if (raw.length > properties.maxPushBytes()) {
            throw ChannelRequestException.tooLarge(
                    "The document has " + raw.length + " bytes; the limit is " + properties.maxPushBytes() + ".");
        }
        String token = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim()
                : null;
        if (!ChannelSignatures.tokenMatches(
                binding.credential(ScrapeBinding.TOKEN_SHA256).orElse(null), token)) {
            throw ChannelRequestException.unauthorized("Send 'Authorization: Bearer <binding token>'.");
        }
        JsonNode document = parse(raw);
        String url = required(document, "url");
        try {
            URI uri = URI.create(url);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw ChannelRequestException.badRequest("'url' must be an http(s) URL.");
        }
        Page page = new Page(url, optional(document, "title"), required(document, "content"), fetchedAt(document));
        return changes.changed(binding, page).orElse(null);
    }

    /** 202 with the message's ids for a changed page; 200 {@code unchanged} otherwise. */
    public Map<String, Object> response(@Body Object result, @Headers Map<String, Object> headers) {
        Map<String, Object> response = new LinkedHashMap<>();
        headers.put(Exchange.CONTENT_TYPE, "application/json");
        if (result instanceof Acceptance acceptance) {
            headers.put(Exchange.HTTP_RESPONSE_CODE, 202);
            response.put("status", acceptance.fresh() ? "accepted" : "duplicate");
            response.put("messageId", acceptance.message().id().value());
        } else {
            headers.put(Exchange.HTTP_RESPONSE_CODE, 200);
            response.put("status", "unchanged");
        }
        return response;
    }

    private Instant fetchedAt(JsonNode document) {
        String value = optional(document, "fetchedAt");
        if (value == null) {
            return clock.instant();
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ChannelRequestException.badRequest(
                    "'fetchedAt' must be an ISO-8601 instant, e.g. 2026-01-31T12:00:00Z.");
        }
    }

    private static JsonNode parse(byte[] raw) {
        try {
            JsonNode node = CanonicalJson.mapper().readTree(raw);
            if (node == null || !node.isObject()) {
                throw ChannelRequestException.badRequest("The body must be a JSON object.");
            }
            return node;
        } catch (IOException e) {
            throw ChannelRequestException.badRequest("The body is not valid JSON.");
        }
    }

    private static String required(JsonNode document, String field) {
        String value = optional(document, field);
        if (value == null || value.isBlank()) {
            throw ChannelRequestException.badRequest("'" + field + "' is required and must be a non-empty string.");
        }
        return value;
    }

    private static String optional(JsonNode document, String field) {
        JsonNode value = document.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ChannelRequestException.badRequest("'" + field + "' must be a string.");
        }
        return value.asText();
    }
}
