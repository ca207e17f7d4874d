package com.assistantgateway.orchestrator.knowledge;

import com.assistantgateway.orchestrator.answer.ApacheLlmHttp;
import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.outbound.OutboundHttp;
import com.assistantgateway.routes.port.AssistantProfile;
import com.assistantgateway.routes.port.TenantDirectory;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Which embedding model an assistant's knowledge is embedded with: the in-process all-MiniLM-L6-v2 (English, offline,
 * the default), or an OpenAI-compatible {@code /v1/embeddings} endpoint the assistant names ({@code embedding.baseUrl},
 * {@code embedding.model}, its key among its sealed credentials as {@code embedding.apiKey}): Ollama, vLLM or Text
 * Embeddings Inference serving a multilingual model such as bge-m3 or multilingual-e5. A tenant's endpoint is reached
 * only through the outbound guard. Each model has an id; vectors of different models never meet in one search, and an
 * assistant whose model changes has its sources re-indexed (admin {@code knowledge}).
 */
@Component
public class EmbeddingModels {

    public static final String BASE_URL = "embedding.baseUrl";
    public static final String MODEL = "embedding.model";
    /** A credential, sealed with the assistant's others; never a setting. */
    public static final String API_KEY = "embedding.apiKey";
    /** The id of the in-process model, whose vectors the index has always held. */
    public static final String IN_PROCESS = "all-minilm-l6-v2";

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Embedder inProcess;
    private final OutboundHttp outbound;
    /** Looked up when first needed: the registry behind it reaches the knowledge base, which needs this. */
    private final Supplier<TenantDirectory> directory;

    private final Map<String, Embedder> remote = new ConcurrentHashMap<>();
    private final ExecutorService calls = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "embedding-http");
        thread.setDaemon(true);
        return thread;
    });

    @Autowired
    public EmbeddingModels(EmbeddingModel inProcess, OutboundHttp outbound, ObjectProvider<TenantDirectory> directory) {
        this(inProcess, outbound, (Supplier<TenantDirectory>) directory::getObject);
    }

    /** Wired by hand (tests); {@code directory} null means every assistant uses the in-process model. */
    public EmbeddingModels(EmbeddingModel inProcess, OutboundHttp outbound, TenantDirectory directory) {
        this(inProcess, outbound, directory == null ? null : () -> directory);
    }

    private EmbeddingModels(EmbeddingModel inProcess, OutboundHttp outbound, Supplier<TenantDirectory> directory) {
        this.inProcess = new Embedder(IN_PROCESS, inProcess);
        this.outbound = outbound;
        this.directory = directory;
    }

    /** Only the in-process model: the retrieval benchmark and tests that wire the knowledge base by hand. */
    public static EmbeddingModels inProcessOnly(EmbeddingModel inProcess) {
        return new EmbeddingModels(inProcess, null, (TenantDirectory) null);
    }

    public Embedder defaultEmbedder() {
        return inProcess;
    }

    public Embedder forAssistant(TenantId tenantId, AssistantId assistantId) {
        if (directory == null) {
            return inProcess;
        }
        return forProfile(directory.get().assistant(tenantId, assistantId));
    }

    public Embedder forProfile(Optional<AssistantProfile> profile) {
        Optional<String> baseUrl = profile.flatMap(p -> p.setting(BASE_URL));
        if (baseUrl.isEmpty() || outbound == null) {
            return inProcess;
        }
        String model = profile.flatMap(p -> p.setting(MODEL)).orElse("bge-m3");
        String key = profile.flatMap(p -> p.credential(API_KEY)).orElse("none");
        String id = id(baseUrl.get(), model);
        // One client per endpoint, model and key: a rotated key builds a new one under the same id.
        return remote.computeIfAbsent(
                id + '\u0000' + key,
                ignored -> new Embedder(
                        id,
                        OpenAiEmbeddingModel.builder()
                                .baseUrl(baseUrl.get())
                                .apiKey(key)
                                .modelName(model)
                                .timeout(TIMEOUT)
                                .maxRetries(1)
                                .httpClientBuilder(ApacheLlmHttp.builder(outbound.client(), calls))
                                .build()));
    }

    /** A stable id for a remote model: its vectors stay apart from every other model's. */
    static String id(String baseUrl, String model) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((baseUrl.strip().replaceAll("/+$", "") + "|" + model).getBytes(StandardCharsets.UTF_8));
            return "remote-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @PreDestroy
    void close() {
        calls.shutdownNow();
    }

    /**
     * An embedding model and its id.
     *
     * @param id {@link #IN_PROCESS}, or {@code remote-<hash of endpoint and model>}
     */
    public record Embedder(String id, EmbeddingModel model) {

        public boolean inProcess() {
            return IN_PROCESS.equals(id);
        }
    }
}
