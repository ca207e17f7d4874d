package com.assistantgateway.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RetrievalBenchmarkTest {

    @Test
    void optionsComeInPairs() {
        assertThatThrownBy(() -> Options.parse(new String[] {"bench/src/test/resources/beir/gateway-mini"}))
                .hasMessageContaining("--name value");
    }

    @Test
    void metricsFollowTheirDefinitions() {
        Map<String, Integer> relevant = Map.of("a", 2, "b", 1);

        assertThat(Metrics.ndcg(List.of("a", "b"), relevant, 10)).isEqualTo(1.0);
        assertThat(Metrics.ndcg(List.of("x", "a"), relevant, 10))
                .isCloseTo(
                        (2 / (Math.log(3) / Math.log(2))) / (2 + 1 / (Math.log(3) / Math.log(2))),
                        org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Metrics.recall(List.of("x", "a"), relevant, 10)).isEqualTo(0.5);
        assertThat(Metrics.mrr(List.of("x", "y", "b"), relevant, 10)).isEqualTo(1.0 / 3);
        assertThat(Metrics.mrr(List.of("x"), relevant, 10)).isZero();
    }

    @Test
    void questionsInEachOfOurTenantsLanguagesFindThePageInTheirOwnLanguage() throws Exception {
        String report = new RetrievalBenchmark(Options.parse(
                        new String[] {"--dataset", "src/test/resources/beir/gateway-multilingual", "--rounds", "1"}))
                .run();

        assertThat(report).contains("42 documents", "35 judged queries");
        // Each question is counted under the language it is detected in: five per language, seven languages.
        for (String language : List.of("en", "nl", "de", "sv", "pt", "es", "fr")) {
            Matcher perLanguage =
                    Pattern.compile("\\b" + language + " ([0-9.]+) \\(5\\)").matcher(report);
            assertThat(perLanguage.find()).as(language).isTrue();
            assertThat(Double.parseDouble(perLanguage.group(1)))
                    .as(language + " nDCG@10")
                    .isGreaterThan(0.8);
        }
        for (String mode : List.of("dense", "bm25", "hybrid")) {
            Matcher row = Pattern.compile("\\| " + mode + " \\| ([0-9.]+) \\| ([0-9.]+) \\|")
                    .matcher(report);
            assertThat(row.find()).as(mode).isTrue();
            assertThat(Double.parseDouble(row.group(1))).as(mode + " nDCG@10").isGreaterThan(0.9);
            assertThat(Double.parseDouble(row.group(2))).as(mode + " Recall@10").isEqualTo(1.0);
        }
    }

    @Test
    void benchmarkOnTheMiniDatasetAmongNeighbourTenantsPrintsAllThreeModesWithSensibleScores() throws Exception {
        String report = new RetrievalBenchmark(Options.parse(
                        new String[] {"--dataset", "src/test/resources/beir/gateway-mini", "--tenants", "3"}))
                .run();

        assertThat(report)
                .contains("28 documents", "16 judged queries", "documents/s")
                .contains("Index shared with 2 neighbour tenants: 84 chunks in all");
        for (String mode : List.of("dense", "bm25", "hybrid")) {
            Matcher row = Pattern.compile("\\| " + mode + " \\| ([0-9.]+) \\| ([0-9.]+) \\| ([0-9.]+) \\|")
                    .matcher(report);
            assertThat(row.find()).as(mode).isTrue();
            assertThat(Double.parseDouble(row.group(1))).as(mode + " nDCG@10").isBetween(0.5, 1.0);
            assertThat(Double.parseDouble(row.group(2))).as(mode + " Recall@10").isBetween(0.6, 1.0);
        }
    }
}
