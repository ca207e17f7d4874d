package com.assistantgateway.adapters.scrape;

import com.assistantgateway.routes.backbone.ChannelSignatures;
import java.time.Instant;

/** A page's extracted content, crawled or pushed. */
record Page(String url, String title, String content, Instant fetchedAt) {

    String contentSha256() {
        return sha256(content);
    }

    static String sha256(String text) {
        return ChannelSignatures.sha256Hex(text);
    }
}
