package com.assistantgateway.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.assistantgateway.admin.knowledge.KnowledgeSource;
import com.assistantgateway.admin.registry.AssistantChanges;
import com.assistantgateway.admin.registry.NewAssistant;
import com.assistantgateway.orchestrator.knowledge.KnowledgeBase;
import com.assistantgateway.orchestrator.knowledge.Language;
import com.assistantgateway.orchestrator.knowledge.RetrievalMode;
import com.assistantgateway.orchestrator.testing.FakeOpenAi;
import com.assistantgateway.routes.message.AssistantId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An assistant moved to an OpenAI-compatible embedding endpoint has its knowledge re-indexed with that model, through
 * the same ingestion jobs an upload takes, and its questions are then embedded there too.
 */
class EmbeddingModelChangeTest extends AdminTestSupport {

    static final FakeOpenAi embeddings = start();

    @Autowired
    KnowledgeBase knowledgeBase;

    @AfterAll
    static void stop() {
        embeddings.close();
    }

    @Test
    void changingTheEmbeddingModelReindexesEverySourceWithItAndQuestionsAreEmbeddedThere() {
        AssistantId assistant = new AssistantId("multi-" + sequence.incrementAndGet());
        registry.createAssistant(
                acme.tenant, new NewAssistant(assistant, "support", "Multilingual", null, null, Map.of()), "test");
        KnowledgeSource uploaded = knowledge.upload(
                acme.tenant,
                assistant,
                "levering.md",
                "text/markdown",
                "# Levering\n\nDe levering naar België duurt 1 tot 2 werkdagen.\n".getBytes(StandardCharsets.UTF_8),
                "test");
        settled(assistant, uploaded.id(), 1);
        assertThat(embeddings.embeddingRequests).isEmpty();

        registry.updateAssistant(
                acme.tenant,
                assistant,
                new AssistantChanges(
                        null,
                        null,
                        null,
                        null,
                        Map.of("embedding.baseUrl", embeddings.baseUrl(), "embedding.model", "bge-m3"),
                        null,
                        null),
                "tenant-admin");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(embeddings.embeddingRequests.toString())
                .contains("levering naar België"));
        settled(assistant, uploaded.id(), 1);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM audit_events WHERE tenant_id = ? AND action = 'knowledge.reembedding'"
                                + " AND target_id = ?",
                        Long.class,
                        acme.slug(),
                        assistant.value()))
                .isEqualTo(1);

        int before = embeddings.embeddingRequests.size();
        KnowledgeBase.Retrieved found = knowledgeBase.search(
                acme.tenant,
                assistant,
                "Hoe lang duurt de levering naar België?",
                RetrievalMode.DENSE,
                4,
                Language.DUTCH);

        assertThat(embeddings.embeddingRequests).hasSize(before + 1);
        assertThat(found.passages()).singleElement().satisfies(passage -> {
            assertThat(passage.chunk().source()).isEqualTo("levering.md");
            assertThat(passage.cosine()).isGreaterThan(0.5);
        });
    }

    private void settled(AssistantId assistant, String sourceId, int version) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            KnowledgeSource source = knowledge.get(acme.tenant, assistant, sourceId);
            return !source.inProgress()
                    && source.activeVersion() == version
                    && source.status().equals("ready");
        });
    }

    private static FakeOpenAi start() {
        try {
            return new FakeOpenAi();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
