package com.assistantgateway.orchestrator.knowledge.milvus;

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
import com.google.gson.Gson;
import com.google.gson.JsonObject;
import dev.langchain4j.model.embedding.EmbeddingModel;
import io.milvus.common.clientenum.FunctionType;
import io.milvus.v2.client.ConnectConfig;
import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.common.ConsistencyLevel;
import io.milvus.v2.common.DataType;
import io.milvus.v2.common.IndexParam;
import io.milvus.v2.service.collection.request.AddFieldReq;
import io.milvus.v2.service.collection.request.CreateCollectionReq;
import io.milvus.v2.service.collection.request.HasCollectionReq;
import io.milvus.v2.service.collection.request.LoadCollectionReq;
import io.milvus.v2.service.vector.request.AnnSearchReq;
import io.milvus.v2.service.vector.request.DeleteReq;
import io.milvus.v2.service.vector.request.HybridSearchReq;
import io.milvus.v2.service.vector.request.InsertReq;
import io.milvus.v2.service.vector.request.QueryReq;
import io.milvus.v2.service.vector.request.SearchReq;
import io.milvus.v2.service.vector.request.data.BaseVector;
import io.milvus.v2.service.vector.request.data.EmbeddedText;
import io.milvus.v2.service.vector.request.data.FloatVec;
import io.milvus.v2.service.vector.request.ranker.RRFRanker;
import io.milvus.v2.service.vector.response.SearchResp;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The Milvus store (2.5.11+, for multi-language analyzers). One collection per embedding model holds every tenant: the tenant id is the partition key,
 * so Milvus prunes to the tenant's partition on every filtered request and thousands of tenants cost no thousands of
 * collections; the assistant is a filtered, indexed scalar. Full text is Milvus' own BM25 function over the chunk
 * text, analyzed per chunk language by a multi-language analyzer, so dense, BM25 and hybrid (server-side RRF)
 * retrieval behave as on the embedded store. Every search, query and delete carries the tenant and assistant filter,
 * passed as template values, never spliced into the expression.
 *
 * <p>Replacing a source inserts the new version's chunks under a fresh, time-ordered batch id, then deletes the
 * source's chunks of any other batch. Milvus has no multi-row transactions, so between the two a search may meet both
 * versions; it then keeps only the newest batch's chunks of that source, and readers never see the versions mixed.
 */
@Component
@ConditionalOnProperty(name = "gateway.orchestrator.store", havingValue = "milvus")
public class MilvusKnowledgeStore implements KnowledgeStore {

    static final String ID = "id";
    static final String TENANT = "tenant_id";
    static final String ASSISTANT = "assistant_id";
    static final String SOURCE = "source";
    static final String BATCH = "batch";
    static final String TITLE = "title";
    static final String HEADINGS = "heading_path";
    static final String POSITION = "position";
    static final String LANGUAGE = "language";
    static final String TEXT = "text";
    /** Label and passage: what BM25 reads (headings are searchable words, as on the embedded store). */
    static final String SEARCH_TEXT = "search_text";

    static final String DENSE = "dense";
    static final String SPARSE = "sparse";
    static final String SCOPE = TENANT + " == {tenant} && " + ASSISTANT + " == {assistant}";
    private static final List<String> OUTPUT = List.of(SOURCE, BATCH, TITLE, HEADINGS, POSITION, TEXT, LANGUAGE);
    private static final int INSERT_BATCH = 500;

    private final MilvusClientV2 client;
    private final OrchestratorProperties.Milvus settings;
    private final int dimension;
    private final Gson gson = new Gson();

    public MilvusKnowledgeStore(OrchestratorProperties properties, EmbeddingModel embeddings) {
        this(connect(properties.milvus()), properties.milvus(), embeddings.dimension());
    }

    MilvusKnowledgeStore(MilvusClientV2 client, OrchestratorProperties.Milvus settings, int dimension) {
        this.client = client;
        this.settings = settings;
        this.dimension = dimension;
        ensureCollection();
    }

    static MilvusClientV2 connect(OrchestratorProperties.Milvus settings) {
        ConnectConfig.ConnectConfigBuilder config =
                ConnectConfig.builder().uri(settings.uri()).dbName(settings.database());
        if (!settings.token().isBlank()) {
            config.token(settings.token());
        }
        return new MilvusClientV2(config.build());
    }

