package com.assistantgateway.orchestrator.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.assistantgateway.orchestrator.OrchestratorProperties;
import com.assistantgateway.orchestrator.knowledge.extract.DocumentExtractor;
import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.TenantId;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.scoring.ScoringModel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link KnowledgeStore} must do, run against each implementation: insert, search in every mode, filter by
 * assistant, delete, re-index, and keep tenants apart. Tenant ids are unique per test, so a shared server (Milvus)
 * needs no cleaning between runs.
 */
public abstract class KnowledgeStoreContract {

    protected static EmbeddingModel embeddings;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    protected final TenantId acme = new TenantId("acme-" + run);
    protected final TenantId globex = new TenantId("globex-" + run);
    protected final AssistantId support = new AssistantId("support");

    protected KnowledgeStore store;
    protected KnowledgeBase knowledge;

    @BeforeAll
    static void loadModel() {
        embeddings = InProcessEmbeddingModel.allMiniLmL6V2Quantized(null);
    }

    /** A store over fresh or shared storage; called again after {@link #closeStore} to test durability. */
    protected abstract KnowledgeStore openStore() throws Exception;

    protected abstract void closeStore() throws Exception;

    @BeforeEach
    void open() throws Exception {
        store = openStore();
        knowledge = knowledgeBase(store);
    }

    @AfterEach
    void close() throws Exception {
        closeStore();
    }

    protected static KnowledgeBase knowledgeBase(KnowledgeStore store) {
        return new KnowledgeBase(
                store,
                embeddings,
                new DocumentExtractor(),
                (ScoringModel) null,
                OrchestratorProperties.embedded(null, OrchestratorProperties.Retrieval.defaults(), null));
    }

    private List<ScoredChunk> search(TenantId tenant, String question, RetrievalMode mode) {
        return knowledge.retrieve(tenant, support, question, mode, 4, Language.ENGLISH);
    }

    @Test
    void insertedChunksAreFoundInEveryModeWithTheirCitationData() {
        knowledge.ingest(acme, support, "warranty.md", "# Warranty\n\n## Periods\n\nBrake calipers carry 2 years.");
        knowledge.ingest(acme, support, "hours.md", "# Opening hours\n\nWe are open Monday to Friday 8 to 18.");

        for (RetrievalMode mode : RetrievalMode.values()) {
            List<ScoredChunk> hits = search(acme, "How long is the warranty on brake calipers?", mode);
            assertThat(hits).as(mode.name()).isNotEmpty();
            KnowledgeChunk best = hits.get(0).chunk();
            assertThat(best.source()).as(mode.name()).isEqualTo("warranty.md");
            assertThat(best.label()).isEqualTo("Warranty > Periods");
            assertThat(best.position()).isZero();
            assertThat(best.text()).isEqualTo("Brake calipers carry 2 years.");
            assertThat(hits.get(0).score()).isBetween(0.0, 1.0);
        }
    }

    @Test
    void hybridScoresAPassageBothRetrieversRankFirstNearOne() {
        knowledge.ingest(acme, support, "warranty.md", "# Warranty\n\nBrake calipers carry a 2-year warranty.");
        knowledge.ingest(acme, support, "hours.md", "# Opening hours\n\nWe are open Monday to Friday 8 to 18.");

        List<ScoredChunk> hits = search(acme, "brake caliper warranty", RetrievalMode.HYBRID);

        assertThat(hits.get(0).chunk().source()).isEqualTo("warranty.md");
        assertThat(hits.get(0).score()).isGreaterThan(0.95);
    }

    @Test
    void bm25FindsAnExactProductCodeTheEmbeddingMisses() {
        knowledge.ingest(acme, support, "parts.md", "# Parts\n\nPart XJ-9042 is the rear left brake hose.");
        knowledge.ingest(acme, support, "pumps.md", "# Pumps\n\nPart QZ-1177 is the fuel pump for diesel vans.");

        List<ScoredChunk> hits = search(acme, "QZ-1177", RetrievalMode.BM25);

        assertThat(hits).isNotEmpty();
        assertThat(hits.get(0).chunk().source()).isEqualTo("pumps.md");
    }

    /** A mail quoting a long thread: thousands of distinct words, more than a search engine takes in one query. */
    @Test
    void aMessageOfThousandsOfDistinctWordsIsAnsweredInEveryMode() {
        StringBuilder glossary = new StringBuilder("# Glossary\n\n");
        StringBuilder mail = new StringBuilder("How long is the warranty on brake calipers? ");
        for (int i = 0; i < 3000; i++) {
            String word = "term" + Integer.toString(i, 36) + "x";
            glossary.append(word).append(i % 20 == 19 ? ".\n\n" : " ");
            mail.append(word).append(' ');
        }
        knowledge.ingest(acme, support, "glossary.md", glossary.toString());
        knowledge.ingest(acme, support, "warranty.md", "# Warranty\n\nBrake calipers carry 2 years.");

        for (RetrievalMode mode : RetrievalMode.values()) {
            assertThat(search(acme, mail.toString(), mode)).as(mode.name()).isNotEmpty();
        }
    }

