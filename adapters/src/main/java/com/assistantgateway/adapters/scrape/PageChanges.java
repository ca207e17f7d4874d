package com.assistantgateway.adapters.scrape;

import com.assistantgateway.routes.message.ConversationId;
import com.assistantgateway.routes.message.GatewayMessage;
import com.assistantgateway.routes.port.ChannelBinding;
import com.assistantgateway.routes.port.PageSnapshot;
import com.assistantgateway.routes.port.PageSnapshots;
import com.assistantgateway.routes.port.ScrapedPages;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.Variable;
import org.springframework.stereotype.Component;

/**
 * Decides whether a page changed (its content hash differs from the last seen version) and turns a changed page into
 * a canonical message on channel {@code scrape}: the new content as text, and the lines added and removed since the
 * last version as metadata for watchers. The new version is remembered only after the message is accepted.
 */
@Component
public class PageChanges {

    private static final String META_URL = ScrapedPages.META_URL;
    private static final String META_ADDED = ScrapedPages.META_ADDED;
    private static final String META_REMOVED = ScrapedPages.META_REMOVED;
    private static final String META_FIRST_SEEN = ScrapedPages.META_FIRST_SEEN;
    static final String PAGE = "page";
    private static final int MAX_DIFF_CHARS = 4000;

    private final PageSnapshots snapshots;
    private final Clock clock;

    public PageChanges(PageSnapshots snapshots, Clock clock) {
        this.snapshots = snapshots;
        this.clock = clock;
    }

    /** The message for a page that is new or changed; empty when it is as last seen. */
    Optional<GatewayMessage> changed(ChannelBinding binding, Page page) {
        Optional<PageSnapshot> previous = snapshots.find(binding.tenantId(), binding.id(), page.url());
        if (previous.isPresent() && previous.get().contentSha256().equals(page.contentSha256())) {
            return Optional.empty();
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(META_URL, page.url());
        if (previous.isEmpty()) {
            metadata.put(META_FIRST_SEEN, "true");
        } else {
            metadata.put(META_ADDED, diff(page.content(), previous.get().content()));
            metadata.put(META_REMOVED, diff(previous.get().content(), page.content()));
        }
        return Optional.of(GatewayMessage.inbound()
                .tenant(binding.tenantId())
                .assistant(binding.assistantId())
                .binding(binding.id())
                .channel(ScrapeBinding.CHANNEL)
                .conversation(
                        new ConversationId("page-" + Page.sha256(page.url()).substring(0, 32)))
                .from(page.url())
                .to(binding.inboundKey())
                .subject(page.title())
                .text(page.content())
                .channelMessageId(versionId(page))
                .createdAt(page.fetchedAt())
                .receivedAt(clock.instant())
                .metadata(metadata)
                .build());
    }

    /** One id per page version: a new version is a new message, a re-read of the same version a duplicate. */
    private static String versionId(Page page) {
        return Page.sha256(page.url()).substring(0, 32) + ":"
                + page.contentSha256().substring(0, 32);
    }

    /** Called after the message was accepted: this version is now the one to compare with. */
    public void remember(@Variable(PAGE) GatewayMessage page) {
        snapshots.save(new PageSnapshot(
                page.tenantId(),
                page.bindingId(),
                page.metadata().get(META_URL),
                page.subject(),
                Page.sha256(page.text()),
                page.text(),
                page.createdAt() == null ? clock.instant() : page.createdAt()));
    }

    /** Lines of {@code text} that {@code other} does not have, in order, bounded. */
    static String diff(String text, String other) {
        Set<String> otherLines = new LinkedHashSet<>(lines(other));
        List<String> only = new ArrayList<>();
        int length = 0;
        for (String line : lines(text)) {
            if (!otherLines.contains(line) && length + line.length() < MAX_DIFF_CHARS) {
                only.add(line);
                length += line.length() + 1;
            }
        }
        return String.join("\n", only);
    }

    private static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
