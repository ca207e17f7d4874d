package com.assistantgateway.orchestrator.support;

import com.assistantgateway.orchestrator.OrchestratorProperties;
import com.assistantgateway.orchestrator.answer.ChatModels;
import com.assistantgateway.orchestrator.answer.ExtractiveAnswerer;
import com.assistantgateway.orchestrator.answer.GenerativeAnswerer;
import com.assistantgateway.orchestrator.knowledge.KnowledgeBase;
import com.assistantgateway.orchestrator.knowledge.Language;
import com.assistantgateway.orchestrator.knowledge.RetrievalMode;
import com.assistantgateway.orchestrator.knowledge.ScoredChunk;
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

/** Retrieval-augmented answers from the assistant's own knowledge. */
@Component
public class SupportAssistant implements AssistantPlugin {

    static final String DONT_KNOW = "I'm sorry, I don't have information about that."
            + " Please rephrase your question, or a member of our team will get back to you.";

    private static final AssistantManifest MANIFEST = new AssistantManifest(
            "support",
            "Support assistant",
            "1.0.0",
            "Answers customers from the tenant's knowledge base, with citations.",
            """
            {"type": "object", "additionalProperties": false, "properties": {
              "topK": {"type": "string", "pattern": "^[1-9][0-9]?$",
                "description": "a whole number from 1 to 99"},
              "confidenceThreshold": {"type": "string", "pattern": "^(0(\\\\.[0-9]+)?|1(\\\\.0+)?)$",
                "description": "a number from 0 to 1 written with a decimal point, such as 0.45"},
              "retrievalMode": {"type": "string", "enum": ["hybrid", "dense", "bm25"]},
              "language": {"type": "string", "enum": ["en", "nl", "sv", "pt", "de"]},
              "llm.baseUrl": {"type": "string", "format": "uri"},
              "llm.model": {"type": "string", "maxLength": 200},
              "frontendUrl": {"type": "string", "format": "uri"}}}
            """,
            Set.of(AssistantManifest.ALL_CHANNELS),
            Set.of(ChatModels.BASE_URL),
            Set.of("frontendUrl"));

    private final KnowledgeBase knowledge;
    private final ChatModels chatModels;
    private final ExtractiveAnswerer extractive;
    private final GenerativeAnswerer generative;
    private final OrchestratorProperties.Retrieval defaults;

    public SupportAssistant(
            KnowledgeBase knowledge,
            ChatModels chatModels,
            ExtractiveAnswerer extractive,
            GenerativeAnswerer generative,
            OrchestratorProperties properties) {
        this.knowledge = knowledge;
        this.chatModels = chatModels;
        this.extractive = extractive;
        this.generative = generative;
        this.defaults = properties.retrieval();
    }

    @Override
    public AssistantManifest manifest() {
        return MANIFEST;
    }

    @Override
    public AssistantAnswer answer(AssistantProfile profile, AssistantRequest request) {
        GatewayMessage message = request.message();
        if (ScrapedPages.CHANNEL.equals(message.channel())) {
            return reindex(message);
        }
        if (!message.hasOwnText()) {
            // Only files: the text is the channel's placeholder, and any passage it matched would be a guess.
            return new AssistantAnswer(DONT_KNOW, List.of(), 0.0);
        }
        int topK = profile.setting("topK").map(Integer::parseInt).orElse(defaults.topK());
        double threshold =
                profile.setting("confidenceThreshold").map(Double::parseDouble).orElse(defaults.confidenceThreshold());
        RetrievalMode mode =
                profile.setting("retrievalMode").map(RetrievalMode::of).orElse(defaults.mode());
        // A short question shows no language of its own; the sender's locale, then the assistant's, says which it is.
        Language language = Language.of(message.locale())
                .or(() -> profile.setting("language").flatMap(Language::of))
                .orElse(defaults.defaultLanguage());
        List<ScoredChunk> passages =
                knowledge.retrieve(message.tenantId(), message.assistantId(), message.text(), mode, topK, language);
        // The best retrieval score, wherever a re-ranker has put that passage.
        double confidence = Math.max(
                0.0,
                Math.min(
                        1.0,
                        passages.stream().mapToDouble(ScoredChunk::score).max().orElse(0.0)));
        if (confidence < threshold) {
            return new AssistantAnswer(DONT_KNOW, List.of(), confidence);
        }
        Optional<ChatModel> llm = chatModels.forAssistant(profile);
        if (llm.isEmpty()) {
            return extractive.answer(message.text(), passages, confidence);
        }
        return generative.watched(request)
                ? generative.stream(
                        chatModels.streamingForAssistant(profile).orElseThrow(), profile, request, passages, confidence)
                : generative.answer(llm.get(), profile, request, passages, confidence);
    }

    /** A new or changed page of the assistant's site replaces its previous version in the knowledge base. */
    private AssistantAnswer reindex(GatewayMessage page) {
        String source = page.metadata().getOrDefault(ScrapedPages.META_URL, page.from());
        int passages = knowledge.ingest(page.tenantId(), page.assistantId(), source, page.text());
        return new AssistantAnswer("Indexed " + passages + " passages from " + source + ".", List.of(), 1.0);
    }
}
