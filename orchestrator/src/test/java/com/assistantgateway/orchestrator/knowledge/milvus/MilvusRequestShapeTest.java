package com.assistantgateway.orchestrator.knowledge.milvus;

import static org.assertj.core.api.Assertions.assertThat;

import com.assistantgateway.orchestrator.OrchestratorProperties;
import com.assistantgateway.orchestrator.knowledge.EmbeddedChunk;
import com.assistantgateway.orchestrator.knowledge.KnowledgeChunk;
import com.assistantgateway.orchestrator.knowledge.KnowledgeQuery;
import com.assistantgateway.orchestrator.knowledge.Language;
import com.assistantgateway.orchestrator.knowledge.RetrievalMode;
import com.assistantgateway.orchestrator.knowledge.ScoredChunk;
import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.TenantId;
import io.milvus.grpc.CreateIndexRequest;
import io.milvus.grpc.DataType;
import io.milvus.grpc.DeleteRequest;
import io.milvus.grpc.FieldData;
import io.milvus.grpc.FieldSchema;
import io.milvus.grpc.FunctionSchema;
import io.milvus.grpc.FunctionType;
import io.milvus.grpc.HybridSearchRequest;
import io.milvus.grpc.IDs;
import io.milvus.grpc.InsertRequest;
import io.milvus.grpc.IntArray;
import io.milvus.grpc.KeyValuePair;
import io.milvus.grpc.QueryRequest;
import io.milvus.grpc.ScalarField;
import io.milvus.grpc.SearchRequest;
import io.milvus.grpc.SearchResultData;
import io.milvus.grpc.StringArray;
import io.milvus.grpc.TemplateValue;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the Milvus adapter sends, against an in-process gRPC double of the Milvus service: the collection's shape
 * (tenant partition key, BM25 function, per-language analyzers, HNSW), and that every search, query and delete
 * carries the tenant and assistant filter.
 */
class MilvusRequestShapeTest {

    private static final int DIMENSION = 4;

    private final TenantId acme = new TenantId("acme");
    private final AssistantId support = new AssistantId("support");

    private MilvusDouble milvus;
    private MilvusKnowledgeStore store;

    @BeforeEach
    void start() throws Exception {
        milvus = new MilvusDouble();
        OrchestratorProperties.Milvus settings =
                new OrchestratorProperties.Milvus(milvus.uri(), "", "default", "knowledge", "HNSW", 24, 300, 80, 16);
        store = new MilvusKnowledgeStore(MilvusKnowledgeStore.connect(settings), settings, DIMENSION);
    }

    @AfterEach
    void stop() {
        store.close();
        milvus.close();
    }

    @Test
    void collectionPartitionsByTenantAndIndexesTextWithBm25PerLanguage() {
        Map<String, FieldSchema> fields =
                milvus.schema.getFieldsList().stream().collect(Collectors.toMap(FieldSchema::getName, f -> f));

        assertThat(fields.get("tenant_id").getIsPartitionKey()).isTrue();
        assertThat(fields.get("assistant_id").getIsPartitionKey()).isFalse();
        assertThat(fields.get("dense").getDataType()).isEqualTo(DataType.FloatVector);
        assertThat(param(fields.get("dense").getTypeParamsList(), "dim")).isEqualTo("4");
        assertThat(fields.get("sparse").getDataType()).isEqualTo(DataType.SparseFloatVector);
        assertThat(param(fields.get("search_text").getTypeParamsList(), "enable_analyzer"))
                .isEqualTo("true");
        assertThat(param(fields.get("search_text").getTypeParamsList(), "multi_analyzer_params"))
                .contains("\"by_field\":\"language\"")
                .contains("\"nl\"", "\"sv\"", "\"pt\"", "\"de\"", "\"en\"")
                .contains("\"language\":\"dutch\"");
        FunctionSchema bm25 = milvus.schema.getFunctions(0);
        assertThat(bm25.getType()).isEqualTo(FunctionType.BM25);
        assertThat(bm25.getInputFieldNamesList()).containsExactly("search_text");
        assertThat(bm25.getOutputFieldNamesList()).containsExactly("sparse");

        CreateIndexRequest dense = index("dense");
        assertThat(param(dense.getExtraParamsList(), "index_type")).isEqualTo("HNSW");
        assertThat(param(dense.getExtraParamsList(), "metric_type")).isEqualTo("COSINE");
        assertThat(param(dense.getExtraParamsList(), "M")).isEqualTo("24");
        assertThat(param(dense.getExtraParamsList(), "efConstruction")).isEqualTo("300");
        assertThat(param(index("sparse").getExtraParamsList(), "metric_type")).isEqualTo("BM25");
    }

