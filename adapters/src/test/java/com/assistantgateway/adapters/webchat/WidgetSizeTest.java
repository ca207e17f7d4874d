package com.assistantgateway.adapters.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** The widget stays light on tenants' pages: the loader every page fetches, the chat only when opened. */
class WidgetSizeTest {

    static final int LOADER_LIMIT = 5 * 1024;
    static final int CHAT_LIMIT = 50 * 1024;

    @Test
    void theLoaderIsAtMostFiveKilobytesGzipped() throws IOException {
        int size = gzipped("/static/widget/v1/loader.js");
        System.out.printf("widget loader.js: %d bytes gzipped (limit %d)%n", size, LOADER_LIMIT);
        assertThat(size).isPositive().isLessThanOrEqualTo(LOADER_LIMIT);
    }

    @Test
    void theChatUiIsAtMostFiftyKilobytesGzipped() throws IOException {
        int size = gzipped("/static/widget/v1/chat.js");
        System.out.printf("widget chat.js: %d bytes gzipped (limit %d)%n", size, CHAT_LIMIT);
        assertThat(size).isPositive().isLessThanOrEqualTo(CHAT_LIMIT);
    }

    private static int gzipped(String resource) throws IOException {
        try (InputStream in = WidgetSizeTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
                in.transferTo(gzip);
            }
            return out.size();
        }
    }
}
