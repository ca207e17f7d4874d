package com.assistantgateway.adapters.scrape;

import com.assistantgateway.routes.backbone.GatewayHeaders;
import com.assistantgateway.routes.message.BindingId;
import com.assistantgateway.routes.message.GatewayMessage;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.outbound.OutboundHttp;
import com.assistantgateway.routes.outbound.OutboundTargets;
import com.assistantgateway.routes.port.ChannelBinding;
import com.assistantgateway.routes.port.ChannelBindings;
import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.Header;
import org.apache.hc.client5.http.classic.HttpClient;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * One crawl of a binding's job: start URLs and sitemap entries first, then links breadth-first, within the host (unless
 * allowed otherwise) and the page cap. Returns the messages of pages that are new or changed.
 */
@Component
@EnableConfigurationProperties(ScrapeProperties.class)
public class Crawler {

    private static final Logger log = LoggerFactory.getLogger(Crawler.class);

    private final ChannelBindings bindings;
    private final PageChanges changes;
    private final ScrapeProperties properties;
    private final HttpClient http;
    private final OutboundTargets targets;
    private final Clock clock;

    public Crawler(
            ChannelBindings bindings,
            PageChanges changes,
            ScrapeProperties properties,
            OutboundHttp http,
            OutboundTargets targets,
            Clock clock) {
        this.clock = clock;
        this.bindings = bindings;
        this.changes = changes;
        this.properties = properties;
        this.http = http.client();
        this.targets = targets;
    }

    public List<GatewayMessage> crawl(
            @Header(GatewayHeaders.TENANT_ID) String tenant, @Header(GatewayHeaders.BINDING_ID) String bindingId) {
        ChannelBinding binding = bindings.find(new TenantId(tenant), new BindingId(bindingId))
                .orElseThrow(() -> new IllegalStateException("binding " + tenant + "/" + bindingId + " is gone"));
        ScrapeBinding.Job job = ScrapeBinding.Job.of(binding);
        PageFetcher fetcher = new PageFetcher(http, properties, job.hostDelay().toMillis());
        Deque<URI> frontier = new ArrayDeque<>();
        job.urls().forEach(url -> frontier.add(URI.create(url)));
        if (job.sitemap() != null) {
            frontier.addAll(sitemapUrls(fetcher, URI.create(job.sitemap())));
        }
        Set<String> hosts = new HashSet<>();
        frontier.forEach(url -> hosts.add(url.getHost()));
        Set<URI> seen = new HashSet<>(frontier);
        List<GatewayMessage> changed = new ArrayList<>();
        int fetched = 0;
        while (!frontier.isEmpty() && fetched < job.maxPages()) {
            URI url = frontier.poll();
            Optional<PageFetcher.Fetched> page = fetcher.get(url);
            if (page.isEmpty()
                    || !page.get().contentType().toLowerCase(Locale.ROOT).contains("html")) {
                continue;
            }
            fetched++;
            Document document = Jsoup.parse(new String(page.get().body(), charset(page.get())), url.toString());
            changes.changed(
                            binding,
                            new Page(url.toString(), document.title(), content(document, job), clock.instant()))
                    .ifPresent(changed::add);
            for (Element link : document.select("a[href]")) {
                Optional<URI> next = link(link.absUrl("href")).filter(this::allowedScheme);
                if (next.isPresent()
                        && (!job.sameHost() || hosts.contains(next.get().getHost()))
                        && seen.add(next.get())) {
                    frontier.add(next.get());
                }
            }
        }
        log.info("crawl of {}: {} pages fetched, {} new or changed", binding, fetched, changed.size());
        return changed;
    }

    /** The job's content: the first selector that matches, as lines of text (headings, paragraphs, list items). */
    static String content(Document document, ScrapeBinding.Job job) {
        for (String selector : job.contentSelector().split(",")) {
            Elements selected = document.select(selector.trim());
            if (!selected.isEmpty()) {
                List<String> lines = new ArrayList<>();
                for (Element element : selected) {
                    element.select("script, style, nav, footer, noscript").remove();
                    Elements blocks = element.select("h1, h2, h3, h4, h5, h6, p, li, td, pre, blockquote");
                    if (blocks.isEmpty()) {
                        lines.add(element.text());
                    } else {
                        blocks.stream()
                                .filter(block -> block.parents().stream().noneMatch(blocks::contains))
                                .forEach(block -> lines.add(block.text()));
                    }
                }
                return String.join(
                        "\n", lines.stream().filter(l -> !l.isBlank()).toList());
            }
        }
        return document.body() == null ? "" : document.body().text();
    }

    private static List<URI> sitemapUrls(PageFetcher fetcher, URI sitemap) {
        List<URI> urls = new ArrayList<>();
        Optional<PageFetcher.Fetched> fetched = fetcher.get(sitemap);
        if (fetched.isEmpty()) {
            return urls;
        }
        try {
            AbstractSiteMap parsed = new SiteMapParser(false)
                    .parseSiteMap(fetched.get().contentType(), fetched.get().body(), sitemap.toURL());
            if (parsed instanceof SiteMapIndex index) {
                for (AbstractSiteMap child : index.getSitemaps()) {
                    urls.addAll(sitemapUrls(fetcher, child.getUrl().toURI()));
                }
            } else if (parsed instanceof SiteMap map) {
                for (SiteMapURL entry : map.getSiteMapUrls()) {
                    urls.add(entry.getUrl().toURI());
                }
            }
        } catch (Exception unparsable) {
            log.info("sitemap {} could not be read: {}", sitemap, unparsable.toString());
        }
        return urls;
    }

    /** Links to plain http pages are followed only where the platform allows plain http at all. */
    private boolean allowedScheme(URI link) {
        try {
            targets.checkLink("link", link.toString());
            return true;
        } catch (OutboundTargets.TargetRefused refused) {
            return false;
        }
    }

    private static Optional<URI> link(String href) {
        if (href == null || href.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(href.trim().split("#", 2)[0]).normalize();
            boolean web = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            return web ? Optional.of(uri) : Optional.empty();
        } catch (Exception malformed) {
            return Optional.empty();
        }
    }

    private static java.nio.charset.Charset charset(PageFetcher.Fetched page) {
        String type = page.contentType().toLowerCase(Locale.ROOT);
        int at = type.indexOf("charset=");
        if (at >= 0) {
            try {
                return java.nio.charset.Charset.forName(
                        type.substring(at + 8).replaceAll("[\"';].*", "").trim());
            } catch (Exception unknown) {
                return StandardCharsets.UTF_8;
            }
        }
        return StandardCharsets.UTF_8;
    }
}