    private void ensureCollection() {
        boolean exists = client.hasCollection(
                HasCollectionReq.builder().collectionName(settings.collection()).build());
        if (!exists) {
            client.createCollection(CreateCollectionReq.builder()
                    .collectionName(settings.collection())
                    .collectionSchema(schema())
                    .indexParams(indexes())
                    .numPartitions(settings.partitions())
                    .consistencyLevel(ConsistencyLevel.SESSION)
                    .build());
        }
        client.loadCollection(LoadCollectionReq.builder()
                .collectionName(settings.collection())
                .build());
    }

    private CreateCollectionReq.CollectionSchema schema() {
        CreateCollectionReq.CollectionSchema schema =
                CreateCollectionReq.CollectionSchema.builder().build();
        schema.addField(varchar(ID, 100).isPrimaryKey(true).autoID(false).build());
        schema.addField(varchar(TENANT, 64).isPartitionKey(true).build());
        schema.addField(varchar(ASSISTANT, 64).build());
        schema.addField(varchar(SOURCE, 2048).build());
        schema.addField(varchar(BATCH, 36).build());
        schema.addField(varchar(TITLE, 1024).build());
        schema.addField(varchar(HEADINGS, 2048).build());
        schema.addField(AddFieldReq.builder()
                .fieldName(POSITION)
                .dataType(DataType.Int32)
                .build());
        schema.addField(varchar(LANGUAGE, 8).build());
        schema.addField(varchar(TEXT, 65535).build());
        schema.addField(varchar(SEARCH_TEXT, 65535)
                .enableAnalyzer(true)
                .multiAnalyzerParams(analyzers())
                .build());
        schema.addField(AddFieldReq.builder()
                .fieldName(DENSE)
                .dataType(DataType.FloatVector)
                .dimension(dimension)
                .build());
        schema.addField(AddFieldReq.builder()
                .fieldName(SPARSE)
                .dataType(DataType.SparseFloatVector)
                .build());
        schema.addFunction(CreateCollectionReq.Function.builder()
                .name("text_bm25")
                .functionType(FunctionType.BM25)
                .inputFieldNames(List.of(SEARCH_TEXT))
                .outputFieldNames(List.of(SPARSE))
                .build());
        return schema;
    }

    /**
     * The query text as Milvus' BM25 function takes it: no longer than the {@code search_text} field holds (65,535
     * bytes; 16,000 characters are at most 64,000 bytes of UTF-8), cut at a word. A long mail still finds passages.
     */
    static String boundedText(String text) {
        int max = 16_000;
        if (text.length() <= max) {
            return text;
        }
        int cut = text.lastIndexOf(' ', max);
        if (cut <= max / 2) {
            cut = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        }
        return text.substring(0, cut);
    }

    private static AddFieldReq.AddFieldReqBuilder<?> varchar(String name, int maxLength) {
        return AddFieldReq.builder().fieldName(name).dataType(DataType.VarChar).maxLength(maxLength);
    }

    /** One analyzer per language, chosen per chunk by its {@code language} field; English for anything else. */
    static Map<String, Object> analyzers() {
        Map<String, Object> analyzers = new LinkedHashMap<>();
        for (Language language : Language.values()) {
            analyzers.put(language.code(), language.milvusAnalyzer());
        }
        analyzers.put("default", Language.ENGLISH.milvusAnalyzer());
        return Map.of("analyzers", analyzers, "by_field", LANGUAGE);
    }

    private List<IndexParam> indexes() {
        Map<String, Object> hnsw = new HashMap<>();
        if (settings.indexType().startsWith("HNSW")) {
            hnsw.put("M", settings.hnswM());
            hnsw.put("efConstruction", settings.hnswEfConstruction());
        }
        return List.of(
                IndexParam.builder()
                        .fieldName(DENSE)
                        .indexType(IndexParam.IndexType.valueOf(settings.indexType()))
                        .metricType(IndexParam.MetricType.COSINE)
                        .extraParams(hnsw)
                        .build(),
                IndexParam.builder()
                        .fieldName(SPARSE)
                        .indexType(IndexParam.IndexType.SPARSE_INVERTED_INDEX)
                        .metricType(IndexParam.MetricType.BM25)
                        .build(),
                IndexParam.builder()
                        .fieldName(ASSISTANT)
                        .indexType(IndexParam.IndexType.INVERTED)
                        .build(),
                IndexParam.builder()
                        .fieldName(SOURCE)
                        .indexType(IndexParam.IndexType.INVERTED)
                        .build());
    }

