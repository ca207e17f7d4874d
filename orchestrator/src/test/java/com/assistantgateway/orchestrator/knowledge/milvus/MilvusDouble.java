package com.assistantgateway.orchestrator.knowledge.milvus;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.stub.StreamObserver;
import io.milvus.grpc.BoolResponse;
import io.milvus.grpc.CollectionSchema;
import io.milvus.grpc.ConnectRequest;
import io.milvus.grpc.ConnectResponse;
import io.milvus.grpc.CreateCollectionRequest;
import io.milvus.grpc.CreateIndexRequest;
import io.milvus.grpc.DataType;
import io.milvus.grpc.DeleteRequest;
import io.milvus.grpc.DescribeCollectionRequest;
import io.milvus.grpc.DescribeCollectionResponse;
import io.milvus.grpc.DescribeIndexRequest;
import io.milvus.grpc.DescribeIndexResponse;
import io.milvus.grpc.FieldData;
import io.milvus.grpc.GetLoadStateRequest;
import io.milvus.grpc.GetLoadStateResponse;
import io.milvus.grpc.GetLoadingProgressRequest;
import io.milvus.grpc.GetLoadingProgressResponse;
import io.milvus.grpc.HasCollectionRequest;
import io.milvus.grpc.HybridSearchRequest;
import io.milvus.grpc.IDs;
import io.milvus.grpc.IndexDescription;
import io.milvus.grpc.InsertRequest;
import io.milvus.grpc.ListDatabasesRequest;
import io.milvus.grpc.ListDatabasesResponse;
import io.milvus.grpc.LoadCollectionRequest;
import io.milvus.grpc.LoadState;
import io.milvus.grpc.LongArray;
import io.milvus.grpc.MilvusServiceGrpc;
import io.milvus.grpc.MutationResult;
import io.milvus.grpc.QueryRequest;
import io.milvus.grpc.QueryResults;
import io.milvus.grpc.ScalarField;
import io.milvus.grpc.SearchRequest;
import io.milvus.grpc.SearchResultData;
import io.milvus.grpc.SearchResults;
import io.milvus.grpc.ServerInfo;
import io.milvus.grpc.Status;
import io.milvus.grpc.StringArray;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-process stand-in for a Milvus server, built on the SDK's own generated gRPC service: it keeps the schema a
 * client creates (so the client can describe the collection as against a real server), records every request, and
 * answers searches with {@link #searchResult}. It evaluates no filters: tests assert on the requests themselves.
 */
class MilvusDouble extends MilvusServiceGrpc.MilvusServiceImplBase implements AutoCloseable {

    final List<Message> requests = new CopyOnWriteArrayList<>();
    final List<CreateIndexRequest> indexes = new CopyOnWriteArrayList<>();
    volatile CollectionSchema schema;
    volatile SearchResultData searchResult =
            SearchResultData.newBuilder().setNumQueries(1).addTopks(0).build();
    volatile long count;

    private final Server server;

    MilvusDouble() throws IOException {
        server = ServerBuilder.forPort(0).addService(this).build().start();
    }

    String uri() {
        return "http://127.0.0.1:" + server.getPort();
    }

    <T extends Message> List<T> requests(Class<T> type) {
        return requests.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Override
    public void close() {
        server.shutdownNow();
    }

    private static Status ok() {
        return Status.newBuilder().setCode(0).build();
    }

    private static <T> void reply(StreamObserver<T> observer, T response) {
        observer.onNext(response);
        observer.onCompleted();
    }

    @Override
    public void connect(ConnectRequest request, StreamObserver<ConnectResponse> observer) {
        reply(
                observer,
                ConnectResponse.newBuilder()
                        .setStatus(ok())
                        .setServerInfo(ServerInfo.newBuilder().setBuildTags("v2.6.0"))
                        .setIdentifier(1)
                        .build());
    }

    @Override
    public void listDatabases(ListDatabasesRequest request, StreamObserver<ListDatabasesResponse> observer) {
        reply(
                observer,
                ListDatabasesResponse.newBuilder()
                        .setStatus(ok())
                        .addDbNames("default")
                        .build());
    }

    @Override
    public void hasCollection(HasCollectionRequest request, StreamObserver<BoolResponse> observer) {
        requests.add(request);
        reply(
                observer,
                BoolResponse.newBuilder()
                        .setStatus(ok())
                        .setValue(schema != null)
                        .build());
    }

    @Override
    public void createCollection(CreateCollectionRequest request, StreamObserver<Status> observer) {
        requests.add(request);
        try {
            schema = CollectionSchema.parseFrom(request.getSchema());
        } catch (InvalidProtocolBufferException e) {
            observer.onError(e);
            return;
        }
        reply(observer, ok());
    }

    @Override
    public void describeCollection(
            DescribeCollectionRequest request, StreamObserver<DescribeCollectionResponse> observer) {
        reply(
                observer,
                DescribeCollectionResponse.newBuilder()
                        .setStatus(ok())
                        .setSchema(schema)
                        .setCollectionID(1)
                        .setCollectionName(request.getCollectionName())
                        .setShardsNum(1)
                        .build());
    }

    @Override
    public void createIndex(CreateIndexRequest request, StreamObserver<Status> observer) {
        indexes.add(request);
        reply(observer, ok());
    }

    @Override
    public void describeIndex(DescribeIndexRequest request, StreamObserver<DescribeIndexResponse> observer) {
        DescribeIndexResponse.Builder response =
                DescribeIndexResponse.newBuilder().setStatus(ok());
        for (CreateIndexRequest index : indexes) {
            response.addIndexDescriptions(IndexDescription.newBuilder()
                    .setFieldName(index.getFieldName())
                    .setIndexName(index.getIndexName())
                    .addAllParams(index.getExtraParamsList())
                    .setState(io.milvus.grpc.IndexState.Finished));
        }
        reply(observer, response.build());
    }

    @Override
    public void loadCollection(LoadCollectionRequest request, StreamObserver<Status> observer) {
        requests.add(request);
        reply(observer, ok());
    }

    @Override
    public void getLoadState(GetLoadStateRequest request, StreamObserver<GetLoadStateResponse> observer) {
        reply(
                observer,
                GetLoadStateResponse.newBuilder()
                        .setStatus(ok())
                        .setState(LoadState.LoadStateLoaded)
                        .build());
    }

    @Override
    public void getLoadingProgress(
            GetLoadingProgressRequest request, StreamObserver<GetLoadingProgressResponse> observer) {
        reply(
                observer,
                GetLoadingProgressResponse.newBuilder()
                        .setStatus(ok())
                        .setProgress(100)
                        .build());
    }

    @Override
    public void insert(InsertRequest request, StreamObserver<MutationResult> observer) {
        requests.add(request);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < request.getNumRows(); i++) {
            ids.add("row-" + i);
        }
        reply(
                observer,
                MutationResult.newBuilder()
                        .setStatus(ok())
                        .setInsertCnt(request.getNumRows())
                        .setIDs(IDs.newBuilder()
                                .setStrId(StringArray.newBuilder().addAllData(ids)))
                        .build());
    }

    @Override
    public void delete(DeleteRequest request, StreamObserver<MutationResult> observer) {
        requests.add(request);
        reply(observer, MutationResult.newBuilder().setStatus(ok()).build());
    }

    @Override
    public void search(SearchRequest request, StreamObserver<SearchResults> observer) {
        requests.add(request);
        reply(observer, results(request.getCollectionName()));
    }

    @Override
    public void hybridSearch(HybridSearchRequest request, StreamObserver<SearchResults> observer) {
        requests.add(request);
        reply(observer, results(request.getCollectionName()));
    }

    private SearchResults results(String collection) {
        return SearchResults.newBuilder()
                .setStatus(ok())
                .setResults(searchResult)
                .setCollectionName(collection)
                .build();
    }

    @Override
    public void query(QueryRequest request, StreamObserver<QueryResults> observer) {
        requests.add(request);
        reply(
                observer,
                QueryResults.newBuilder()
                        .setStatus(ok())
                        .addOutputFields("count(*)")
                        .addFieldsData(FieldData.newBuilder()
                                .setFieldName("count(*)")
                                .setType(DataType.Int64)
                                .setScalars(ScalarField.newBuilder()
                                        .setLongData(LongArray.newBuilder().addData(count))))
                        .build());
    }
}
