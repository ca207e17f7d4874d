package com.assistantgateway.bench;

import com.assistantgateway.orchestrator.knowledge.InProcessEmbeddingModel;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;

/** The embedding floor: query embeddings per second with the gateway's in-process model. */
final class EmbeddingFloor {

    private final int queries;
    private final int threads;

    EmbeddingFloor(Options options) {
        this.queries = options.number("queries", 2000);
        this.threads = options.number("threads", 2);
    }

    Result run() throws Exception {
        EmbeddingModel model = InProcessEmbeddingModel.allMiniLmL6V2Quantized(null);
        String[] questions = {
            "How long is the warranty on a brake caliper?",
            "What are your opening hours on Saturday?",
            "Can I return a part I don't need?",
            "How much does shipping to Germany cost?"
        };
        for (int i = 0; i < 100; i++) {
            model.embed(questions[i % questions.length]);
        }
        Histogram latency = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
        AtomicInteger left = new AtomicInteger(queries);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                int n;
                while ((n = left.getAndDecrement()) > 0) {
                    long began = System.nanoTime();
                    model.embed(questions[n % questions.length]);
                    synchronized (latency) {
                        latency.recordValue((System.nanoTime() - began) / 1000);
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(
                "floor: query embedding (all-MiniLM-L6-v2 q, in process)",
                threads + " threads",
                queries,
                seconds,
                latency);
    }
}
