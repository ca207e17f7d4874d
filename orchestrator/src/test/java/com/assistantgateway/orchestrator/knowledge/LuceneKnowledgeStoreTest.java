package com.assistantgateway.orchestrator.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.assistantgateway.orchestrator.OrchestratorProperties;
import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.TenantId;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneKnowledgeStoreTest {

    private static AllMiniLmL6V2QuantizedEmbeddingModel embeddings;

    private final TenantId acme = new TenantId("acme");
    private final TenantId globex = new TenantId("globex");
    private final AssistantId support = new AssistantId("support");

    @TempDir
    Path dir;

    private LuceneKnowledgeStore store;
    private KnowledgeBase knowledge;

    @BeforeAll
    static void loadModel() {
        embeddings = new AllMiniLmL6V2QuantizedEmbeddingModel();
    }

    @BeforeEach
    void open() throws Exception {
        store = new LuceneKnowledgeStore(properties());
        knowledge = new KnowledgeBase(store, embeddings, properties());
    }

    @AfterEach
    void close() throws Exception {
        store.close();
    }

    @Test
    void tenantsWithTheSameAssistantIdNeverSeeEachOthersChunks() {
        knowledge.ingest(acme, support, "warranty.md", "# Warranty\n\nBrake calipers have a warranty of 2 years.");
        knowledge.ingest(globex, support, "pricing.md", "# Pricing\n\nOur enterprise plan costs 99 euro a month.");

        List<ScoredChunk> acmeHits = knowledge.retrieve(acme, support, "What does the enterprise plan cost?", 10);
        List<ScoredChunk> globexHits = knowledge.retrieve(globex, support, "How long is the caliper warranty?", 10);

        assertThat(acmeHits).extracting(h -> h.chunk().source()).containsOnly("warranty.md");
        assertThat(globexHits).extracting(h -> h.chunk().source()).containsOnly("pricing.md");
        assertThat(knowledge.retrieve(acme, new AssistantId("other"), "warranty", 10))
                .isEmpty();
    }

    @Test
    void mostRelevantPassageComesFirstWithItsCitationData() {
        knowledge.ingest(acme, support, "warranty.md", "# Warranty\n\n## Periods\n\nBrake calipers: 2 years.");
        knowledge.ingest(acme, support, "hours.md", "# Opening hours\n\nWe are open Monday to Friday 8 to 18.");

        List<ScoredChunk> hits = knowledge.retrieve(acme, support, "When are you open?", 2);

        assertThat(hits.get(0).chunk().source()).isEqualTo("hours.md");
        assertThat(hits.get(0).similarity()).isGreaterThan(hits.get(1).similarity());
        assertThat(hits.get(1).chunk().label()).isEqualTo("Warranty > Periods");
    }

    @Test
    void reingestingASourceReplacesItsOldChunks() {
        knowledge.ingest(acme, support, "warranty.md", "# Warranty\n\nBrake calipers: 2 years.");
        knowledge.ingest(acme, support, "warranty.md", "# Warranty\n\nBrake calipers: 5 years.");

        List<ScoredChunk> hits = knowledge.retrieve(acme, support, "caliper warranty", 10);

        assertThat(hits).singleElement().satisfies(h -> assertThat(h.chunk().text())
                .contains("5 years"));
    }

    @Test
    void deletingASourceRemovesOnlyThatSourceOfThatTenant() {
        knowledge.ingest(acme, support, "warranty.md", "# Warranty\n\nBrake calipers: 2 years.");
        knowledge.ingest(acme, support, "hours.md", "# Hours\n\nOpen on Saturday.");
        knowledge.ingest(globex, support, "warranty.md", "# Warranty\n\nGlobex gives 1 year.");

        knowledge.delete(acme, support, "warranty.md");

        assertThat(knowledge.size(acme, support)).isEqualTo(1);
        assertThat(knowledge.size(globex, support)).isEqualTo(1);
    }

    @Test
    void markdownAndTextFilesAreIngestedUnderTheirFileNameAndOtherFilesRefused() throws Exception {
        Path markdown = Files.writeString(dir.resolve("returns.md"), "# Returns\n\n30 days, no questions.");
        Path text = Files.writeString(dir.resolve("hours.txt"), "Open Monday to Friday.");
        Path pdf = Files.write(dir.resolve("manual.pdf"), new byte[] {'%', 'P', 'D', 'F'});
        Path latin1 = Files.write(dir.resolve("latin1.txt"), new byte[] {'c', 'a', 'f', (byte) 0xE9});

        assertThat(knowledge.ingestFile(acme, support, markdown)).isEqualTo(1);
        assertThat(knowledge.ingestFile(acme, support, text)).isEqualTo(1);
        assertThatThrownBy(() -> knowledge.ingestFile(acme, support, pdf))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only .md");
        assertThatThrownBy(() -> knowledge.ingestFile(acme, support, latin1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not UTF-8");
        assertThat(knowledge.retrieve(acme, support, "Can I return it?", 1))
                .singleElement()
                .satisfies(h -> assertThat(h.chunk().source()).isEqualTo("returns.md"));
    }

    @Test
    void indexSurvivesARestart() throws Exception {
        knowledge.ingest(acme, support, "warranty.md", "# Warranty\n\nBrake calipers: 2 years.");
        store.close();

        store = new LuceneKnowledgeStore(properties());
        knowledge = new KnowledgeBase(store, embeddings, properties());

        assertThat(knowledge.retrieve(acme, support, "caliper warranty", 3))
                .singleElement()
                .satisfies(h -> assertThat(h.chunk().source()).isEqualTo("warranty.md"));
    }

    private OrchestratorProperties properties() {
        return new OrchestratorProperties(
                dir,
                new OrchestratorProperties.Retrieval(4, 0.45, 800, 120),
                new OrchestratorProperties.Llm("", "", "gpt-4o-mini", 0.2, Duration.ofSeconds(5)));
    }
}
