package com.assistantgateway.adapters.scrape;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hc.client5.http.classic.HttpClient;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches for one crawl, politely: robots.txt is read once per host and obeyed (with its Crawl-delay when longer than
 * ours), requests to one host are spaced by the job's delay, and every request names the gateway in its User-Agent.
 * Every connection, a redirect's too, goes through the outbound guard: a crawl never reaches a private address.
 */
final class PageFetcher {

    record Fetched(String contentType, byte[] body) {}

    private static final Logger log = LoggerFactory.getLogger(PageFetcher.class);

    private final HttpClient http;
    private final ScrapeProperties properties;
    private final long hostDelayMillis;
    private final Map<String, BaseRobotRules> robots = new HashMap<>();
    private final Map<String, Long> lastRequest = new HashMap<>();

    PageFetcher(HttpClient http, ScrapeProperties properties, long hostDelayMillis) {
        this.http = http;
        this.properties = properties;
        this.hostDelayMillis = hostDelayMillis;
    }

    boolean allowed(URI url) {
        return rules(url).isAllowed(url.toString());
    }

    /** The body of a successful GET, or empty (robots.txt forbids it, an error status, too large, unreachable). */
    Optional<Fetched> get(URI url) {
        if (!allowed(url)) {
            log.debug("robots.txt disallows {}", url);
            return Optional.empty();
        }
        return request(url);
    }

    private BaseRobotRules rules(URI url) {
        String host = url.getScheme() + "://" + url.getRawAuthority();
        return robots.computeIfAbsent(host, h -> {
            URI robotsUrl = URI.create(h + "/robots.txt");
            Optional<Fetched> fetched = request(robotsUrl);
            SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
            return fetched.map(f -> parser.parseContent(
                            robotsUrl.toString(), f.body(), f.contentType(), List.of(properties.robotName())))
                    .orElseGet(() -> parser.failedFetch(404));
        });
    }

    private Optional<Fetched> request(URI url) {
        pause(url);
        HttpGet get = new HttpGet(url);
        get.setConfig(RequestConfig.custom()
                .setResponseTimeout(Timeout.of(properties.timeout()))
                .build());
        get.setHeader("User-Agent", properties.userAgent());
        get.setHeader("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,text/plain;q=0.8");
        try {
            return http.execute(get, response -> {
                if (response.getCode() / 100 != 2 || response.getEntity() == null) {
                    EntityUtils.consume(response.getEntity());
                    return Optional.<Fetched>empty();
                }
                byte[] body;
                try (InputStream content = response.getEntity().getContent()) {
                    body = content.readNBytes(properties.maxPageBytes() + 1);
                }
                if (body.length > properties.maxPageBytes()) {
                    return Optional.<Fetched>empty();
                }
                Header type = response.getFirstHeader("Content-Type");
                return Optional.of(new Fetched(type == null ? "text/html" : type.getValue(), body));
            });
        } catch (IOException e) {
            // Unreachable, refused by the outbound guard (a private address, a redirect there), or cut off.
            log.info("could not fetch {}: {}", url, e.toString());
            return Optional.empty();
        }
    }

    /** Spaces requests to one host: the job's delay, or robots.txt's Crawl-delay when that is longer. */
    private void pause(URI url) {
        String host = url.getRawAuthority();
        BaseRobotRules rules = url.getPath().equals("/robots.txt") ? null : robots.get(url.getScheme() + "://" + host);
        long delay = Math.max(hostDelayMillis, rules == null || rules.getCrawlDelay() < 0 ? 0 : rules.getCrawlDelay());
        Long last = lastRequest.get(host);
        long wait = last == null ? 0 : last + delay - System.currentTimeMillis();
        if (wait > 0) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        lastRequest.put(host, System.currentTimeMillis());
    }
}
