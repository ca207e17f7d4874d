package com.assistantgateway.admin.scenarios;

import java.time.Instant;
import java.util.List;

/**
 * A run of an assistant's scenarios.
 *
 * @param id the run's id
 * @param assistantId whose scenarios
 * @param startedAt when it started
 * @param results one per scenario, in order
 * @param totals the measures over all of them
 */
public record ScenarioReport(String id, String assistantId, Instant startedAt, List<Result> results, Totals totals) {

    /**
     * One scenario's result.
     *
     * @param failures what did not hold; empty when it passed
     */
    public record Result(
            String name,
            boolean passed,
            List<String> failures,
            String outcome,
            double confidence,
            String language,
            String handover,
            List<String> cited,
            String answer,
            long millis) {}

    /**
     * @param passed scenarios where everything held
     * @param answerCorrectness of the scenarios that expect an answer: the share answered from the right source with
     *     the right words
     * @param citationPrecision of the sources cited where a source was expected: the share that were the right one
     * @param escalationAccuracy of all scenarios: the share where the assistant handed over exactly when it should
     * @param policyViolations personal data that reached the assistant, and forbidden words in answers
     * @param p50Millis median time per scenario
     * @param p95Millis 95th percentile
     * @param suggestedThreshold a confidence threshold between the least confident expected answer and the most
     *     confident expected "I don't know"; NaN when the scenarios do not separate them
     */
    public record Totals(
            int passed,
            int total,
            double answerCorrectness,
            double citationPrecision,
            double escalationAccuracy,
            int policyViolations,
            long p50Millis,
            long p95Millis,
            double suggestedThreshold) {}
}
