package com.assistantgateway.orchestrator.policy;

import com.assistantgateway.orchestrator.handover.HandoverRules;
import com.assistantgateway.routes.port.AnswerPolicy;
import com.assistantgateway.routes.port.PolicyTrials;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The steps the answer path takes, run on a sample for an admin to see (nothing is sent, stored or audited). */
@Component
public class PolicyTrialRunner implements PolicyTrials {

    private final PersonalData personalData;
    private final TopicRules topics;
    private final HandoverRules handover;

    public PolicyTrialRunner(PersonalData personalData, TopicRules topics, HandoverRules handover) {
        this.personalData = personalData;
        this.topics = topics;
        this.handover = handover;
    }

    @Override
    public Trial trial(AnswerPolicy policy, String sample) {
        Placeholders placeholders = new Placeholders();
        String redacted;
        try {
            redacted = personalData.redact(sample, policy, placeholders);
        } catch (NameDetector.Unavailable e) {
            return new Trial("", "", "hand over: " + e.getMessage(), List.of(), "");
        }
        String before;
        Optional<String> refused = topics.matching(redacted, policy.refusedTopics());
        if (handover.asksForPerson(sample)) {
            before = "hand over: the customer asks for a person";
        } else if (refused.isPresent()) {
            before = (policy.handOverRefused() ? "hand over" : "refuse") + ": refused topic '" + refused.get() + "'";
        } else if (!policy.allowedTopics().isEmpty()
                && topics.matching(redacted, policy.allowedTopics()).isEmpty()) {
            before = (policy.handOverRefused() ? "hand over" : "refuse") + ": not about an allowed topic";
        } else {
            before = "answer";
        }
        AnswerRules.Verdict verdict = AnswerRules.check(sample, policy, Locale.ENGLISH);
        List<String> asAnswer = new ArrayList<>(verdict.broken());
        if (!verdict.compliant()) {
            asAnswer.add("hand over: no compliant answer is left after one rewrite");
        }
        String rewritten = verdict.text()
                + (policy.disclaimer().isEmpty() || !verdict.compliant() ? "" : "\n\n" + policy.disclaimer());
        return new Trial(redacted, placeholders.summary(), before, asAnswer, rewritten);
    }
}
