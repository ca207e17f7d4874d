package com.assistantgateway.orchestrator.knowledge;

import com.assistantgateway.orchestrator.OrchestratorProperties;
import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.TenantId;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.springframework.stereotype.Component;

/**
 * The embedded default vector store: a Lucene index on disk with an HNSW graph per segment. Tenant and assistant are
 * exact-match filters applied inside the nearest-neighbour search, so one tenant's chunks can never be returned for
 * another. Every write is committed before it returns, so the index survives a restart.
 */
@Component
public class LuceneKnowledgeStore implements KnowledgeStore {

    private static final String TENANT = "tenant";
    private static final String ASSISTANT = "assistant";
    private static final String SOURCE = "source";
    private static final String TITLE = "title";
    private static final String HEADINGS = "headings";
    private static final String POSITION = "position";
    private static final String TEXT = "text";
    private static final String VECTOR = "vector";

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    public LuceneKnowledgeStore(OrchestratorProperties properties) throws IOException {
        Files.createDirectories(properties.knowledgeDir());
        this.directory = FSDirectory.open(properties.knowledgeDir());
        this.writer = new IndexWriter(directory, new IndexWriterConfig());
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
            // One commit for delete and add: a reader never sees a half-replaced source.
            writer.updateDocuments(sourceQuery(tenantId, assistantId, source), documents);
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot index " + source + " for tenant " + tenantId, e);
        }
    }

    @Override
    public List<ScoredChunk> search(TenantId tenantId, AssistantId assistantId, float[] query, int limit) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                Query knn = new KnnFloatVectorQuery(VECTOR, query, limit, scope(tenantId, assistantId));
                List<ScoredChunk> results = new ArrayList<>();
                for (ScoreDoc hit : searcher.search(knn, limit).scoreDocs) {
                    Document doc = searcher.storedFields().document(hit.doc);
                    // Lucene scores cosine as (1 + cos) / 2; callers reason in plain cosine.
                    results.add(new ScoredChunk(chunk(doc), 2.0 * hit.score - 1.0));
                }
                return results;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("knowledge search failed for tenant " + tenantId, e);
        }
    }

    @Override
    public void deleteSource(TenantId tenantId, AssistantId assistantId, String source) {
        try {
            writer.deleteDocuments(sourceQuery(tenantId, assistantId, source));
            commit();
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

    private void commit() throws IOException {
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    private static Document document(TenantId tenantId, AssistantId assistantId, EmbeddedChunk embedded) {
        KnowledgeChunk chunk = embedded.chunk();
        Document doc = new Document();
        doc.add(new StringField(TENANT, tenantId.value(), Field.Store.NO));
        doc.add(new StringField(ASSISTANT, assistantId.value(), Field.Store.NO));
        doc.add(new StringField(SOURCE, chunk.source(), Field.Store.YES));
        doc.add(new StoredField(TITLE, chunk.title()));
        doc.add(new StoredField(HEADINGS, chunk.headingPath()));
        doc.add(new StoredField(POSITION, chunk.position()));
        doc.add(new StoredField(TEXT, chunk.text()));
        doc.add(new KnnFloatVectorField(VECTOR, embedded.vector(), VectorSimilarityFunction.COSINE));
        return doc;
    }

    private static KnowledgeChunk chunk(Document doc) {
        return new KnowledgeChunk(
                doc.get(SOURCE),
                doc.get(TITLE),
                doc.get(HEADINGS),
                doc.getField(POSITION).numericValue().intValue(),
                doc.get(TEXT));
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
