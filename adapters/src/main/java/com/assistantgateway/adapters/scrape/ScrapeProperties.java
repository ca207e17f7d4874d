package com.assistantgateway.adapters.scrape;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Scraper settings ({@code gateway.adapters.scrape.*}).
 *
 * @param userAgent sent with every request and matched against robots.txt groups by its first word
 * @param timeout per request
 * @param maxPageBytes larger pages are skipped
 * @param maxPushBytes larger pushed documents are refused with 413
 */
@Validated
@ConfigurationProperties("gateway.adapters.scrape")
public record ScrapeProperties(
        @NotBlank
                @DefaultValue(
                        "AssistantGatewayBot/0.1 (+https://github.com/assistant-gateway; crawls for tenants' assistants)")
                String userAgent,
        @NotNull @DefaultValue("15s") Duration timeout,
        @Min(1024) @DefaultValue("2000000") int maxPageBytes,
        @Min(1024) @DefaultValue("1000000") int maxPushBytes) {

    /** The robots.txt agent name: the User-Agent's product token, lower-cased as robots.txt matching requires. */
    public String robotName() {
        return userAgent.split("[/\\s]", 2)[0].toLowerCase(java.util.Locale.ROOT);
    }
}
