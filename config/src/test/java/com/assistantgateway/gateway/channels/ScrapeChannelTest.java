package com.assistantgateway.gateway.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.assistantgateway.adapters.scrape.ScrapeBinding;
import com.assistantgateway.admin.registry.NewAssistant;
import com.assistantgateway.admin.registry.NewBinding;
import com.assistantgateway.admin.registry.TenantRegistry;
import com.assistantgateway.gateway.CallbackReceiver;
import com.assistantgateway.orchestrator.knowledge.KnowledgeBase;
import com.assistantgateway.orchestrator.knowledge.ScoredChunk;
import com.assistantgateway.routes.backbone.ChannelSignatures;
import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.BindingId;
import com.assistantgateway.routes.message.TenantId;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Scrapers against a local web site with a sitemap and a robots.txt: the support assistant's knowledge follows the
 * site, a watcher reports what changed, and integrators can push pages.
 */
class ScrapeChannelTest extends ChannelsTestSupport {

    static final TenantId DEMO = new TenantId("demo");
    static final AssistantId SUPPORT = new AssistantId("support");
    static final AssistantId WATCHER = new AssistantId("watcher");
    static final String PUSH_TOKEN = "push-token";
    static final String NOTIFY_SECRET = "notify-secret";
    static final String OFFERS_RECIPIENT = "buyer@demo-parts.example";

    static final SiteServer site = startSite();
    static final CallbackReceiver receiver = startReceiver();

    @Autowired
    TenantRegistry registry;

    @Autowired
    KnowledgeBase knowledge;

    @LocalServerPort
    int port;

    @AfterAll
    static void stopSite() {
        site.close();
        receiver.close();
    }

    @BeforeEach
    void bindings() {
        if (registry.find(DEMO, new BindingId("scrape-site")).isPresent()) {
            return;
        }
        registry.createAssistant(
                DEMO, new NewAssistant(WATCHER, "watcher", "Price watch", null, null, Map.of()), "test");
        registry.createBinding(
                DEMO,
                binding(
                        "scrape-site",
                        SUPPORT,
                        "demo-site",
                        Map.of(
                                ScrapeBinding.SITEMAP, site.url("/sitemap.xml"),
                                ScrapeBinding.SCHEDULE, "PT0.5S",
                                ScrapeBinding.HOST_DELAY_MILLIS, "0"),
                        Map.of()),
                "test");
        registry.createBinding(
                DEMO,
                binding(
                        "watch-news",
                        WATCHER,
                        "demo-news",
                        Map.of(
                                ScrapeBinding.URLS,
                                site.url("/news.html"),
                                ScrapeBinding.SCHEDULE,
                                "PT0.5S",
                                ScrapeBinding.HOST_DELAY_MILLIS,
                                "0",
                                ScrapeBinding.NOTIFY_URL,
                                receiver.url("/page-changes")),
                        Map.of(ScrapeBinding.SIGNING_SECRET, NOTIFY_SECRET)),
                "test");
        registry.createBinding(
                DEMO,
                binding(
                        "watch-offers",
                        WATCHER,
                        "demo-offers",
                        Map.of(
                                ScrapeBinding.URLS, site.url("/offers.html"),
                                ScrapeBinding.SCHEDULE, "PT0.5S",
                                ScrapeBinding.HOST_DELAY_MILLIS, "0",
                                ScrapeBinding.NOTIFY_EMAIL, OFFERS_RECIPIENT,
                                ScrapeBinding.NOTIFY_EMAIL_BINDING, "email-demo"),
                        Map.of()),
                "test");
        registry.createBinding(
                DEMO,
                binding(
                        "scrape-push",
                        SUPPORT,
                        "demo-push",
                        Map.of(ScrapeBinding.SCHEDULE, "off"),
                        Map.of(ScrapeBinding.TOKEN_SHA256, ChannelSignatures.sha256Hex(PUSH_TOKEN))),
                "test");
    }

