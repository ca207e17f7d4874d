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
    private final EmbeddingModels embeddings;
    private final DocumentExtractor extractor;
    private final ScoringModel reranker;
    private final MarkdownChunker chunker;
    private final LanguageDetector languages;
    private final AnswerConfidence confidence = new AnswerConfidence();
    private final OrchestratorProperties.Retrieval retrieval;

    @Autowired
    public KnowledgeBase(
            KnowledgeStore store,
            EmbeddingModels embeddings,
            DocumentExtractor extractor,
            ObjectProvider<ScoringModel> reranker,
            LanguageDetector languages,
            OrchestratorProperties properties) {
        this(store, embeddings, extractor, reranker.getIfAvailable(), languages, properties);
    }

    /** Wired by hand (tests, the retrieval benchmark); {@code reranker} may be null. */
    public KnowledgeBase(
            KnowledgeStore store,
            EmbeddingModel embeddings,
            DocumentExtractor extractor,
            ScoringModel reranker,
            OrchestratorProperties properties) {
        this(store, EmbeddingModels.inProcessOnly(embeddings), extractor, reranker, new LanguageDetector(), properties);
    }

    /** Wired by hand with its embedding models (tests); {@code reranker} may be null. */
    public KnowledgeBase(
            KnowledgeStore store,
            EmbeddingModels embeddings,
            DocumentExtractor extractor,
            ScoringModel reranker,
            LanguageDetector languages,
            OrchestratorProperties properties) {
        this.languages = languages;
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
        // Each passage in its own language: a page may hold a translation, a quote or an English table.
        PageLanguage page = new PageLanguage(document.markdown());
        EmbeddingModels.Embedder embedder = embeddings.forAssistant(tenantId, assistantId);
        List<EmbeddedChunk> embedded = new ArrayList<>(chunks.size());
        int batchSize = retrieval.embeddingBatchSize();
        progress.embedded(0, chunks.size());
        for (int from = 0; from < chunks.size(); from += batchSize) {
            List<KnowledgeChunk> batch = chunks.subList(from, Math.min(chunks.size(), from + batchSize));
            List<Embedding> vectors = embedder.model()
                    .embedAll(batch.stream()
                            .map(c -> TextSegment.from(c.label() + "\n" + c.text()))
                            .toList())
                    .content();
            for (int i = 0; i < batch.size(); i++) {
                KnowledgeChunk chunk = batch.get(i);
                Language language =
                        languages.detect(chunk.label() + "\n" + chunk.text()).orElseGet(page::language);
                embedded.add(new EmbeddedChunk(chunk, vectors.get(i).vector(), language, embedder.id()));
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
     * Passages for a question whose language the caller has decided (the answer step detects it once, for the policy
     * and the reply as well), best first, and how sure an answer from them would be (see {@link AnswerConfidence}).
     */
    public Retrieved search(
            TenantId tenantId,
            AssistantId assistantId,
            String question,
            RetrievalMode mode,
            int limit,
            Language questionLanguage) {
        List<ScoredChunk> passages = retrieveIn(tenantId, assistantId, question, mode, limit, questionLanguage);
        return new Retrieved(passages, confidence.of(question, passages));
    }

    /**
     * Passages for a question, best first, read in the language it is detected in (else {@code assistantLanguage}).
     */
    public List<ScoredChunk> retrieve(
            TenantId tenantId,
            AssistantId assistantId,
            String question,
            RetrievalMode mode,
            int limit,
            Language assistantLanguage) {
        return retrieveIn(tenantId, assistantId, question, mode, limit, languages.detect(question, assistantLanguage));
    }

    /** Passages for a question in a known language. With a re-ranker configured, the fused candidates re-ordered by it. */
    private List<ScoredChunk> retrieveIn(
            TenantId tenantId,
            AssistantId assistantId,
            String question,
            RetrievalMode mode,
            int limit,
            Language questionLanguage) {
        boolean rerank = reranker != null && retrieval.rerankCandidates() > limit;
        EmbeddingModels.Embedder embedder = embeddings.forAssistant(tenantId, assistantId);
        KnowledgeQuery query = new KnowledgeQuery(
                question,
                // BM25 too: the passages' similarity to the question is half of the answer's confidence.
                embedder.model().embed(question).content().vector(),
                questionLanguage,
                mode,
                rerank ? retrieval.rerankCandidates() : limit,
                retrieval.denseFloor(),
                retrieval.rrfK(),
                embedder.id());
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

    /** How well the best of these passages answers the question (see {@link AnswerConfidence}). */
    public double confidence(String question, List<ScoredChunk> passages) {
        return confidence.of(question, passages);
    }

    public long size(TenantId tenantId, AssistantId assistantId) {
        return store.count(tenantId, assistantId);
    }

    /**
     * What a search found.
     *
     * @param passages best first
     * @param confidence 0 to 1, how well the best passage answers the question
     */
    public record Retrieved(List<ScoredChunk> passages, double confidence) {}

    /** A page's language, read once and only when a passage of it cannot tell its own. */
    private final class PageLanguage {
        private final String markdown;
        private Language language;

        PageLanguage(String markdown) {
            this.markdown = markdown;
        }

        Language language() {
            if (language == null) {
                language = languages.detect(markdown, retrieval.defaultLanguage());
            }
            return language;
        }
    }
}