    @Test
    void bm25StemsEachLanguageWithItsOwnAnalyzer() {
        knowledge.ingest(
                acme,
                support,
                "garantie.md",
                "# Garantie\n\nDe remklauwen hebben een garantie van twee jaar op de onderdelen.");
        knowledge.ingest(
                acme,
                support,
                "garantie-de.md",
                "# Garantie\n\nDie Bremssättel haben zwei Jahre Garantie auf die Teile.");

        List<ScoredChunk> dutch = knowledge.retrieve(
                acme, support, "Hoe zit het met de onderdeel garanties?", RetrievalMode.BM25, 4, Language.DUTCH);

        assertThat(dutch).isNotEmpty();
        assertThat(dutch.get(0).chunk().source()).isEqualTo("garantie.md");
    }

    @Test
    void searchIsFilteredToTheAssistant() {
        knowledge.ingest(acme, support, "warranty.md", "# Warranty\n\nBrake calipers carry 2 years.");

        for (RetrievalMode mode : RetrievalMode.values()) {
            assertThat(knowledge.retrieve(
                            acme, new AssistantId("sales"), "brake caliper warranty", mode, 4, Language.ENGLISH))
                    .as(mode.name())
                    .isEmpty();
        }
    }

    @Test
    void tenantsWithTheSameAssistantAndSourceNeverSeeEachOthersChunks() {
        knowledge.ingest(acme, support, "faq.md", "# FAQ\n\nAcme brake calipers carry a warranty of 2 years.");
        knowledge.ingest(globex, support, "faq.md", "# FAQ\n\nGlobex enterprise plan costs 99 euro a month.");

        for (RetrievalMode mode : RetrievalMode.values()) {
            assertThat(search(acme, "What does the Globex enterprise plan cost?", mode))
                    .as(mode.name())
                    .allSatisfy(h -> assertThat(h.chunk().text()).startsWith("Acme"));
            assertThat(search(globex, "How long is the Acme caliper warranty?", mode))
                    .as(mode.name())
                    .allSatisfy(h -> assertThat(h.chunk().text()).startsWith("Globex"));
        }
        knowledge.delete(acme, support, "faq.md");
        assertThat(knowledge.size(acme, support)).isZero();
        assertThat(knowledge.size(globex, support)).isEqualTo(1);
    }

    @Test
    void reindexingASourceReplacesAllItsOldChunks() {
        knowledge.ingest(
                acme,
                support,
                "warranty.md",
                "# Warranty\n\n## Calipers\n\nBrake calipers: 2 years.\n\n"
                        + "## Pads\n\nBrake pads: 6 months.\n\n## Discs\n\nDiscs: 1 year.");
        knowledge.ingest(acme, support, "warranty.md", "# Warranty\n\nBrake calipers: 5 years.");

        assertThat(knowledge.size(acme, support)).isEqualTo(1);
        assertThat(search(acme, "caliper warranty", RetrievalMode.HYBRID))
                .singleElement()
                .satisfies(h -> assertThat(h.chunk().text()).contains("5 years"));
    }

    @Test
    void aLargeSourceIsEmbeddedInBatchesReportingProgressAfterEach() {
        StringBuilder catalogue = new StringBuilder("# Parts catalogue\n\n");
        for (int part = 1; part <= 70; part++) {
            catalogue.append("## Part %d\n\nPart %d fits model %d.\n\n".formatted(part, part, part * 7));
        }
        byte[] content = catalogue.toString().getBytes(StandardCharsets.UTF_8);
        List<String> progress = new ArrayList<>();

        int chunks = knowledge.ingest(
                acme,
                support,
                "catalogue.md",
                knowledge.mediaType("catalogue.md", content),
                content,
                (done, total) -> progress.add(done + "/" + total));

        assertThat(chunks).isEqualTo(70);
        assertThat(progress).containsExactly("0/70", "32/70", "64/70", "70/70");
        assertThat(knowledge.size(acme, support)).isEqualTo(70);
    }

    @Test
    void deletingASourceRemovesOnlyThatSource() {
        knowledge.ingest(acme, support, "warranty.md", "# Warranty\n\nBrake calipers: 2 years.");
        knowledge.ingest(acme, support, "hours.md", "# Hours\n\nOpen on Saturday.");

        knowledge.delete(acme, support, "warranty.md");

        assertThat(knowledge.size(acme, support)).isEqualTo(1);
        assertThat(search(acme, "brake caliper warranty", RetrievalMode.BM25)).isEmpty();
    }

    @Test
    void chunksSurviveReopeningTheStore() throws Exception {
        knowledge.ingest(acme, support, "warranty.md", "# Warranty\n\nBrake calipers: 2 years.");
        closeStore();

        store = openStore();
        knowledge = knowledgeBase(store);

        assertThat(search(acme, "caliper warranty", RetrievalMode.HYBRID))
                .singleElement()
                .satisfies(h -> assertThat(h.chunk().source()).isEqualTo("warranty.md"));
    }

    @Test
    void sourcesIngestedAtOnceAreEachSearchableWhenTheirIngestionReturns() throws Exception {
        ExecutorService jobs = Executors.newFixedThreadPool(8);
        try {
            List<Future<Long>> found = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String part = "part-" + i;
                found.add(jobs.submit(() -> {
                    knowledge.ingest(acme, support, part + ".md", "# Spare part " + part + "\n\nIn stock: " + part);
                    return search(acme, part, RetrievalMode.BM25).stream()
                            .filter(hit -> hit.chunk().source().equals(part + ".md"))
                            .count();
                }));
            }
            for (Future<Long> one : found) {
                assertThat(one.get(60, TimeUnit.SECONDS)).isEqualTo(1);
            }
        } finally {
            jobs.shutdownNow();
        }
        assertThat(knowledge.size(acme, support)).isEqualTo(16);
    }
}
