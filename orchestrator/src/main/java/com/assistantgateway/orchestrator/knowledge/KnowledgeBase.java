package com.assistantgateway.orchestrator.knowledge;

import com.assistantgateway.orchestrator.OrchestratorProperties;
import com.assistantgateway.orchestrator.knowledge.extract.DocumentExtractor;
import com.assistantgateway.orchestrator.knowledge.extract.ExtractedDocument;
import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.KnowledgeIngestion;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.scoring.ScoringModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Ingests documents into an assistant's knowledge (extract, chunk by structure, embed in batches, store) and
 * retrieves passages for a question (dense, BM25 or hybrid, optionally re-ranked).
 */
@Service
public class KnowledgeBase implements KnowledgeIngestion {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeBase.class);

    private final KnowledgeStore store;
    private final EmbeddingModel embeddings;
    private final DocumentExtractor extractor;
    private final ScoringModel reranker;
    private final MarkdownChunker chunker;
    private final OrchestratorProperties.Retrieval retrieval;

    @Autowired
    public KnowledgeBase(
            KnowledgeStore store,
            EmbeddingModel embeddings,
            DocumentExtractor extractor,
            ObjectProvider<ScoringModel> reranker,
            OrchestratorProperties properties) {
        this(store, embeddings, extractor, reranker.getIfAvailable(), properties);
    }

    /** Wired by hand (tests, the retrieval benchmark); {@code reranker} may be null. */
    public KnowledgeBase(
            KnowledgeStore store,
            EmbeddingModel embeddings,
            DocumentExtractor extractor,
            ScoringModel reranker,
            OrchestratorProperties properties) {
        this.store = store;
        this.embeddings = embeddings;
        this.extractor = extractor;
        this.reranker = reranker;
        this.retrieval = properties.retrieval();
        this.chunker = new MarkdownChunker(retrieval.chunkSize(), retrieval.chunkOverlap());
    }

    /** Chunks, embeds and stores Markdown or plain text, replacing any earlier version; returns the chunk count. */
    public int ingest(TenantId tenantId, AssistantId assistantId, String source, String text) {
        return index(tenantId, assistantId, source, new ExtractedDocument("", text), Progress.NONE);
    }

    @Override
    public String mediaType(String fileName, byte[] content) {
        return extractor.mediaType(fileName, content);
    }

    @Override
    public int ingest(
            TenantId tenantId,
            AssistantId assistantId,
            String source,
            String mediaType,
            byte[] content,
            Progress progress) {
        ExtractedDocument document = extractor.extract(source, mediaType, content);
        return index(tenantId, assistantId, source, document, progress);
    }

    private int index(
            TenantId tenantId, AssistantId assistantId, String source, ExtractedDocument document, Progress progress) {
        List<KnowledgeChunk> chunks = chunker.chunk(source, document.title(), document.markdown());
        Language language = Language.guess(document.markdown(), retrieval.defaultLanguage());
        List<EmbeddedChunk> embedded = new ArrayList<>(chunks.size());
        int batchSize = retrieval.embeddingBatchSize();
        progress.embedded(0, chunks.size());
        for (int from = 0; from < chunks.size(); from += batchSize) {
            List<KnowledgeChunk> batch = chunks.subList(from, Math.min(chunks.size(), from + batchSize));
            List<Embedding> vectors = embeddings
                    .embedAll(batch.stream()
                            .map(c -> TextSegment.from(c.label() + "\n" + c.text()))
                            .toList())
                    .content();
            for (int i = 0; i < batch.size(); i++) {
                embedded.add(new EmbeddedChunk(batch.get(i), vectors.get(i).vector(), language));
            }
            progress.embedded(embedded.size(), chunks.size());
        }
        store.replaceSource(tenantId, assistantId, source, embedded);
        return embedded.size();
    }

    /** Passages for a question with the gateway's default retrieval settings. */
    public List<ScoredChunk> retrieve(TenantId tenantId, AssistantId assistantId, String question, int limit) {
        return retrieve(tenantId, assistantId, question, retrieval.mode(), limit, retrieval.defaultLanguage());
    }

    /**
     * Passages for a question, best first. The question's language is guessed from its words, falling back to the
     * assistant's; with a re-ranker configured, the fused candidates are re-ordered by it (their scores stay the
     * fused ones, which the confidence threshold applies to).
     */
    public List<ScoredChunk> retrieve(
            TenantId tenantId,
            AssistantId assistantId,
            String question,
            RetrievalMode mode,
            int limit,
            Language assistantLanguage) {
        boolean rerank = reranker != null && retrieval.rerankCandidates() > limit;
        KnowledgeQuery query = new KnowledgeQuery(
                question,
                mode == RetrievalMode.BM25
                        ? null
                        : embeddings.embed(question).content().vector(),
                Language.guess(question, assistantLanguage),
                mode,
                rerank ? retrieval.rerankCandidates() : limit,
                retrieval.denseFloor(),
                retrieval.rrfK());
        List<ScoredChunk> hits = store.search(tenantId, assistantId, query);
        return rerank ? rerank(question, hits, limit) : hits;
    }

    /** The re-ranker's order; if it fails, the fused order, because re-ranking refines an answer it must not block. */
    private List<ScoredChunk> rerank(String question, List<ScoredChunk> hits, int limit) {
        if (hits.isEmpty()) {
            return hits;
        }
        List<Double> scores;
        try {
            scores = reranker.scoreAll(
                            hits.stream()
                                    .map(h -> TextSegment.from(h.chunk().text()))
                                    .toList(),
                            question)
                    .content();
        } catch (RuntimeException e) {
            log.warn("re-ranker failed, answering from the fused order: {}", e.toString());
            return hits.subList(0, Math.min(limit, hits.size()));
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < hits.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> scores.get(i)).reversed());
        return order.stream().limit(limit).map(hits::get).toList();
    }

    @Override
    public void delete(TenantId tenantId, AssistantId assistantId, String source) {
        store.deleteSource(tenantId, assistantId, source);
    }

    public long size(TenantId tenantId, AssistantId assistantId) {
        return store.count(tenantId, assistantId);
    }
}
