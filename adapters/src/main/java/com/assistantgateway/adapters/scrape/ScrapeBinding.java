package com.assistantgateway.adapters.scrape;

import com.assistantgateway.routes.message.ChannelId;
import com.assistantgateway.routes.port.ChannelBinding;
import com.assistantgateway.routes.port.ScrapedPages;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * A scrape binding. Its inbound key names the push endpoint {@code /channels/scrape/{bindingKey}}; its settings
 * describe the crawl job; {@link #NOTIFY_URL} or {@link #NOTIFY_EMAIL} say where a watcher's summaries go.
 */
public final class ScrapeBinding {

    public static final ChannelId CHANNEL = ScrapedPages.CHANNEL;

    /** Start URLs, separated by commas or new lines. */
    public static final String URLS = "urls";

    public static final String SITEMAP = "sitemap";
    /** How often the crawl runs (ISO-8601 duration, default PT6H); {@code off} for push-only bindings. */
    public static final String SCHEDULE = "schedule";
    /** CSS selector of the content to keep (default {@code main, article, body}: the first that matches). */
    public static final String CONTENT_SELECTOR = "contentSelector";
    /** Follow links to other hosts? (default {@code false}). */
    public static final String SAME_HOST = "sameHost";

    public static final String MAX_PAGES = "maxPages";
    /** Pause between two requests to the same host, in milliseconds (default 1000). */
    public static final String HOST_DELAY_MILLIS = "hostDelayMillis";
    /** A watcher's summaries are POSTed here, signed like webhook callbacks. */
    public static final String NOTIFY_URL = "notifyUrl";
    /** ... or mailed to this address through the tenant's email binding {@link #NOTIFY_EMAIL_BINDING}. */
    public static final String NOTIFY_EMAIL = "notifyEmail";

    public static final String NOTIFY_EMAIL_BINDING = "notifyEmailBinding";

    /** SHA-256 of the push endpoint's bearer token. */
    public static final String TOKEN_SHA256 = "tokenSha256";
    /** Signs notifications to {@link #NOTIFY_URL}. */
    public static final String SIGNING_SECRET = "signingSecret";

    private ScrapeBinding() {}

    /** The crawl a binding describes. */
    record Job(
            List<String> urls,
            String sitemap,
            Duration schedule,
            String contentSelector,
            boolean sameHost,
            int maxPages,
            Duration hostDelay) {

        static Job of(ChannelBinding binding) {
            List<String> urls = binding.setting(URLS)
                    .map(list -> Arrays.stream(list.split("[,\\s]+"))
                            .filter(u -> !u.isBlank())
                            .toList())
                    .orElse(List.of());
            String schedule = binding.setting(SCHEDULE).orElse("PT6H");
            return new Job(
                    urls,
                    binding.setting(SITEMAP).orElse(null),
                    "off".equalsIgnoreCase(schedule) ? null : Duration.parse(schedule),
                    binding.setting(CONTENT_SELECTOR).orElse("main, article, body"),
                    binding.setting(SAME_HOST).map(Boolean::parseBoolean).orElse(true),
                    binding.setting(MAX_PAGES).map(Integer::parseInt).orElse(50),
                    Duration.ofMillis(binding.setting(HOST_DELAY_MILLIS)
                            .map(Long::parseLong)
                            .orElse(1000L)));
        }
    }
}
