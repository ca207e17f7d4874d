package com.assistantgateway.routes.port;

import com.assistantgateway.routes.message.ChannelId;

/**
 * The contract of a message on channel {@code scrape} (a new or changed page) between the scrape adapter and the
 * assistants: its text is the page's content, its {@code from} the page URL, its subject the title, and these
 * metadata keys tell what changed.
 */
public final class ScrapedPages {

    public static final ChannelId CHANNEL = new ChannelId("scrape");
    public static final String META_URL = "scrape.url";
    /** Lines of the new version the previous one did not have. */
    public static final String META_ADDED = "scrape.added";
    /** Lines of the previous version that are gone. */
    public static final String META_REMOVED = "scrape.removed";
    /** {@code true} when the page was seen for the first time. */
    public static final String META_FIRST_SEEN = "scrape.firstSeen";

    private ScrapedPages() {}
}
