package com.assistantgateway.adapters.scrape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.BindingId;
import com.assistantgateway.routes.message.ChannelId;
import com.assistantgateway.routes.message.GatewayMessage;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.ChannelBinding;
import com.assistantgateway.routes.port.PageSnapshot;
import com.assistantgateway.routes.port.PageSnapshots;
import com.assistantgateway.routes.port.ScrapedPages;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class PageChangesTest {

    static final TenantId ACME = new TenantId("acme");
    static final ChannelBinding BINDING = new ChannelBinding(
            new BindingId("site"),
            ACME,
            new AssistantId("support"),
            new ChannelId("scrape"),
            "acme-site",
            Map.of(),
            Map.of());
    static final String URL = "https://acme.example/hours";

    final PageSnapshots snapshots = mock(PageSnapshots.class);
    final PageChanges changes = new PageChanges(snapshots, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

    @Test
    void anUnchangedPageMakesNoMessage() {
        Page page = new Page(URL, "Hours", "Open 8-18", Instant.EPOCH);
        when(snapshots.find(ACME, new BindingId("site"), URL)).thenReturn(Optional.of(snapshot("Open 8-18")));

        assertThat(changes.changed(BINDING, page)).isEmpty();
    }

    @Test
    void aChangedPageCarriesItsAddedAndRemovedLinesAndANewVersionId() {
        when(snapshots.find(ACME, new BindingId("site"), URL))
                .thenReturn(Optional.of(snapshot("Open 8-18\nClosed on Saturday")));

        GatewayMessage message = changes.changed(
                        BINDING, new Page(URL, "Hours", "Open 8-18\nSaturday 9-14", Instant.EPOCH))
                .orElseThrow();

        assertThat(message.metadata())
                .containsEntry(ScrapedPages.META_ADDED, "Saturday 9-14")
                .containsEntry(ScrapedPages.META_REMOVED, "Closed on Saturday");
        GatewayMessage otherVersion = changes.changed(BINDING, new Page(URL, "Hours", "Open 7-18", Instant.EPOCH))
                .orElseThrow();
        assertThat(otherVersion.channelMessageId()).isNotEqualTo(message.channelMessageId());
        assertThat(otherVersion.conversationId()).isEqualTo(message.conversationId());
    }

    @Test
    void contentComesFromTheFirstMatchingSelectorWithoutNavigationOrScripts() {
        var document = Jsoup.parse("<html><body><nav>Menu</nav><main><h1>Returns</h1><p>30 days.</p>"
                + "<ul><li>Unused parts</li></ul><script>track()</script></main><footer>©</footer></body></html>");
        ScrapeBinding.Job job = ScrapeBinding.Job.of(BINDING);

        assertThat(Crawler.content(document, job)).isEqualTo("Returns\n30 days.\nUnused parts");
    }

    private static PageSnapshot snapshot(String content) {
        return new PageSnapshot(
                ACME, new BindingId("site"), URL, "Hours", Page.sha256(content), content, Instant.EPOCH);
    }
}
