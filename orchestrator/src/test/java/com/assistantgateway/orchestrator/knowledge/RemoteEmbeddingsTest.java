package com.assistantgateway.orchestrator.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.assistantgateway.orchestrator.OrchestratorProperties;
import com.assistantgateway.orchestrator.knowledge.extract.DocumentExtractor;
import com.assistantgateway.orchestrator.knowledge.lucene.LuceneKnowledgeStore;
import com.assistantgateway.orchestrator.testing.FakeOpenAi;
import com.assistantgateway.orchestrator.testing.OpenOutbound;
import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.AssistantProfile;
import com.assistantgateway.routes.port.TenantDirectory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.Mockito;

/**
 * An assistant with its own OpenAI-compatible embedding endpoint: its passages and questions are embedded there, its
 * vectors live beside (never among) the in-process model's of another assistant in the same index, and every hit
 * carries its similarity under that model.
 */
class RemoteEmbeddingsTest {

    private final TenantId tenant = new TenantId("acme");
    private final AssistantId remote = new AssistantId("multilingual");
    private final AssistantId local = new AssistantId("support");

    @TempDir
    Path dir;

    private FakeOpenAi server;
    private LuceneKnowledgeStore store;
    private KnowledgeBase knowledge;

    @BeforeEach
    void setUp() throws Exception {
        server = new FakeOpenAi();
        OrchestratorProperties properties = OrchestratorProperties.embedded(
                dir,
                OrchestratorProperties.Retrieval.defaults(),
                new OrchestratorProperties.Llm("", "", "gpt-4o-mini", 0.2, Duration.ofSeconds(5)));
        TenantDirectory directory = Mockito.mock(TenantDirectory.class);
        Mockito.when(directory.assistant(tenant, remote))
                .thenReturn(Optional.of(new AssistantProfile(
                        tenant,
                        remote,
                        "support",
                        "Multilingual",
                        null,
                        null,
                        Map.of(EmbeddingModels.BASE_URL, server.baseUrl(), EmbeddingModels.MODEL, "bge-m3"))));
        Mockito.when(directory.assistant(tenant, local))
                .thenReturn(
                        Optional.of(new AssistantProfile(tenant, local, "support", "Support", null, null, Map.of())));
        store = new LuceneKnowledgeStore(properties);
        knowledge = new KnowledgeBase(
                store,
                new EmbeddingModels(
                        InProcessEmbeddingModel.allMiniLmL6V2Quantized(null), OpenOutbound.http(), directory),
                new DocumentExtractor(),
                (dev.langchain4j.model.scoring.ScoringModel) null,
                new LanguageDetector(),
                properties);
    }

    @AfterEach
    void tearDown() throws Exception {
        store.close();
        server.close();
    }

    @Test
    void theAssistantsOwnModelEmbedsItsPassagesAndQuestionsBesideAnotherAssistantsInProcessVectors() {
        knowledge.ingest(tenant, local, "warranty.md", "# Warranty\n\nBrake calipers carry a 2-year warranty.");
        knowledge.ingest(
                tenant, remote, "levering.md", "# Levering\n\nDe levering naar België duurt 1 tot 2 werkdagen.");

        assertThat(server.embeddingRequests).hasSize(1);
        assertThat(server.embeddingRequests.get(0).get("input").toString()).contains("levering naar België");
        assertThat(server.embeddingRequests.get(0).get("model").asText()).isEqualTo("bge-m3");

        KnowledgeBase.Retrieved found = knowledge.search(
                tenant, remote, "Hoe lang duurt de levering naar België?", RetrievalMode.DENSE, 4, Language.DUTCH);
        KnowledgeBase.Retrieved english = knowledge.search(
                tenant, local, "How long is the warranty on brake calipers?", RetrievalMode.DENSE, 4, Language.ENGLISH);

        assertThat(server.embeddingRequests).hasSize(2);
        assertThat(found.passages()).singleElement().satisfies(p -> {
            assertThat(p.chunk().source()).isEqualTo("levering.md");
            // The fake model's own similarity: the question shares five of its eight words with the passage.
            assertThat(p.cosine()).isBetween(0.5, 0.95);
        });
        assertThat(english.passages()).extracting(p -> p.chunk().source()).containsExactly("warranty.md");
        assertThat(server.embeddingRequests).hasSize(2);
    }

    @Test
    void theInProcessModelStaysTheDefault() {
        EmbeddingModels models = EmbeddingModels.inProcessOnly(InProcessEmbeddingModel.allMiniLmL6V2Quantized(null));

        assertThat(models.forAssistant(tenant, remote).id()).isEqualTo(EmbeddingModels.IN_PROCESS);
        assertThat(EmbeddingModels.id("http://tei:8080/", "bge-m3"))
                .isEqualTo(EmbeddingModels.id("http://tei:8080", "bge-m3"))
                .isNotEqualTo(EmbeddingModels.id("http://tei:8080", "multilingual-e5-large"))
                .startsWith("remote-");
        assertThat(List.of(models.defaultEmbedder().inProcess())).containsExactly(true);
    }
}
