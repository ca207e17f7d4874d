package com.assistantgateway.orchestrator;

import com.assistantgateway.orchestrator.knowledge.Language;
import com.assistantgateway.orchestrator.knowledge.RetrievalMode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Orchestrator settings ({@code gateway.orchestrator.*}); assistants may override retrieval and LLM settings.
 *
 * @param store {@code embedded} (a Lucene index in {@code knowledgeDir}) or {@code milvus}
 * @param knowledgeDir where the embedded index lives
 * @param milvus the Milvus connection and collection, for {@code store: milvus}
 * @param retrieval how knowledge is chunked and retrieved
 * @param rerank an optional re-ranker
 * @param llm the default LLM; with no base URL, assistants answer extractively
 */
@Validated
@ConfigurationProperties("gateway.orchestrator")
public record OrchestratorProperties(
        @NotNull @Pattern(regexp = "embedded|milvus") @DefaultValue("embedded") String store,
        @NotNull @DefaultValue("./data/knowledge") Path knowledgeDir,
        @Valid @NotNull @DefaultValue Milvus milvus,
        @Valid @NotNull @DefaultValue Retrieval retrieval,
        @Valid @NotNull @DefaultValue Rerank rerank,
        @Valid @NotNull @DefaultValue Llm llm) {

    /** Embedded-store settings with every other default, for tests and tools that wire the knowledge base by hand. */
    public static OrchestratorProperties embedded(Path knowledgeDir, Retrieval retrieval, Llm llm) {
        return new OrchestratorProperties(
                "embedded",
                knowledgeDir,
                Milvus.defaults(),
                retrieval,
                new Rerank("", "jina-reranker-v2-base-multilingual", "", Duration.ofSeconds(10)),
                llm);
    }

    /**
     * @param topK passages retrieved per question
     * @param confidenceThreshold below this score of the best passage the assistant says it does not know (the
     *     score of the assistant's retrieval mode: fused for hybrid)
     * @param mode {@code hybrid} (default), {@code dense} or {@code bm25}
     * @param denseFloor dense hits under this cosine similarity are no candidates
     * @param rrfK the reciprocal rank fusion constant
     * @param defaultLanguage the language text is analyzed in when it does not clearly show its own
     * @param chunkSize maximum characters per chunk
     * @param chunkOverlap characters shared by neighbouring chunks
     * @param embeddingBatchSize chunks embedded per call (and per progress report)
     * @param rerankCandidates fused candidates a configured re-ranker re-orders
     */
    public record Retrieval(
            @DefaultValue("4") @Min(1) int topK,
            @DefaultValue("0.35") @DecimalMin("0.0") @DecimalMax("1.0") double confidenceThreshold,
            @NotNull @DefaultValue("hybrid") RetrievalMode mode,
            @DefaultValue("0.3") @DecimalMin("-1.0") @DecimalMax("1.0") double denseFloor,
            @DefaultValue("60") @Min(1) int rrfK,
            @NotNull @DefaultValue("ENGLISH") Language defaultLanguage,
            @DefaultValue("800") @Min(100) int chunkSize,
            @DefaultValue("120") @Min(0) int chunkOverlap,
            @DefaultValue("32") @Min(1) @Max(1024) int embeddingBatchSize,
            @DefaultValue("20") @Min(1) int rerankCandidates) {

        /** The defaults, for tests and tools that build the knowledge base by hand. */
        public static Retrieval defaults() {
            return new Retrieval(4, 0.35, RetrievalMode.HYBRID, 0.3, 60, Language.ENGLISH, 800, 120, 32, 20);
        }
    }

    /**
     * Milvus 2.5.11+ (BM25 full-text search with multi-language analyzers). One collection holds every tenant: the
     * tenant id is its partition key.
     *
     * @param uri e.g. {@code http://localhost:19530}
     * @param token {@code user:password} or an API key, from the environment ({@code GATEWAY_MILVUS_TOKEN})
     * @param database the Milvus database
     * @param collection one per embedding model: vectors of different models never share a collection
     * @param indexType the dense index ({@code HNSW} by default; any Milvus float-vector index type)
     * @param hnswM HNSW graph degree
     * @param hnswEfConstruction HNSW build-time candidate list
     * @param searchEf HNSW search-time candidate list
     * @param partitions partitions the tenants are hashed over
     */
    public record Milvus(
            @NotBlank @DefaultValue("http://localhost:19530") String uri,
            @DefaultValue("") String token,
            @NotBlank @DefaultValue("default") String database,
            @NotBlank @Pattern(regexp = "[A-Za-z_][A-Za-z0-9_]{0,254}") @DefaultValue("gateway_knowledge_minilm_l6_v2")
                    String collection,
            @NotBlank @DefaultValue("HNSW") String indexType,
            @DefaultValue("16") @Min(2) int hnswM,
            @DefaultValue("200") @Min(8) int hnswEfConstruction,
            @DefaultValue("64") @Min(1) int searchEf,
            @DefaultValue("64") @Min(1) @Max(1024) int partitions) {

        public static Milvus defaults() {
            return new Milvus(
                    "http://localhost:19530", "", "default", "gateway_knowledge_minilm_l6_v2", "HNSW", 16, 200, 64, 64);
        }
    }

    /**
     * A re-ranker served over the Jina rerank API (Jina, or vLLM / Infinity / TEI serving a cross-encoder).
     *
     * @param baseUrl blank: no re-ranking
     * @param model e.g. {@code jina-reranker-v2-base-multilingual} or {@code BAAI/bge-reranker-v2-m3}
     * @param apiKey from the environment ({@code GATEWAY_RERANK_API_KEY})
     * @param timeout per request
     */
    public record Rerank(
            @DefaultValue("") String baseUrl,
            @DefaultValue("jina-reranker-v2-base-multilingual") String model,
            @DefaultValue("") String apiKey,
            @NotNull @DefaultValue("10s") Duration timeout) {}

    /**
     * An OpenAI-compatible endpoint (OpenAI, Azure OpenAI, Ollama, vLLM ...).
     *
     * @param baseUrl e.g. {@code https://api.openai.com/v1} or {@code http://localhost:11434/v1}; blank: no LLM
     * @param apiKey from the environment ({@code GATEWAY_LLM_API_KEY}); never in a file
     * @param model model name
     * @param temperature sampling temperature
     * @param timeout per request; a timeout rolls the message back for a later redelivery
     */
    public record Llm(
            @DefaultValue("") String baseUrl,
            @DefaultValue("") String apiKey,
            @NotBlank @DefaultValue("gpt-4o-mini") String model,
            @DefaultValue("0.2") double temperature,
            @NotNull @DefaultValue("60s") Duration timeout) {}
}