    @Test
    void everySearchQueryAndDeleteCarriesTheTenantAndAssistantFilter() {
        store.replaceSource(acme, support, "faq.md", List.of(chunk(0, "Calipers carry 2 years.")));
        for (RetrievalMode mode : RetrievalMode.values()) {
            store.search(acme, support, query(mode));
        }
        store.count(acme, support);
        store.deleteSource(acme, support, "faq.md");

        List<SearchRequest> searches = milvus.requests(SearchRequest.class);
        List<HybridSearchRequest> hybrids = milvus.requests(HybridSearchRequest.class);
        assertThat(searches).hasSize(2);
        assertThat(hybrids).singleElement().satisfies(h -> assertThat(h.getRequestsList())
                .hasSize(2));
        for (SearchRequest search : searches) {
            assertScoped(search.getDsl(), search.getExprTemplateValuesMap());
        }
        for (SearchRequest part : hybrids.get(0).getRequestsList()) {
            assertScoped(part.getDsl(), part.getExprTemplateValuesMap());
        }
        QueryRequest count = milvus.requests(QueryRequest.class).get(0);
        assertScoped(count.getExpr(), count.getExprTemplateValuesMap());
        List<DeleteRequest> deletes = milvus.requests(DeleteRequest.class);
        assertThat(deletes).hasSize(2);
        for (DeleteRequest delete : deletes) {
            assertScoped(delete.getExpr(), delete.getExprTemplateValuesMap());
            assertThat(delete.getExprTemplateValuesMap().get("source").getStringVal())
                    .isEqualTo("faq.md");
        }
    }

    @Test
    void replacingASourceInsertsTheNewBatchThenDeletesEveryOtherBatchOfIt() {
        store.replaceSource(acme, support, "faq.md", List.of(chunk(0, "One."), chunk(1, "Two.")));

        InsertRequest insert = milvus.requests(InsertRequest.class).get(0);
        assertThat(strings(insert, "tenant_id")).containsOnly("acme");
        assertThat(strings(insert, "assistant_id")).containsOnly("support");
        assertThat(strings(insert, "language")).containsOnly("en");
        List<String> batches = strings(insert, "batch");
        assertThat(batches).hasSize(2).containsOnly(batches.get(0));
        DeleteRequest delete = milvus.requests(DeleteRequest.class).get(0);
        assertThat(delete.getExpr()).endsWith("source == {source} && batch != {batch}");
        assertThat(delete.getExprTemplateValuesMap().get("batch").getStringVal())
                .isEqualTo(batches.get(0));
        assertThat(milvus.requests.indexOf(delete)).isGreaterThan(milvus.requests.indexOf(insert));
    }

    @Test
    void searchesAskForTheRightRetrieversAndHybridFusesOnTheServerByRrf() {
        store.search(acme, support, query(RetrievalMode.HYBRID));
        store.search(acme, support, query(RetrievalMode.BM25));

        HybridSearchRequest hybrid = milvus.requests(HybridSearchRequest.class).get(0);
        assertThat(hybrid.getRequests(0).getSearchParamsList())
                .anySatisfy(p -> assertThat(p.getValue()).isEqualTo("dense"));
        assertThat(param(hybrid.getRankParamsList(), "strategy")).isEqualTo("rrf");
        assertThat(param(hybrid.getRankParamsList(), "params")).contains("\"k\":60");
        SearchRequest bm25 = milvus.requests(SearchRequest.class).get(0);
        assertThat(param(bm25.getSearchParamsList(), "anns_field")).isEqualTo("sparse");
        assertThat(param(bm25.getSearchParamsList(), "params")).contains("\"analyzer_name\":\"nl\"");
    }

    @Test
    void hitsMapToCitableChunksWithTheFusedScoreNormalized() {
        milvus.searchResult =
                results(new Hit("warranty.pdf", "b1", "Warranty", "Page 2", 3, "Calipers: 2 years.", 2.0 / 61));

        List<ScoredChunk> hits = store.search(acme, support, query(RetrievalMode.HYBRID));

        assertThat(hits).singleElement().satisfies(hit -> {
            assertThat(hit.chunk())
                    .isEqualTo(new KnowledgeChunk("warranty.pdf", "Warranty", "Page 2", 3, "Calipers: 2 years."));
            assertThat(hit.score()).isCloseTo(1.0, Offset.offset(1e-5));
        });
    }

