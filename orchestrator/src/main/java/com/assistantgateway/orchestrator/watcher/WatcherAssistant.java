package com.assistantgateway.orchestrator.watcher;

import com.assistantgateway.orchestrator.answer.ChatModels;
import com.assistantgateway.orchestrator.plugin.AssistantManifest;
import com.assistantgateway.orchestrator.plugin.AssistantPlugin;
import com.assistantgateway.routes.message.GatewayMessage;
import com.assistantgateway.routes.port.AssistantAnswer;
import com.assistantgateway.routes.port.AssistantProfile;
import com.assistantgateway.routes.port.AssistantRequest;
import com.assistantgateway.routes.port.ScrapedPages;
import dev.langchain4j.model.chat.ChatModel;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Summarises what changed on a watched page: with an LLM, in a few sentences from the added and removed lines;
 * without one, as the lists of added and removed lines themselves. The scrape channel delivers the summary to the
 * binding's recipient.
 */
@Component
public class WatcherAssistant implements AssistantPlugin {

    static final int MAX_LINES = 20;

    private static final AssistantManifest MANIFEST = new AssistantManifest(
            "watcher",
            "Page watcher",
            "1.0.0",
            "Summarises what changed on scraped pages and sends the summary to a recipient.",
            """
            {"type": "object", "additionalProperties": false, "properties": {
              "focus": {"type": "string", "maxLength": 500},
              "llm.baseUrl": {"type": "string", "format": "uri"},
              "llm.model": {"type": "string", "maxLength": 200}}}
            """,
            Set.of(ScrapedPages.CHANNEL.value()),
            Set.of(ChatModels.BASE_URL),
            Set.of());

    private final ChatModels chatModels;

    public WatcherAssistant(ChatModels chatModels) {
        this.chatModels = chatModels;
    }

    @Override
    public AssistantManifest manifest() {
        return MANIFEST;
    }

    @Override
    public AssistantAnswer answer(AssistantProfile profile, AssistantRequest request) {
        GatewayMessage page = request.message();
        String added = page.metadata().getOrDefault(ScrapedPages.META_ADDED, "");
        String removed = page.metadata().getOrDefault(ScrapedPages.META_REMOVED, "");
        String title = page.subject() == null ? page.from() : page.subject();
        if ("true".equals(page.metadata().get(ScrapedPages.META_FIRST_SEEN))) {
            return new AssistantAnswer("Now watching " + title + " (" + page.from() + ").", List.of(), 1.0);
        }
        if (added.isBlank() && removed.isBlank()) {
            return new AssistantAnswer("Only the layout of " + title + " changed.", List.of(), 1.0);
        }
        Optional<ChatModel> llm = chatModels.forAssistant(profile);
        String summary = llm.map(model -> model.chat(prompt(profile, title, page.from(), added, removed)))
                .orElseGet(() -> listed(title, added, removed));
        return new AssistantAnswer(summary, List.of(), 1.0);
    }

    static String listed(String title, String added, String removed) {
        StringBuilder summary = new StringBuilder("Changes on ").append(title).append(':');
        if (!added.isBlank()) {
            summary.append("\n\nAdded:");
            added.lines().limit(MAX_LINES).forEach(line -> summary.append("\n+ ")
                    .append(line));
        }
        if (!removed.isBlank()) {
            summary.append("\n\nRemoved:");
            removed.lines().limit(MAX_LINES).forEach(line -> summary.append("\n- ")
                    .append(line));
        }
        return summary.toString();
    }

    private static String prompt(AssistantProfile profile, String title, String url, String added, String removed) {
        return "Summarise for a busy reader, in at most three sentences, what changed on the page \"" + title + "\" ("
                + url + ")."
                + profile.setting("focus").map(f -> " Focus on: " + f + ".").orElse("")
                + "\n\nLines added:\n" + added + "\n\nLines removed:\n" + removed;
    }
}
