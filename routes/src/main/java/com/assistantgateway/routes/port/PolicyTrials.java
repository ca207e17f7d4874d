package com.assistantgateway.routes.port;

import java.util.List;

/** Runs an answer policy on a sample text, without answering: what the console's "Test" button shows. */
public interface PolicyTrials {

    Trial trial(AnswerPolicy policy, String sample);

    /**
     * What the policy did to the sample.
     *
     * @param redacted the sample as the assistant would see it
     * @param found what personal data was replaced ({@code email x1}); empty for none
     * @param beforeAnswer as a question: {@code answer}, {@code refuse: <why>}, {@code hand over: <why>}
     * @param asAnswer as an answer: the rules it breaks, and the text it would be rewritten to
     * @param rewritten the sample after the answer rules (and the disclaimer)
     */
    record Trial(String redacted, String found, String beforeAnswer, List<String> asAnswer, String rewritten) {}
}