    @Override
    public void replaceSource(TenantId tenantId, AssistantId assistantId, String source, List<EmbeddedChunk> chunks) {
        chunks.forEach(chunk -> requireInProcess(chunk.embedder()));
        String batch = newBatch();
        List<JsonObject> rows = new ArrayList<>(chunks.size());
        for (EmbeddedChunk embedded : chunks) {
            rows.add(row(tenantId, assistantId, batch, embedded));
        }
        for (int from = 0; from < rows.size(); from += INSERT_BATCH) {
            client.insert(InsertReq.builder()
                    .collectionName(settings.collection())
                    .data(rows.subList(from, Math.min(rows.size(), from + INSERT_BATCH)))
                    .build());
        }
        Map<String, Object> values = scope(tenantId, assistantId);
        values.put("source", source);
        values.put("batch", batch);
        client.delete(DeleteReq.builder()
                .collectionName(settings.collection())
                .filter(SCOPE + " && " + SOURCE + " == {source} && " + BATCH + " != {batch}")
                .filterTemplateValues(values)
                .build());
    }

    @Override
    public List<ScoredChunk> search(TenantId tenantId, AssistantId assistantId, KnowledgeQuery query) {
        requireInProcess(query.embedder());
        return switch (query.mode()) {
            case DENSE -> hits(
                    client.search(SearchReq.builder()
                            .collectionName(settings.collection())
                            .annsField(DENSE)
                            .data(List.of(new FloatVec(query.vector())))
                            .limit(query.limit())
                            .filter(SCOPE)
                            .filterTemplateValues(scope(tenantId, assistantId))
                            .searchParams(denseParams(query))
                            .outputFields(OUTPUT)
                            .build()),
                    1.0,
                    true);
            case BM25 -> ReciprocalRankFusion.fuse(
                    List.of(hits(
                            client.search(SearchReq.builder()
                                    .collectionName(settings.collection())
                                    .annsField(SPARSE)
                                    .data(List.of(new EmbeddedText(boundedText(query.text()))))
                                    .limit(query.limit())
                                    .filter(SCOPE)
                                    .filterTemplateValues(scope(tenantId, assistantId))
                                    .searchParams(Map.of(
                                            "analyzer_name", query.language().code()))
                                    .outputFields(OUTPUT)
                                    .build()),
                            1.0,
                            false)),
                    query.rrfK(),
                    query.limit());
            case HYBRID -> hits(
                    client.hybridSearch(HybridSearchReq.builder()
                            .collectionName(settings.collection())
                            .searchRequests(List.of(
                                    annRequest(
                                            DENSE,
                                            new FloatVec(query.vector()),
                                            denseParams(query),
                                            query,
                                            tenantId,
                                            assistantId),
                                    annRequest(
                                            SPARSE,
                                            new EmbeddedText(boundedText(query.text())),
                                            Map.of(
                                                    "analyzer_name",
                                                    query.language().code()),
                                            query,
                                            tenantId,
                                            assistantId)))
                            .ranker(RRFRanker.builder().k(query.rrfK()).build())
                            .limit(query.limit())
                            .outFields(OUTPUT)
                            .build()),
                    // Milvus returns the plain RRF sum; scale it as ReciprocalRankFusion does.
                    (query.rrfK() + 1) / 2.0,
                    false);
        };
    }

    private AnnSearchReq annRequest(
            String field,
            BaseVector vector,
            Map<String, Object> params,
            KnowledgeQuery query,
            TenantId tenantId,
            AssistantId assistantId) {
        return AnnSearchReq.builder()
                .vectorFieldName(field)
                .vectors(List.of(vector))
                .params(gson.toJson(params))
                .limit(query.candidates())
                .filter(SCOPE)
                .filterTemplateValues(scope(tenantId, assistantId))
                .build();
    }

    /** HNSW's search list, and a range search whose radius drops dense hits under the floor. */
    private Map<String, Object> denseParams(KnowledgeQuery query) {
        return Map.of("ef", Math.max(settings.searchEf(), query.candidates()), "radius", query.denseFloor());
    }

