package com.assistantgateway.orchestrator.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.assistantgateway.orchestrator.OrchestratorProperties;
import com.assistantgateway.orchestrator.answer.ChatModels;
import com.assistantgateway.orchestrator.answer.ExtractiveAnswerer;
import com.assistantgateway.orchestrator.answer.GenerativeAnswerer;
import com.assistantgateway.orchestrator.answer.Phrases;
import com.assistantgateway.orchestrator.knowledge.InProcessEmbeddingModel;
import com.assistantgateway.orchestrator.knowledge.KnowledgeBase;
import com.assistantgateway.orchestrator.knowledge.Language;
import com.assistantgateway.orchestrator.knowledge.extract.DocumentExtractor;
import com.assistantgateway.orchestrator.knowledge.lucene.LuceneKnowledgeStore;
import com.assistantgateway.orchestrator.testing.FakeOpenAi;
import com.assistantgateway.orchestrator.testing.OpenOutbound;
import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.ChannelId;
import com.assistantgateway.routes.message.Citation;
import com.assistantgateway.routes.message.GatewayMessage;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.AnswerOutcome;
import com.assistantgateway.routes.port.AssistantAnswer;
import com.assistantgateway.routes.port.AssistantProfile;
import com.assistantgateway.routes.port.AssistantRequest;
import dev.langchain4j.model.scoring.ScoringModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SupportAssistantTest {

    private final TenantId tenant = new TenantId("acme");
    private final AssistantId assistant = new AssistantId("support");

    @TempDir
    Path dir;

    private LuceneKnowledgeStore store;
    private SupportAssistant support;
    private KnowledgeBase knowledge;
    private FakeOpenAi llm;

    @BeforeEach
    void setUp() throws Exception {
        OrchestratorProperties properties = OrchestratorProperties.embedded(
                dir,
                OrchestratorProperties.Retrieval.defaults(),
                new OrchestratorProperties.Llm("", "", "gpt-4o-mini", 0.2, Duration.ofSeconds(5)));
        store = new LuceneKnowledgeStore(properties);
        knowledge = new KnowledgeBase(
                store,
                InProcessEmbeddingModel.allMiniLmL6V2Quantized(null),
                new DocumentExtractor(),
                (ScoringModel) null,
                properties);
        knowledge.ingest(
                tenant,
                assistant,
                "warranty.md",
                "# Warranty\n\n## Periods\n\nBrake calipers carry a 2-year warranty. Batteries carry 3 years.");
        support = new SupportAssistant(
                knowledge,
                new ChatModels(properties, OpenOutbound.http()),
                new ExtractiveAnswerer(),
                new GenerativeAnswerer(),
                properties);
        llm = new FakeOpenAi();
        llm.answer = "Two years [1].";
    }

    @AfterEach
    void tearDown() throws Exception {
        store.close();
        llm.close();
    }

    @Test
    void onTopicQuestionWithoutAnLlmGetsAnExtractiveAnswerWithItsCitation() {
        AssistantAnswer answer = support.answer(profile(Map.of()), ask("How long is the warranty on brake calipers?"));

        assertThat(answer.text()).startsWith("Brake calipers carry a 2-year warranty.");
        assertThat(answer.citations()).singleElement().satisfies(c -> assertThat(c.title())
                .isEqualTo("Warranty > Periods"));
        assertThat(answer.confidence()).isGreaterThanOrEqualTo(0.35);
    }

    @Test
    void offTopicQuestionIsAnsweredWithIDontKnowAndNeverReachesTheLlm() {
        AssistantAnswer answer =
                support.answer(profile(Map.of("llm.baseUrl", llm.baseUrl())), ask("What is the capital of Peru?"));

        assertThat(answer.text()).isEqualTo(Phrases.DONT_KNOW.in(Language.ENGLISH));
        assertThat(answer.citations()).isEmpty();
        assertThat(answer.confidence()).isLessThan(0.35);
        assertThat(llm.requests).isEmpty();
    }

    @Test
    void aMessageWithOnlyAttachmentsNeverGetsAKnowledgeAnswer() {
        // The placeholder would match the warranty page ("attachment"); nobody asked anything.
        AssistantRequest filesOnly = new AssistantRequest(
                GatewayMessage.inbound()
                        .tenant(tenant)
                        .assistant(assistant)
                        .channel(new ChannelId("email"))
                        .text("(1 attachment(s) without text) warranty brake calipers")
                        .metadata(Map.of(GatewayMessage.NO_TEXT, "true"))
                        .build(),
                List.of());

        AssistantAnswer answer = support.answer(profile(Map.of("llm.baseUrl", llm.baseUrl())), filesOnly);

        assertThat(answer.text()).isEqualTo(Phrases.DONT_KNOW.in(Language.ENGLISH));
        assertThat(answer.citations()).isEmpty();
        assertThat(answer.confidence()).isZero();
        assertThat(llm.requests).isEmpty();
    }

    @Test
    void assistantsOwnThresholdOverridesTheDefault() {
        // A paraphrase: no word but "long" in common with the passage, which means the same.
        String paraphrase = "How long is the guarantee?";
        double confidence = support.answer(profile(Map.of()), ask(paraphrase)).confidence();
        AssistantAnswer lenient = support.answer(
                profile(Map.of("confidenceThreshold", String.format(Locale.ROOT, "%.2f", confidence - 0.05))),
                ask(paraphrase));
        AssistantAnswer strict = support.answer(
                profile(Map.of("confidenceThreshold", String.format(Locale.ROOT, "%.2f", confidence + 0.05))),
                ask(paraphrase));

        assertThat(confidence).isBetween(0.1, 0.8);
        assertThat(lenient.text()).contains("2-year warranty");
        assertThat(strict.text()).isEqualTo(Phrases.DONT_KNOW.in(Language.ENGLISH));
        assertThat(strict.outcome()).isEqualTo(AnswerOutcome.DONT_KNOW);
    }

    @Test
    void aPassageBothRetrieversRankFirstIsAnsweredWithNearFullConfidence() {
        AssistantAnswer answer = support.answer(profile(Map.of()), ask("brake calipers warranty"));

        assertThat(answer.confidence()).isGreaterThan(0.95);
        assertThat(answer.citations()).singleElement().satisfies(c -> assertThat(c.source())
                .isEqualTo("warranty.md"));
    }

    @Test
    void denseOnlyAssistantIsGatedOnCosineSimilarity() {
        AssistantAnswer answer = support.answer(
                profile(Map.of("retrievalMode", "dense", "confidenceThreshold", "0.9")),
                ask("How long is the warranty on brake calipers?"));

        assertThat(answer.text()).isEqualTo(Phrases.DONT_KNOW.in(Language.ENGLISH));
        assertThat(answer.confidence()).isBetween(0.35, 0.9);
    }

    @Test
    void assistantWithAnLlmGetsAGeneratedAnswer() {
        AssistantAnswer answer = support.answer(
                profile(Map.of("llm.baseUrl", llm.baseUrl())), ask("How long is the warranty on brake calipers?"));

        assertThat(answer.text()).isEqualTo("Two years [1].");
        assertThat(llm.requests).hasSize(1);
    }

    @Test
    void aPassageIsFoundWhateverLanguageTheQuestionIsTakenForAndTheAnswerSaysWhichLanguageItQuotes() {
        knowledge.ingest(
                tenant,
                assistant,
                "garantie.md",
                "# Garantie\n\nDe remklauwen hebben een garantie van twee jaar op de onderdelen.");
        AssistantProfile bm25 = profile(Map.of("retrievalMode", "bm25"));

        AssistantAnswer dutch = support.answer(bm25, ask("onderdeel garanties", "nl-BE"));
        AssistantAnswer unknown = support.answer(bm25, ask("onderdeel garanties", null));

        assertThat(dutch.citations()).extracting(Citation::source).containsExactly("garantie.md");
        assertThat(dutch.language()).isEqualTo("nl");
        assertThat(dutch.text()).startsWith("De remklauwen");
        assertThat(unknown.citations()).extracting(Citation::source).containsExactly("garantie.md");
    }

    private AssistantProfile profile(Map<String, String> settings) {
        return new AssistantProfile(tenant, assistant, "support", "Desk", null, null, settings);
    }

    private AssistantRequest ask(String text) {
        return ask(text, null);
    }

    private AssistantRequest ask(String text, String locale) {
        return new AssistantRequest(
                GatewayMessage.inbound()
                        .tenant(tenant)
                        .assistant(assistant)
                        .channel(new ChannelId("webhook"))
                        .text(text)
                        .locale(locale)
                        .build(),
                List.of());
    }
}