    @Test
    void crawledPagesBecomeKnowledgeAndAChangedPageReplacesItsOldVersion() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(top("How much does gift wrapping cost?"))
                .satisfies(passage -> {
                    assertThat(passage.chunk().source()).isEqualTo(site.url("/help/gift-wrapping.html"));
                    assertThat(passage.chunk().text()).contains("3 euros per parcel");
                }));
        // store-pickup is not in the sitemap: it is found through a link.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        top("Is store pickup free?").chunk().source())
                .isEqualTo(site.url("/help/store-pickup.html")));

        site.page(
                "/help/gift-wrapping.html",
                "Gift wrapping",
                "<h1>Gift wrapping</h1><p>Gift wrapping costs 4 euros per parcel since March.</p>");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                        top("How much does gift wrapping cost?").chunk().text())
                .contains("4 euros per parcel")
                .doesNotContain("3 euros"));
    }

    @Test
    void theCrawlerObeysRobotsTxtStaysOnTheSiteAndNamesItself() {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> site.requests().stream().anyMatch(r -> r.path().equals("/help/store-pickup.html")));

        List<SiteServer.Request> requests = site.requests();
        assertThat(requests)
                .extracting(SiteServer.Request::path)
                .contains("/robots.txt", "/sitemap.xml")
                .noneMatch(path -> path.startsWith("/private/"));
        assertThat(requests).allSatisfy(r -> assertThat(r.userAgent()).startsWith("AssistantGatewayBot/"));
    }

    @Test
    void aWatcherSendsASignedSummaryOfWhatChanged() {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> !receiver.received("/page-changes").isEmpty());

        site.page(
                "/news.html",
                "Opening hours",
                "<p>We are open Monday to Friday 8:00-18:00.</p>" + "<p>On Saturday we are open 9:00-14:00.</p>");

        CallbackReceiver.Received change = await().atMost(Duration.ofSeconds(60))
                .until(() -> receiver.receivedContaining("Added"), list -> !list.isEmpty())
                .get(0);
        assertThat(change.body())
                .contains("+ On Saturday we are open 9:00-14:00.")
                .contains("- Closed on Saturday.")
                .contains(site.url("/news.html"));
        assertThat(change.header("X-Gateway-Signature"))
                .isEqualTo(ChannelSignatures.signCallback(
                        NOTIFY_SECRET, Long.parseLong(change.header("X-Gateway-Timestamp")), change.body()));
    }

    @Test
    void aWatcherCanMailItsSummaryThroughTheTenantsEmailBinding() throws Exception {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> !EmailChannelTest.mailTo(OFFERS_RECIPIENT).isEmpty());

        site.page("/offers.html", "Offers", "<p>Brake discs: 20% off this week.</p>");

        jakarta.mail.internet.MimeMessage mail = await().atMost(Duration.ofSeconds(60))
                .until(() -> EmailChannelTest.mailTo(OFFERS_RECIPIENT), list -> list.size() >= 2)
                .get(1);
        assertThat(mail.getSubject()).isEqualTo("Changes on Offers");
        assertThat(((jakarta.mail.internet.InternetAddress) mail.getFrom()[0]).getAddress())
                .isEqualTo(DEMO_MAILBOX);
        assertThat(mail.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
        assertThat(EmailChannelTest.body(mail))
                .contains("+ Brake discs: 20% off this week.")
                .contains("- Spark plugs: 10% off.");
    }

    @Test
    void pushedPagesAreIndexedOnceAndRefusedWithoutTheToken() throws Exception {
        String document = "{\"url\":\"https://partner.example/faq/batteries\",\"title\":\"Batteries\","
                + "\"content\":\"Car batteries are recycled for free at every Demo Car Parts shop.\","
                + "\"fetchedAt\":\"2026-11-20T10:00:00Z\"}";

        HttpResponse<String> first = push(PUSH_TOKEN, document);
        HttpResponse<String> again = push(PUSH_TOKEN, document);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(first.body()).contains("\"status\":\"accepted\"");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("\"status\":\"unchanged\"");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        top("Do you recycle old car batteries?").chunk().source())
                .isEqualTo("https://partner.example/faq/batteries"));

        assertThat(push("wrong", document).statusCode()).isEqualTo(401);
        assertThat(push(PUSH_TOKEN, "{\"url\":\"ftp://x\",\"content\":\"x\"}").statusCode())
                .isEqualTo(400);
        assertThat(push(PUSH_TOKEN, "{\"url\":\"https://partner.example/a\"}").statusCode())
                .isEqualTo(400);
    }

    private ScoredChunk top(String question) {
        List<ScoredChunk> passages = knowledge.retrieve(DEMO, SUPPORT, question, 1);
        assertThat(passages).isNotEmpty();
        return passages.get(0);
    }

    private HttpResponse<String> push(String token, String json) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/channels/scrape/demo-push"))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static NewBinding binding(
            String id,
            AssistantId assistant,
            String key,
            Map<String, String> settings,
            Map<String, String> credentials) {
        return new NewBinding(
                new BindingId(id), assistant, ScrapeBinding.CHANNEL, key, new LinkedHashMap<>(settings), credentials);
    }

    private static SiteServer startSite() {
        SiteServer server = new SiteServer();
        server.file("/robots.txt", "text/plain", "User-agent: *\nDisallow: /private/\n");
        server.file(
                "/sitemap.xml",
                "application/xml",
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <url><loc>%s</loc></url>
                  <url><loc>%s</loc></url>
                </urlset>
                """
                        .formatted(server.url("/help/gift-wrapping.html"), server.url("/private/prices.html")));
        server.page(
                "/help/gift-wrapping.html",
                "Gift wrapping",
                "<h1>Gift wrapping</h1>"
                        + "<p>Gift wrapping costs 3 euros per parcel.</p>"
                        + "<p><a href=\"/help/store-pickup.html\">Store pickup</a> <a href=\"https://elsewhere.example/\">x</a></p>");
        server.page(
                "/help/store-pickup.html",
                "Store pickup",
                "<h1>Store pickup</h1>" + "<p>Store pickup is free at our Utrecht shop.</p>");
        server.page("/private/prices.html", "Purchase prices", "<p>Not for crawlers.</p>");
        server.page("/offers.html", "Offers", "<p>Spark plugs: 10% off.</p>");
        server.page(
                "/news.html",
                "Opening hours",
                "<p>We are open Monday to Friday 8:00-18:00.</p>" + "<p>Closed on Saturday.</p>");
        return server;
    }

    private static CallbackReceiver startReceiver() {
        try {
            return new CallbackReceiver();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