    @Override
    public void deleteSource(TenantId tenantId, AssistantId assistantId, String source) {
        Map<String, Object> values = scope(tenantId, assistantId);
        values.put("source", source);
        client.delete(DeleteReq.builder()
                .collectionName(settings.collection())
                .filter(SCOPE + " && " + SOURCE + " == {source}")
                .filterTemplateValues(values)
                .build());
    }

    @Override
    public long count(TenantId tenantId, AssistantId assistantId) {
        return client
                .query(QueryReq.builder()
                        .collectionName(settings.collection())
                        .filter(SCOPE)
                        .filterTemplateValues(scope(tenantId, assistantId))
                        .outputFields(List.of("count(*)"))
                        .build())
                .getQueryResults()
                .stream()
                .findFirst()
                .map(r -> ((Number) r.getEntity().get("count(*)")).longValue())
                .orElse(0L);
    }

    @PreDestroy
    public void close() {
        client.close();
    }

    private JsonObject row(TenantId tenantId, AssistantId assistantId, String batch, EmbeddedChunk embedded) {
        KnowledgeChunk chunk = embedded.chunk();
        JsonObject row = new JsonObject();
        row.addProperty(ID, batch + ":" + chunk.position());
        row.addProperty(TENANT, tenantId.value());
        row.addProperty(ASSISTANT, assistantId.value());
        row.addProperty(SOURCE, chunk.source());
        row.addProperty(BATCH, batch);
        row.addProperty(TITLE, chunk.title());
        row.addProperty(HEADINGS, chunk.headingPath());
        row.addProperty(POSITION, chunk.position());
        row.addProperty(LANGUAGE, embedded.language().code());
        row.addProperty(TEXT, chunk.text());
        row.addProperty(SEARCH_TEXT, chunk.label() + "\n" + chunk.text());
        row.add(DENSE, gson.toJsonTree(embedded.vector()));
        return row;
    }

    /** Hex milliseconds first, so a later batch id sorts after an earlier one; 35 characters. */
    static String newBatch() {
        return "%012x-%s"
                .formatted(
                        System.currentTimeMillis(), UUID.randomUUID().toString().substring(14));
    }

    /**
     * The collection holds vectors of the in-process model ({@code collection} is one per model); an assistant with a
     * remote embedding model needs the embedded store, or a gateway whose default model is that one.
     */
    private static void requireInProcess(String embedder) {
        if (!EmbeddingModels.IN_PROCESS.equals(embedder)) {
            throw new IllegalStateException("the Milvus store holds vectors of the in-process embedding model only;"
                    + " remove the assistant's embedding.baseUrl, or use the embedded store");
        }
    }

    private static List<ScoredChunk> hits(SearchResp response, double scale, boolean dense) {
        List<SearchResp.SearchResult> results =
                response.getSearchResults().stream().flatMap(List::stream).toList();
        Map<String, String> newestBatch = new HashMap<>();
        for (SearchResp.SearchResult result : results) {
            newestBatch.merge(field(result, SOURCE), field(result, BATCH), (a, b) -> a.compareTo(b) >= 0 ? a : b);
        }
        return results.stream()
                .filter(r -> newestBatch.get(field(r, SOURCE)).equals(field(r, BATCH)))
                .map(r -> new ScoredChunk(
                        chunk(r.getEntity()),
                        Math.max(0.0, Math.min(1.0, r.getScore() * scale)),
                        // A dense search's score is the cosine; a fused one tells nothing of it.
                        dense ? r.getScore() : Double.NaN,
                        Language.of((String) r.getEntity().get(LANGUAGE)).orElse(null)))
                .toList();
    }

    private static String field(SearchResp.SearchResult result, String name) {
        return (String) result.getEntity().get(name);
    }

    private static KnowledgeChunk chunk(Map<String, Object> entity) {
        return new KnowledgeChunk(
                (String) entity.get(SOURCE),
                (String) entity.get(TITLE),
                (String) entity.get(HEADINGS),
                ((Number) entity.get(POSITION)).intValue(),
                (String) entity.get(TEXT));
    }

    private static Map<String, Object> scope(TenantId tenantId, AssistantId assistantId) {
        Map<String, Object> values = new HashMap<>();
        values.put("tenant", tenantId.value());
        values.put("assistant", assistantId.value());
        return values;
    }
}
