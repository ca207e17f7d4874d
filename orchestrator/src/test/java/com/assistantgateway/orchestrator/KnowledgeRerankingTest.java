package com.assistantgateway.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import com.assistantgateway.orchestrator.knowledge.InProcessEmbeddingModel;
import com.assistantgateway.orchestrator.knowledge.KnowledgeBase;
import com.assistantgateway.orchestrator.knowledge.Language;
import com.assistantgateway.orchestrator.knowledge.RetrievalMode;
import com.assistantgateway.orchestrator.knowledge.ScoredChunk;
import com.assistantgateway.orchestrator.knowledge.extract.DocumentExtractor;
import com.assistantgateway.orchestrator.knowledge.lucene.LuceneKnowledgeStore;
import com.assistantgateway.orchestrator.testing.FakeReranker;
import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.TenantId;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.scoring.ScoringModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A configured re-ranker (the Jina rerank API, served here in process) re-orders the fused candidates. */
class KnowledgeRerankingTest {

    private static final TenantId ACME = new TenantId("acme");
    private static final AssistantId SUPPORT = new AssistantId("support");
    private static final String QUESTION = "When are the shops open?";

    static EmbeddingModel embeddings;

    @TempDir
    Path dir;

    private final FakeReranker reranker = new FakeReranker(text -> text.contains("Utrecht") ? 0.93 : 0.08);
    private LuceneKnowledgeStore store;
    private KnowledgeBase plain;
    private KnowledgeBase reranked;

    KnowledgeRerankingTest() throws Exception {}

    @BeforeAll
    static void loadModel() {
        embeddings = InProcessEmbeddingModel.allMiniLmL6V2Quantized(null);
    }

    @BeforeEach
    void ingest() throws Exception {
        OrchestratorProperties properties = new OrchestratorProperties(
                "embedded",
                dir,
                OrchestratorProperties.Milvus.defaults(),
                OrchestratorProperties.Retrieval.defaults(),
                new OrchestratorProperties.Rerank(
                        reranker.baseUrl(), "BAAI/bge-reranker-v2-m3", "", Duration.ofSeconds(5)),
                null);
        ScoringModel scoring = new OrchestratorConfiguration().reranker(properties);
        store = new LuceneKnowledgeStore(properties);
        plain = new KnowledgeBase(store, embeddings, new DocumentExtractor(), (ScoringModel) null, properties);
        reranked = new KnowledgeBase(store, embeddings, new DocumentExtractor(), scoring, properties);
        plain.ingest(ACME, SUPPORT, "hours.md", "# Opening hours\n\nOur shops are open Monday to Saturday from nine.");
        plain.ingest(ACME, SUPPORT, "sunday.md", "# Sundays\n\nThe Utrecht shop also opens on Sunday from noon.");
        plain.ingest(ACME, SUPPORT, "parking.md", "# Parking\n\nEvery shop has free parking behind the building.");
    }

    @AfterEach
    void close() throws Exception {
        store.close();
        reranker.close();
    }

    private static List<String> sources(List<ScoredChunk> hits) {
        return hits.stream().map(h -> h.chunk().source()).toList();
    }

    @Test
    void theRerankersOrderWinsAndTheFusedScoresAreKeptForTheConfidenceThreshold() {
        List<ScoredChunk> fused = plain.retrieve(ACME, SUPPORT, QUESTION, RetrievalMode.HYBRID, 3, Language.ENGLISH);

        List<ScoredChunk> hits = reranked.retrieve(ACME, SUPPORT, QUESTION, RetrievalMode.HYBRID, 2, Language.ENGLISH);

        assertThat(sources(fused).get(0)).isNotEqualTo("sunday.md");
        assertThat(sources(hits)).hasSize(2).first().isEqualTo("sunday.md");
        assertThat(hits.get(0).score())
                .isEqualTo(fused.stream()
                        .filter(h -> h.chunk().source().equals("sunday.md"))
                        .findFirst()
                        .orElseThrow()
                        .score());
        assertThat(reranker.requests).hasSize(1);
        assertThat(reranker.requests.get(0).get("model").asText()).isEqualTo("BAAI/bge-reranker-v2-m3");
        assertThat(reranker.requests.get(0).get("query").asText()).isEqualTo(QUESTION);
        assertThat(reranker.requests.get(0).get("documents")).hasSize(fused.size());
    }

    @Test
    void aFailingRerankerLeavesTheFusedOrder() {
        reranker.failing = true;

        List<ScoredChunk> hits = reranked.retrieve(ACME, SUPPORT, QUESTION, RetrievalMode.HYBRID, 2, Language.ENGLISH);

        assertThat(reranker.requests).isNotEmpty();
        assertThat(sources(hits))
                .containsExactlyElementsOf(
                        sources(plain.retrieve(ACME, SUPPORT, QUESTION, RetrievalMode.HYBRID, 2, Language.ENGLISH)));
    }
}