    @Test
    void aSearchThatMeetsTwoVersionsOfASourceMidReplaceKeepsOnlyTheNewest() {
        String older = MilvusKnowledgeStore.newBatch();
        String newer = "%012x%s".formatted(Long.parseLong(older.substring(0, 12), 16) + 1, older.substring(12));
        milvus.searchResult = results(
                new Hit("shipping.md", older, "Shipping", "", 0, "Belgium: 7 euro.", 0.9),
                new Hit("shipping.md", newer, "Shipping", "", 0, "Belgium: 5 euro.", 0.8),
                new Hit("hours.md", older, "Hours", "", 0, "Open at nine.", 0.5));

        List<ScoredChunk> hits = store.search(acme, support, query(RetrievalMode.DENSE));

        assertThat(hits).extracting(h -> h.chunk().text()).containsExactly("Belgium: 5 euro.", "Open at nine.");
        assertThat(newer).hasSize(35).isGreaterThan(older);
    }

    private record Hit(
            String source, String batch, String title, String headings, int position, String text, double score) {}

    private static SearchResultData results(Hit... hits) {
        IntArray.Builder positions = IntArray.newBuilder();
        StringArray.Builder ids = StringArray.newBuilder();
        SearchResultData.Builder result = SearchResultData.newBuilder()
                .setNumQueries(1)
                .setTopK(hits.length)
                .addTopks(hits.length);
        for (Hit hit : hits) {
            ids.addData(hit.batch() + ":" + hit.position());
            positions.addData(hit.position());
            result.addScores((float) hit.score());
        }
        return result.setIds(IDs.newBuilder().setStrId(ids))
                .addFieldsData(varchar("source", Stream.of(hits).map(Hit::source)))
                .addFieldsData(varchar("batch", Stream.of(hits).map(Hit::batch)))
                .addFieldsData(varchar("title", Stream.of(hits).map(Hit::title)))
                .addFieldsData(varchar("heading_path", Stream.of(hits).map(Hit::headings)))
                .addFieldsData(FieldData.newBuilder()
                        .setFieldName("position")
                        .setType(DataType.Int32)
                        .setScalars(ScalarField.newBuilder().setIntData(positions)))
                .addFieldsData(varchar("text", Stream.of(hits).map(Hit::text)))
                .addAllOutputFields(List.of("source", "batch", "title", "heading_path", "position", "text"))
                .build();
    }

    private void assertScoped(String expression, Map<String, TemplateValue> values) {
        assertThat(expression).startsWith("tenant_id == {tenant} && assistant_id == {assistant}");
        assertThat(values.get("tenant").getStringVal()).isEqualTo("acme");
        assertThat(values.get("assistant").getStringVal()).isEqualTo("support");
    }

    private KnowledgeQuery query(RetrievalMode mode) {
        return new KnowledgeQuery("hoe lang garantie", new float[] {1, 0, 0, 0}, Language.DUTCH, mode, 4, 0.3, 60);
    }

    private static EmbeddedChunk chunk(int position, String text) {
        return new EmbeddedChunk(
                new KnowledgeChunk("faq.md", "FAQ", "", position, text), new float[] {1, 0, 0, 0}, Language.ENGLISH);
    }

    private CreateIndexRequest index(String field) {
        return milvus.indexes.stream()
                .filter(i -> i.getFieldName().equals(field))
                .findFirst()
                .orElseThrow();
    }

    private static String param(List<KeyValuePair> params, String key) {
        return params.stream()
                .filter(p -> p.getKey().equals(key))
                .map(KeyValuePair::getValue)
                .findFirst()
                .orElse(null);
    }

    private static List<String> strings(InsertRequest insert, String field) {
        return insert.getFieldsDataList().stream()
                .filter(f -> f.getFieldName().equals(field))
                .findFirst()
                .orElseThrow()
                .getScalars()
                .getStringData()
                .getDataList();
    }

    private static FieldData varchar(String name, Stream<String> values) {
        return FieldData.newBuilder()
                .setFieldName(name)
                .setType(DataType.VarChar)
                .setScalars(ScalarField.newBuilder()
                        .setStringData(StringArray.newBuilder().addAllData(values.toList())))
                .build();
    }
}
