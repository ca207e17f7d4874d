package com.assistantgateway.orchestrator.support;

import com.assistantgateway.orchestrator.OrchestratorProperties;
import com.assistantgateway.orchestrator.answer.ChatModels;
import com.assistantgateway.orchestrator.answer.ExtractiveAnswerer;
import com.assistantgateway.orchestrator.answer.GenerativeAnswerer;
import com.assistantgateway.orchestrator.answer.Phrases;
import com.assistantgateway.orchestrator.knowledge.EmbeddingModels;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Retrieval-augmented answers from the assistant's own knowledge. */
@Component
public class SupportAssistant implements AssistantPlugin {

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
              "language": {"type": "string", "enum": ["en", "nl", "sv", "pt", "de", "es", "fr"]},
              "handoverBelowThreshold": {"type": "string", "enum": ["true", "false"],
                "description": "hand the conversation to a person when no answer is confident enough"},
              "llm.baseUrl": {"type": "string", "format": "uri"},
              "llm.model": {"type": "string", "maxLength": 200},
              "embedding.baseUrl": {"type": "string", "format": "uri",
                "description": "an OpenAI-compatible /v1/embeddings endpoint; changing it re-indexes the knowledge"},
              "embedding.model": {"type": "string", "maxLength": 200},
              "frontendUrl": {"type": "string", "format": "uri"}}}
            """,
            Set.of(AssistantManifest.ALL_CHANNELS),
            Set.of(ChatModels.BASE_URL, EmbeddingModels.BASE_URL),
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
    public boolean talksToCustomers() {
        return true;
    }

    @Override
    public AssistantAnswer answer(AssistantProfile profile, AssistantRequest request) {
        GatewayMessage message = request.message();
        if (ScrapedPages.CHANNEL.equals(message.channel())) {
            return reindex(message);
        }
        Language customer = Language.of(request.language())
                .or(() -> Language.of(message.locale()))
                .or(() -> profile.setting("language").flatMap(Language::of))
                .orElse(defaults.defaultLanguage());
        if (!message.hasOwnText()) {
            // Only files: the text is the channel's placeholder, and any passage it matched would be a guess.
            return AssistantAnswer.dontKnow(Phrases.DONT_KNOW.in(customer), 0.0, customer.code());
        }
        int topK = profile.setting("topK").map(Integer::parseInt).orElse(defaults.topK());
        double threshold =
                profile.setting("confidenceThreshold").map(Double::parseDouble).orElse(defaults.confidenceThreshold());
        RetrievalMode mode =
                profile.setting("retrievalMode").map(RetrievalMode::of).orElse(defaults.mode());
        KnowledgeBase.Retrieved found =
                knowledge.search(message.tenantId(), message.assistantId(), message.text(), mode, topK, customer);
        if (found.confidence() < threshold) {
            return AssistantAnswer.dontKnow(Phrases.DONT_KNOW.in(customer), found.confidence(), customer.code());
        }
        List<ScoredChunk> passages = inCustomersLanguageFirst(found.passages(), customer, message.text(), threshold);
        Optional<ChatModel> llm = chatModels.forAssistant(profile);
        if (llm.isEmpty()) {
            AssistantAnswer extracted = extractive.answer(message.text(), passages, found.confidence());
            Language knowledgeLanguage = passages.get(0).language();
            // Quoting a passage in another language: the customer is told so, in theirs.
            return (knowledgeLanguage != null && knowledgeLanguage != customer
                            ? extracted.withText(Phrases.onlyIn(customer, knowledgeLanguage) + "\n" + extracted.text())
                            : extracted)
                    .inLanguage(customer.code());
        }
        AssistantAnswer generated = generative.watched(request)
                ? generative.stream(
                        chatModels.streamingForAssistant(profile).orElseThrow(),
                        profile,
                        request,
                        passages,
                        found.confidence())
                : generative.answer(llm.get(), profile, request, passages, found.confidence());
        return generated.inLanguage(customer.code());
    }

    /**
     * The passages in the customer's language first, where one of them answers well enough on its own: a Dutch
     * customer is answered from the Dutch page, not from the English page it translates.
     */
    private List<ScoredChunk> inCustomersLanguageFirst(
            List<ScoredChunk> passages, Language customer, String question, double threshold) {
        List<ScoredChunk> own =
                passages.stream().filter(p -> p.language() == customer).toList();
        if (own.isEmpty() || own.get(0) == passages.get(0) || knowledge.confidence(question, own) < threshold) {
            return passages;
        }
        List<ScoredChunk> reordered = new ArrayList<>(own);
        passages.stream().filter(p -> p.language() != customer).forEach(reordered::add);
        return reordered;
    }

    /** A new or changed page of the assistant's site replaces its previous version in the knowledge base. */
    private AssistantAnswer reindex(GatewayMessage page) {
        String source = page.metadata().getOrDefault(ScrapedPages.META_URL, page.from());
        int passages = knowledge.ingest(page.tenantId(), page.assistantId(), source, page.text());
        return AssistantAnswer.acknowledged("Indexed " + passages + " passages from " + source + ".");
    }
}
