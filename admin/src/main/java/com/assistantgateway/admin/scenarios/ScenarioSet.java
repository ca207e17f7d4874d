package com.assistantgateway.admin.scenarios;

import java.util.List;

/**
 * An assistant's scenarios.
 *
 * @param scenarios each a question or a short conversation with what must hold
 */
public record ScenarioSet(List<Scenario> scenarios) {

    public ScenarioSet {
        scenarios = scenarios == null ? List.of() : List.copyOf(scenarios);
    }

    /**
     * One scenario.
     *
     * @param name what it checks, in a few words
     * @param turns the customer's messages, in order; the last one's answer is checked
     * @param locale the customer's locale as a channel would report it; null for none
     * @param expect what must hold
     */
    public record Scenario(String name, List<String> turns, String locale, Expectation expect) {

        public Scenario {
            turns = turns == null ? List.of() : List.copyOf(turns);
            expect = expect == null ? new Expectation(null, null, null, null, null, null, null) : expect;
        }
    }

    /**
     * What must hold of the last answer; every field is optional.
     *
     * @param outcome acceptable outcomes ({@code answered}, {@code dont-know}, {@code refused}, {@code handed-over})
     * @param cites the source the answer must cite
     * @param contains words the answer must contain (case-insensitive)
     * @param notContains words it must not contain
     * @param language the language the answer must be in (ISO code)
     * @param handover the handover reason it must give ({@code customer-asked}, ...)
     * @param neverSent personal data that must never reach the assistant (the LLM) in any turn
     */
    public record Expectation(
            List<String> outcome,
            String cites,
            List<String> contains,
            List<String> notContains,
            String language,
            String handover,
            List<String> neverSent) {

        public Expectation {
            outcome = outcome == null ? List.of() : List.copyOf(outcome);
            contains = contains == null ? List.of() : List.copyOf(contains);
            notContains = notContains == null ? List.of() : List.copyOf(notContains);
            neverSent = neverSent == null ? List.of() : List.copyOf(neverSent);
        }

        boolean expectsAnswer() {
            return outcome.equals(List.of("answered"));
        }

        boolean expectsHandover() {
            return outcome.equals(List.of("handed-over"));
        }
    }
}
