package com.assistantgateway.orchestrator.watcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.assistantgateway.orchestrator.answer.ChatModels;
import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.GatewayMessage;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.AssistantProfile;
import com.assistantgateway.routes.port.AssistantRequest;
import com.assistantgateway.routes.port.ScrapedPages;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WatcherAssistantTest {

    static final TenantId ACME = new TenantId("acme");
    static final AssistantProfile PROFILE =
            new AssistantProfile(ACME, new AssistantId("watch"), "watcher", "Watch", null, null, Map.of());

    final ChatModels chatModels = mock(ChatModels.class);
    final WatcherAssistant watcher = new WatcherAssistant(chatModels);

    @Test
    void withoutAnLlmTheSummaryListsAddedAndRemovedLines() {
        when(chatModels.forAssistant(any())).thenReturn(Optional.empty());

        String summary = watcher.answer(
                        PROFILE,
                        request(Map.of(
                                ScrapedPages.META_ADDED, "Saturday 9-14",
                                ScrapedPages.META_REMOVED, "Closed on Saturday")))
                .text();

        assertThat(summary)
                .isEqualTo("Changes on Opening hours:\n\nAdded:\n+ Saturday 9-14\n\nRemoved:\n- Closed on Saturday");
    }

    @Test
    void aFirstSeenPageIsAcknowledgedNotSummarised() {
        String reply = watcher.answer(PROFILE, request(Map.of(ScrapedPages.META_FIRST_SEEN, "true")))
                .text();

        assertThat(reply).isEqualTo("Now watching Opening hours (https://acme.example/hours).");
    }

    @Test
    void aChangeOfMarkupOnlyIsSaidSo() {
        String reply = watcher.answer(
                        PROFILE, request(Map.of(ScrapedPages.META_ADDED, "", ScrapedPages.META_REMOVED, "")))
                .text();

        assertThat(reply).isEqualTo("Only the layout of Opening hours changed.");
    }

    private static AssistantRequest request(Map<String, String> metadata) {
        GatewayMessage page = GatewayMessage.inbound()
                .tenant(ACME)
                .assistant(new AssistantId("watch"))
                .channel(ScrapedPages.CHANNEL)
                .from("https://acme.example/hours")
                .subject("Opening hours")
                .text("Open 8-18\nSaturday 9-14")
                .metadata(metadata)
                .build();
        return new AssistantRequest(page, List.of());
    }
}
