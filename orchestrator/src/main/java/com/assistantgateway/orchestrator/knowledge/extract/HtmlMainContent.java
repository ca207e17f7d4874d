package com.assistantgateway.orchestrator.knowledge.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A web page reduced to what it is about: its {@code main} (or only {@code article}) without the site's navigation,
 * banners, footers, sidebars and forms, which would otherwise be chunked and cited as if they were knowledge. The
 * title stays in the head, where Tika reads it.
 */
final class HtmlMainContent {

    private static final String CHROME = "nav, header, footer, aside, form, noscript, template, dialog, iframe,"
            + " [role=navigation], [role=banner], [role=contentinfo], [role=complementary], [role=search],"
            + " [aria-hidden=true], [hidden]";

    private HtmlMainContent() {}

    /** The page as UTF-8 HTML holding its title and main content; its charset is read from the page itself. */
    static byte[] of(byte[] html) {
        Document page;
        try {
            page = Jsoup.parse(new ByteArrayInputStream(html), null, "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Element chrome : page.body().select(CHROME)) {
            // An article's own header holds its title and byline; only the site's header is chrome.
            if (!(chrome.tagName().equals("header") && chrome.closest("article, main") != null)) {
                chrome.remove();
            }
        }
        Element main = page.selectFirst("main, [role=main]");
        if (main == null && page.select("article").size() == 1) {
            main = page.selectFirst("article");
        }
        if (main != null) {
            page.body().empty().appendChild(main);
        }
        page.charset(StandardCharsets.UTF_8);
        return page.outerHtml().getBytes(StandardCharsets.UTF_8);
    }
}
