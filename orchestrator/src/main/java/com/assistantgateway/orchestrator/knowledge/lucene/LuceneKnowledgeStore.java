package com.assistantgateway.orchestrator.knowledge.lucene;

import com.assistantgateway.orchestrator.OrchestratorProperties;
import com.assistantgateway.orchestrator.knowledge.EmbeddedChunk;
import com.assistantgateway.orchestrator.knowledge.EmbeddingModels;
import com.assistantgateway.orchestrator.knowledge.KnowledgeChunk;
import com.assistantgateway.orchestrator.knowledge.KnowledgeQuery;
import com.assistantgateway.orchestrator.knowledge.KnowledgeStore;
import com.assistantgateway.orchestrator.knowledge.Language;
import com.assistantgateway.orchestrator.knowledge.ReciprocalRankFusion;
import com.assistantgateway.orchestrator.knowledge.ScoredChunk;
import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.TenantId;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The embedded default store: a Lucene index on disk with an HNSW graph per segment for dense search and BM25 over
 * a text field per language (each analyzed with that language's stemmer and stop words). A question is searched in
 * every language field, each reading it with its own analyzer, so a passage is found whatever language the question
 * was taken for. Every hit carries its cosine similarity to the question, read from the stored vector, so the
 * confidence of an answer never rests on a rank alone. Tenant and assistant are
 * exact-match filters inside both searches, so one tenant's chunks can never be returned for another. Every write is
 * committed before it returns, so the index survives a restart; writes that arrive while a commit runs share the next
 * one (a commit syncs every new file, and each small commit left a segment to merge: 1 GB written for a 27 MB index).
 */
@Component
@ConditionalOnProperty(name = "gateway.orchestrator.store", havingValue = "embedded", matchIfMissing = true)
public class LuceneKnowledgeStore implements KnowledgeStore {

    private static final String TENANT = "tenant";
    private static final String ASSISTANT = "assistant";
    private static final String SOURCE = "source";
    private static final String TITLE = "title";
    private static final String HEADINGS = "headings";
    private static final String POSITION = "position";
    private static final String LANGUAGE = "language";
    private static final String TEXT = "text";
    private static final String VECTOR = "vector";
    private static final String EMBEDDER = "embedder";
    private static final float QUESTION_LANGUAGE_BOOST = 3.0f;
    private static final Duration COMMIT_WINDOW = Duration.ofMillis(100);

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Map<Language, Analyzer> queryAnalyzers = new EnumMap<>(Language.class);
    private final Object committing = new Object();
    /** Every write with a sequence number up to this one is committed and searchable. */
    private long committedUpTo = -1;
    /** {@link System#nanoTime()} of the last commit. */
    private long lastCommit = System.nanoTime() - COMMIT_WINDOW.toNanos();

    public LuceneKnowledgeStore(OrchestratorProperties properties) throws IOException {
        Files.createDirectories(properties.knowledgeDir());
        Map<String, Analyzer> analyzers = new HashMap<>();
        for (Language language : Language.values()) {
            Analyzer analyzer = language.analyzer();
            analyzers.put(textField(language), analyzer);
            queryAnalyzers.put(language, analyzer);
        }
        this.directory = FSDirectory.open(properties.knowledgeDir());
        this.writer = new IndexWriter(
                directory,
                new IndexWriterConfig(new PerFieldAnalyzerWrapper(new StandardAnalyzer(), analyzers))
                        // Small, frequent commits: copying each new segment into a compound file cost more than
                        // the few extra files it saves.
                        .setUseCompoundFile(false));
        this.writer.commit();
        this.searchers = new SearcherManager(writer, null);
    }

    @Override
    public void replaceSource(TenantId tenantId, AssistantId assistantId, String source, List<EmbeddedChunk> chunks) {
        List<Document> documents = new ArrayList<>(chunks.size());
        for (EmbeddedChunk embedded : chunks) {
            documents.add(document(tenantId, assistantId, embedded));
        }
        try {
            // Delete and add in one operation: a reader never sees a half-replaced source.
            durable(writer.updateDocuments(sourceQuery(tenantId, assistantId, source), documents));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot index " + source + " for tenant " + tenantId, e);
        }
    }

    @Override
    public List<ScoredChunk> search(TenantId tenantId, AssistantId assistantId, KnowledgeQuery query) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                List<List<ScoredChunk>> rankings = new ArrayList<>(2);
                if (query.dense()) {
                    rankings.add(dense(searcher, tenantId, assistantId, query));
                }
                if (query.bm25()) {
                    rankings.add(bm25(searcher, tenantId, assistantId, query));
                }
                return switch (query.mode()) {
                    case DENSE -> rankings.get(0);
                    case BM25, HYBRID -> ReciprocalRankFusion.fuse(rankings, query.rrfK(), query.limit());
                };
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("knowledge search failed for tenant " + tenantId, e);
        }
    }

    private List<ScoredChunk> dense(
            IndexSearcher searcher, TenantId tenantId, AssistantId assistantId, KnowledgeQuery query)
            throws IOException {
        int k = query.candidates();
        Query knn =
                new KnnFloatVectorQuery(vectorField(query.embedder()), query.vector(), k, scope(tenantId, assistantId));
        List<ScoredChunk> hits = new ArrayList<>();
        for (ScoreDoc hit : searcher.search(knn, k).scoreDocs) {
            // Lucene scores cosine as (1 + cos) / 2; callers reason in plain cosine.
            double cosine = 2.0 * hit.score - 1.0;
            if (cosine >= query.denseFloor()) {
                hits.add(hit(searcher, hit.doc, Math.max(0.0, Math.min(1.0, cosine)), cosine));
            }
        }
        return hits;
    }

    private List<ScoredChunk> bm25(
            IndexSearcher searcher, TenantId tenantId, AssistantId assistantId, KnowledgeQuery query)
            throws IOException {
        BooleanQuery.Builder anyLanguage = new BooleanQuery.Builder();
        boolean anyTerm = false;
        for (Map.Entry<Language, Analyzer> field : queryAnalyzers.entrySet()) {
            Query text = BoundedTextQuery.of(field.getValue(), textField(field.getKey()), query.text(), searcher);
            if (text != null) {
                // Fields hold different numbers of passages, so their BM25 scores differ in scale: the question's
                // own language leads, the others still find what a wrong guess would have lost.
                anyLanguage.add(
                        field.getKey() == query.language() ? new BoostQuery(text, QUESTION_LANGUAGE_BOOST) : text,
                        BooleanClause.Occur.SHOULD);
                anyTerm = true;
            }
        }
        if (!anyTerm) {
            return List.of(); // only stop words, or words no passage has
        }
        Query scoped = new BooleanQuery.Builder()
                .add(anyLanguage.build(), BooleanClause.Occur.MUST)
                .add(scope(tenantId, assistantId), BooleanClause.Occur.FILTER)
                .build();
        List<ScoredChunk> hits = new ArrayList<>();
        for (ScoreDoc hit : searcher.search(scoped, query.candidates()).scoreDocs) {
            hits.add(hit(searcher, hit.doc, hit.score, cosine(searcher, hit.doc, query)));
        }
        return hits;
    }

    @Override
    public void deleteSource(TenantId tenantId, AssistantId assistantId, String source) {
        try {
            durable(writer.deleteDocuments(sourceQuery(tenantId, assistantId, source)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + source + " for tenant " + tenantId, e);
        }
    }

    @Override
    public long count(TenantId tenantId, AssistantId assistantId) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return searcher.count(scope(tenantId, assistantId));
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PreDestroy
    public void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }

    /**
     * Returns once the write with this sequence number is committed and searchable. Commits are at least {@link
     * #COMMIT_WINDOW} apart: a write made within it waits for the next commit, which covers every write made by then,
     * so concurrent ingestion jobs share one flush, sync and reader refresh instead of paying one each (and leaving a
     * tiny segment each for the merges to rewrite). A lone write after a quiet spell commits at once.
     */
    private void durable(long sequenceNumber) throws IOException {
        synchronized (committing) {
            while (committedUpTo < sequenceNumber) {
                long wait = lastCommit + COMMIT_WINDOW.toNanos() - System.nanoTime();
                if (wait > 0) {
                    try {
                        committing.wait(Math.max(1, wait / 1_000_000));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException("interrupted while waiting for the index commit", e);
                    }
                    continue;
                }
                long committed = writer.commit();
                searchers.maybeRefreshBlocking();
                lastCommit = System.nanoTime();
                committedUpTo = Math.max(committedUpTo, committed);
                committing.notifyAll();
            }
        }
    }

    /**
     * One vector field per embedding model, since a field holds vectors of one dimension: the in-process model's is
     * the field the index has always had.
     */
    private static String vectorField(String embedder) {
        return EmbeddingModels.IN_PROCESS.equals(embedder) ? VECTOR : VECTOR + "_" + embedder;
    }

    private static String textField(Language language) {
        return TEXT + "_" + language.code();
    }

    private static Document document(TenantId tenantId, AssistantId assistantId, EmbeddedChunk embedded) {
        KnowledgeChunk chunk = embedded.chunk();
        Document doc = new Document();
        doc.add(new StringField(TENANT, tenantId.value(), Field.Store.NO));
        doc.add(new StringField(ASSISTANT, assistantId.value(), Field.Store.NO));
        doc.add(new StringField(SOURCE, chunk.source(), Field.Store.YES));
        doc.add(new StringField(LANGUAGE, embedded.language().code(), Field.Store.YES));
        doc.add(new StoredField(TITLE, chunk.title()));
        doc.add(new StoredField(HEADINGS, chunk.headingPath()));
        doc.add(new StoredField(POSITION, chunk.position()));
        doc.add(new StoredField(TEXT, chunk.text()));
        // Headings are searchable words too: a question often names the section it is about.
        doc.add(new TextField(textField(embedded.language()), chunk.label() + "\n" + chunk.text(), Field.Store.NO));
        doc.add(new StringField(EMBEDDER, embedded.embedder(), Field.Store.NO));
        doc.add(new KnnFloatVectorField(
                vectorField(embedded.embedder()), embedded.vector(), VectorSimilarityFunction.COSINE));
        return doc;
    }

    private static ScoredChunk hit(IndexSearcher searcher, int docId, double score, double cosine) throws IOException {
        Document doc = searcher.storedFields().document(docId);
        KnowledgeChunk chunk = new KnowledgeChunk(
                doc.get(SOURCE),
                doc.get(TITLE),
                doc.get(HEADINGS),
                doc.getField(POSITION).numericValue().intValue(),
                doc.get(TEXT));
        return new ScoredChunk(
                chunk, score, cosine, Language.of(doc.get(LANGUAGE)).orElse(null));
    }

    /**
     * The stored vector's cosine similarity to the question's; NaN without a question vector, or for a passage
     * embedded by another model (its re-index has not reached it yet).
     */
    private static double cosine(IndexSearcher searcher, int docId, KnowledgeQuery query) throws IOException {
        float[] question = query.vector();
        if (question == null) {
            return Double.NaN;
        }
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docId, leaves));
        FloatVectorValues vectors = leaf.reader().getFloatVectorValues(vectorField(query.embedder()));
        int target = docId - leaf.docBase;
        if (vectors == null || vectors.advance(target) != target) {
            return Double.NaN;
        }
        return 2.0 * VectorSimilarityFunction.COSINE.compare(question, vectors.vectorValue()) - 1.0;
    }

    private static Query scope(TenantId tenantId, AssistantId assistantId) {
        return new BooleanQuery.Builder()
                .add(new TermQuery(new Term(TENANT, tenantId.value())), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(ASSISTANT, assistantId.value())), BooleanClause.Occur.FILTER)
                .build();
    }

    private static Query sourceQuery(TenantId tenantId, AssistantId assistantId, String source) {
        return new BooleanQuery.Builder()
                .add(scope(tenantId, assistantId), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(SOURCE, source)), BooleanClause.Occur.FILTER)
                .build();
    }
}
