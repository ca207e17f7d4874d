package com.assistantgateway.bench;

import com.assistantgateway.orchestrator.OrchestratorProperties;
import com.assistantgateway.orchestrator.knowledge.EmbeddedChunk;
import com.assistantgateway.orchestrator.knowledge.InProcessEmbeddingModel;
import com.assistantgateway.orchestrator.knowledge.KnowledgeBase;
import com.assistantgateway.orchestrator.knowledge.KnowledgeQuery;
import com.assistantgateway.orchestrator.knowledge.KnowledgeStore;
import com.assistantgateway.orchestrator.knowledge.Language;
import com.assistantgateway.orchestrator.knowledge.LanguageDetector;
import com.assistantgateway.orchestrator.knowledge.RetrievalMode;
import com.assistantgateway.orchestrator.knowledge.ScoredChunk;
import com.assistantgateway.orchestrator.knowledge.extract.DocumentExtractor;
import com.assistantgateway.orchestrator.knowledge.lucene.LuceneKnowledgeStore;
import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.KnowledgeIngestion;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.scoring.ScoringModel;
import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Retrieval quality and speed on any BEIR-format dataset ({@code corpus.jsonl}, {@code queries.jsonl},
 * {@code qrels/test.tsv}): the corpus goes into a fresh tenant through the gateway's ingestion path (extraction,
 * structure chunking, batched embedding, the embedded store), every judged query through its retrieval path in each
 * mode; chunk hits are folded into document rankings, scored with nDCG@10, Recall@10 and MRR@10. With
 * {@code --tenants N} the index is shared with N-1 neighbour tenants holding copies of the corpus, as one index is in
 * production, so the figures show what tenant filtering costs and that neighbours change no result. Documents are
 * ingested by {@code --ingest-threads} jobs at once (as the gateway's ingestion consumers run them), one source each,
 * and the same chunks are then embedded alone, in the same batches, to give the embedding floor of the same run. A
 * dataset without queries ({@code corpus.jsonl} only) measures ingestion alone.
 */
final class RetrievalBenchmark {

    private static final int K = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dataset;
    private final int maxQueries;
    private final int tenants;
    private final int rounds;
    private final int ingestThreads;
    private final int warmup;
    private final Language language;
    private final LanguageDetector detector = new LanguageDetector();

    RetrievalBenchmark(Options options) {
        this.dataset = Path.of(options.text("dataset", "bench/src/test/resources/beir/gateway-mini"));
        this.maxQueries = options.number("queries", Integer.MAX_VALUE);
        this.tenants = options.number("tenants", 1);
        this.rounds = options.number("rounds", 5);
        this.ingestThreads = options.number("ingest-threads", 16); // as gateway.routes.ingest-concurrency
        this.warmup = options.number("warmup", 300);
        // The dataset's language: what a question too short to show its own is taken to be.
        this.language = Language.of(options.text("language", "en"))
                .orElseThrow(() -> new IllegalArgumentException("--language: one of en, nl, de, sv, pt, es, fr"));
    }

    String run() throws Exception {
        Map<String, JsonNode> corpus = readJsonl(dataset.resolve("corpus.jsonl"));
        boolean judgedSet = Files.exists(dataset.resolve("queries.jsonl"));
        Map<String, JsonNode> queries = judgedSet ? readJsonl(dataset.resolve("queries.jsonl")) : Map.of();
        Map<String, Map<String, Integer>> qrels = judgedSet ? readQrels(dataset.resolve("qrels/test.tsv")) : Map.of();
        Path index = Files.createTempDirectory("beir-index");
        OrchestratorProperties properties =
                OrchestratorProperties.embedded(index, OrchestratorProperties.Retrieval.defaults(), null);
        LuceneKnowledgeStore lucene = new LuceneKnowledgeStore(properties);
        RecordingStore store = new RecordingStore(lucene);
        try {
            InProcessEmbeddingModel embeddings = InProcessEmbeddingModel.allMiniLmL6V2Quantized(null);
            KnowledgeBase knowledge =
                    new KnowledgeBase(store, embeddings, new DocumentExtractor(), (ScoringModel) null, properties);
            TenantId tenant =
                    new TenantId("beir-" + UUID.randomUUID().toString().substring(0, 8));
            AssistantId assistant = new AssistantId("beir");

            // Warm up first, as the embedding floor below runs warm: the JIT compiles the ingestion path (extraction,
            // chunking, Lucene) in its first few hundred documents.
            ingest(knowledge, new TenantId("warm-up"), assistant, firstOf(corpus, warmup));
            store.recorded.clear();
            long start = System.nanoTime();
            long cpuBefore = processCpuNanos();
            long chunks = ingest(knowledge, tenant, assistant, corpus);
            double ingestSeconds = (System.nanoTime() - start) / 1e9;
            double ingestCpu = (processCpuNanos() - cpuBefore) / 1e9;
            cpuBefore = processCpuNanos();
            double floorSeconds = embeddingFloor(embeddings, store.recorded, properties);
            double floorCpu = (processCpuNanos() - cpuBefore) / 1e9;
            double neighbourSeconds = fillNeighbours(lucene, assistant, store.recorded);

            List<String> judged = queries.keySet().stream()
                    .filter(qrels::containsKey)
                    .limit(maxQueries)
                    .toList();
            StringBuilder out = new StringBuilder();
            out.append(String.format(
                    "Dataset %s: %d documents, %d chunks, %d judged queries%n",
                    dataset.getFileName(), corpus.size(), chunks, judged.size()));
            out.append(String.format(
                    "Ingestion (%d jobs at once, after %d documents of warm-up): %.1f s, %.1f documents/s, %.1f"
                            + " chunks/s%n",
                    ingestThreads,
                    Math.min(warmup, corpus.size()),
                    ingestSeconds,
                    corpus.size() / ingestSeconds,
                    chunks / ingestSeconds));
            out.append(String.format(
                    "Embedding floor (the same %d chunks, the same batches, embedded alone): %.1f s, %.1f chunks/s;"
                            + " ingestion runs at %.0f%% of it (CPU: %.1f ms a chunk ingesting, %.1f embedding"
                            + " alone)%n%n",
                    store.recorded.size(),
                    floorSeconds,
                    store.recorded.size() / floorSeconds,
                    100.0 * floorSeconds / ingestSeconds,
                    1000 * ingestCpu / store.recorded.size(),
                    1000 * floorCpu / store.recorded.size()));
            if (!judgedSet) {
                return out.toString();
            }
            if (tenants > 1) {
                out.append(String.format(
                        "Index shared with %d neighbour tenants: %d chunks in all (copied in %.1f s)%n%n",
                        tenants - 1, chunks * tenants, neighbourSeconds));
            }
            out.append(String.format("Latency over %d rounds of the queries%n%n", rounds));
            out.append(
                    "| mode | nDCG@10 | Recall@10 | MRR@10 | p50 (ms) | p95 (ms) | p99 (ms) | nDCG@10 per detected language (queries) |\n");
            out.append("|---|---:|---:|---:|---:|---:|---:|---|\n");
            for (RetrievalMode mode : RetrievalMode.values()) {
                out.append(evaluate(knowledge, tenant, assistant, mode, judged, queries, qrels))
                        .append('\n');
            }
            return out.toString();
        } finally {
            lucene.close();
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static Map<String, JsonNode> firstOf(Map<String, JsonNode> corpus, int count) {
        Map<String, JsonNode> first = new LinkedHashMap<>();
        corpus.entrySet().stream().limit(count).forEach(doc -> first.put(doc.getKey(), doc.getValue()));
        return first;
    }

    /** Every document as a source of its own, {@link #ingestThreads} at once; returns the chunks stored. */
    private long ingest(KnowledgeBase knowledge, TenantId tenant, AssistantId assistant, Map<String, JsonNode> corpus)
            throws Exception {
        ExecutorService jobs = Executors.newFixedThreadPool(ingestThreads);
        try {
            List<Future<Integer>> stored = new ArrayList<>();
            for (Map.Entry<String, JsonNode> doc : corpus.entrySet()) {
                stored.add(jobs.submit(() -> {
                    String title = doc.getValue().path("title").asText("");
                    String text = (title.isBlank() ? "" : "# " + title + "\n\n")
                            + doc.getValue().path("text").asText("");
                    byte[] content = text.getBytes(StandardCharsets.UTF_8);
                    return knowledge.ingest(
                            tenant,
                            assistant,
                            doc.getKey(),
                            knowledge.mediaType(doc.getKey() + ".md", content),
                            content,
                            KnowledgeIngestion.Progress.NONE);
                }));
            }
            long chunks = 0;
            for (Future<Integer> one : stored) {
                chunks += one.get();
            }
            return chunks;
        } finally {
            jobs.shutdownNow();
        }
    }

    /** Seconds to embed the stored chunks again, as ingestion embeds them (same text, same batch size), and only that. */
    private static double embeddingFloor(
            InProcessEmbeddingModel embeddings, List<EmbeddedChunk> chunks, OrchestratorProperties properties) {
        List<TextSegment> texts = chunks.stream()
                .map(c -> TextSegment.from(c.chunk().label() + "\n" + c.chunk().text()))
                .toList();
        int batch = properties.retrieval().embeddingBatchSize();
        long start = System.nanoTime();
        for (int from = 0; from < texts.size(); from += batch) {
            embeddings.embedAll(texts.subList(from, Math.min(texts.size(), from + batch)));
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Copies the measured tenant's embedded chunks to the neighbour tenants, one source each; returns seconds. */
    private double fillNeighbours(KnowledgeStore store, AssistantId assistant, List<EmbeddedChunk> chunks) {
        long start = System.nanoTime();
        for (int n = 1; n < tenants; n++) {
            store.replaceSource(new TenantId("neighbour-" + n), assistant, "corpus", chunks);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** The store, keeping a copy of every chunk stored through it. */
    private static final class RecordingStore implements KnowledgeStore {
        private final KnowledgeStore store;
        private final List<EmbeddedChunk> recorded = Collections.synchronizedList(new ArrayList<>());

        RecordingStore(KnowledgeStore store) {
            this.store = store;
        }

        @Override
        public void replaceSource(
                TenantId tenantId, AssistantId assistantId, String source, List<EmbeddedChunk> chunks) {
            recorded.addAll(chunks);
            store.replaceSource(tenantId, assistantId, source, chunks);
        }

        @Override
        public List<ScoredChunk> search(TenantId tenantId, AssistantId assistantId, KnowledgeQuery query) {
            return store.search(tenantId, assistantId, query);
        }

        @Override
        public void deleteSource(TenantId tenantId, AssistantId assistantId, String source) {
            store.deleteSource(tenantId, assistantId, source);
        }

        @Override
        public long count(TenantId tenantId, AssistantId assistantId) {
            return store.count(tenantId, assistantId);
        }
    }

    private String evaluate(
            KnowledgeBase knowledge,
            TenantId tenant,
            AssistantId assistant,
            RetrievalMode mode,
            List<String> judged,
            Map<String, JsonNode> queries,
            Map<String, Map<String, Integer>> qrels) {
        for (int i = 0; i < Math.min(20, judged.size()); i++) { // warm-up
            knowledge.retrieve(
                    tenant, assistant, queries.get(judged.get(i)).path("text").asText(), mode, K * 3, language);
        }
        Histogram latency = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
        double ndcg = 0;
        double recall = 0;
        double mrr = 0;
        // nDCG@10 per language the questions are detected in: a multilingual set shows where retrieval is weak.
        Map<Language, double[]> perLanguage = new java.util.TreeMap<>();
        for (int round = 1; round < rounds; round++) { // more latency samples; the rankings do not change
            for (String id : judged) {
                String question = queries.get(id).path("text").asText();
                long start = System.nanoTime();
                knowledge.retrieve(tenant, assistant, question, mode, K * 3, language);
                latency.recordValue(Math.max(1, (System.nanoTime() - start) / 1000));
            }
        }
        for (String id : judged) {
            String question = queries.get(id).path("text").asText();
            long start = System.nanoTime();
            List<ScoredChunk> hits = knowledge.retrieve(tenant, assistant, question, mode, K * 3, language);
            latency.recordValue(Math.max(1, (System.nanoTime() - start) / 1000));
            List<String> ranking = documents(hits);
            Map<String, Integer> relevant = qrels.get(id);
            double one = Metrics.ndcg(ranking, relevant, K);
            ndcg += one;
            double[] sum = perLanguage.computeIfAbsent(detector.detect(question, language), l -> new double[2]);
            sum[0] += one;
            sum[1]++;
            recall += Metrics.recall(ranking, relevant, K);
            mrr += Metrics.mrr(ranking, relevant, K);
        }
        int n = judged.size();
        StringBuilder languages = new StringBuilder();
        perLanguage.forEach((l, sum) -> languages
                .append(languages.isEmpty() ? "" : ", ")
                .append(String.format("%s %.3f (%d)", l.code(), sum[0] / sum[1], (int) sum[1])));
        return String.format(
                "| %s | %.3f | %.3f | %.3f | %.2f | %.2f | %.2f | %s |",
                mode.name().toLowerCase(),
                ndcg / n,
                recall / n,
                mrr / n,
                latency.getValueAtPercentile(50) / 1000.0,
                latency.getValueAtPercentile(95) / 1000.0,
                latency.getValueAtPercentile(99) / 1000.0,
                languages);
    }

    /** Chunk hits folded into a document ranking: a document ranks where its best chunk does. */
    static List<String> documents(List<ScoredChunk> hits) {
        Set<String> ranking = new LinkedHashSet<>();
        for (ScoredChunk hit : hits) {
            ranking.add(hit.chunk().source());
        }
        return new ArrayList<>(ranking);
    }

    private static Map<String, JsonNode> readJsonl(Path file) throws IOException {
        Map<String, JsonNode> rows = new LinkedHashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    JsonNode row = JSON.readTree(line);
                    rows.put(row.path("_id").asText(), row);
                }
            }
        }
        return rows;
    }

    private static Map<String, Map<String, Integer>> readQrels(Path file) throws IOException {
        Map<String, Map<String, Integer>> qrels = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines) {
            String[] cells = line.split("\t");
            if (cells.length < 3 || cells[0].equals("query-id")) {
                continue;
            }
            int grade = Integer.parseInt(cells[2].strip());
            if (grade > 0) {
                qrels.computeIfAbsent(cells[0], q -> new LinkedHashMap<>()).put(cells[1], grade);
            }
        }
        return qrels;
    }
}
