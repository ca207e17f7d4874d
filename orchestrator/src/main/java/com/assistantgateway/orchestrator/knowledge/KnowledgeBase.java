package com.assistantgateway.orchestrator.knowledge;

import com.assistantgateway.orchestrator.OrchestratorProperties;
import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.KnowledgeIngestion;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;

/** Ingests text and Markdown into an assistant's knowledge and retrieves passages for a question. */
@Service
public class KnowledgeBase implements KnowledgeIngestion {

    private final KnowledgeStore store;
    private final EmbeddingModel embeddings;
    private final MarkdownChunker chunker;

    public KnowledgeBase(KnowledgeStore store, EmbeddingModel embeddings, OrchestratorProperties properties) {
        this.store = store;
        this.embeddings = embeddings;
        this.chunker = new MarkdownChunker(
                properties.retrieval().chunkSize(), properties.retrieval().chunkOverlap());
    }

    /** Chunks, embeds and stores a source, replacing any earlier version; returns the number of chunks. */
    public int ingest(TenantId tenantId, AssistantId assistantId, String source, String text) {
        List<KnowledgeChunk> chunks = chunker.chunk(source, text);
        List<TextSegment> segments = chunks.stream()
                .map(c -> TextSegment.from(c.label() + "\n" + c.text()))
                .toList();
        List<Embedding> vectors =
                segments.isEmpty() ? List.of() : embeddings.embedAll(segments).content();
        List<EmbeddedChunk> embedded = new ArrayList<>(chunks.size());
        for (int i = 0; i < chunks.size(); i++) {
            embedded.add(new EmbeddedChunk(chunks.get(i), vectors.get(i).vector()));
        }
        store.replaceSource(tenantId, assistantId, source, embedded);
        return embedded.size();
    }

    /**
     * Ingests a text or Markdown file under its file name, replacing an earlier version of it.
     *
     * @throws IllegalArgumentException for other file types or text that is not UTF-8
     */
    public int ingestFile(TenantId tenantId, AssistantId assistantId, Path file) throws IOException {
        return ingest(tenantId, assistantId, file.getFileName().toString(), Files.readAllBytes(file));
    }

    @Override
    public int ingest(TenantId tenantId, AssistantId assistantId, String source, byte[] content) {
        if (!accepts(source)) {
            throw new IllegalArgumentException(source + ": only .md, .markdown and .txt files are ingested");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(source + " is not UTF-8 text", e);
        }
        return ingest(tenantId, assistantId, source, text.startsWith("\uFEFF") ? text.substring(1) : text);
    }

    @Override
    public boolean accepts(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return lower.endsWith(".md") || lower.endsWith(".markdown") || lower.endsWith(".txt");
    }

    public List<ScoredChunk> retrieve(TenantId tenantId, AssistantId assistantId, String question, int limit) {
        float[] query = embeddings.embed(question).content().vector();
        return store.search(tenantId, assistantId, query, limit);
    }

    @Override
    public void delete(TenantId tenantId, AssistantId assistantId, String source) {
        store.deleteSource(tenantId, assistantId, source);
    }

    public long size(TenantId tenantId, AssistantId assistantId) {
        return store.count(tenantId, assistantId);
    }
}
