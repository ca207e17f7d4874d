package com.assistantgateway.bench;

import org.HdrHistogram.Histogram;

/** One benchmark's figures, printed as a Markdown table row. */
record Result(String name, String setup, long count, double seconds, Histogram latencyMicros) {

    static String header() {
        return "| benchmark | setup | messages | throughput (msg/s) | p50 (ms) | p95 (ms) | p99 (ms) |\n"
                + "|---|---|---:|---:|---:|---:|---:|";
    }

    String row() {
        return String.format(
                "| %s | %s | %d | %.1f | %.2f | %.2f | %.2f |",
                name,
                setup,
                count,
                count / seconds,
                latencyMicros.getValueAtPercentile(50) / 1000.0,
                latencyMicros.getValueAtPercentile(95) / 1000.0,
                latencyMicros.getValueAtPercentile(99) / 1000.0);
    }
}
