package com.assistantgateway.orchestrator.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.assistantgateway.routes.port.AnswerPolicy;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class AnswerRulesTest {

    @Test
    void aBannedPhraseIsRewrittenOnceByDroppingItsSentence() {
        AnswerRules.Verdict verdict = AnswerRules.check(
                "Brake calipers carry 2 years. We guarantee you will never need another. Keep the receipt.",
                policy(0, List.of("guarantee you")),
                Locale.ENGLISH);

        assertThat(verdict.compliant()).isTrue();
        assertThat(verdict.broken()).containsExactly("tone");
        assertThat(verdict.text()).isEqualTo("Brake calipers carry 2 years. Keep the receipt.");
    }

    @Test
    void aLongAnswerIsCutAtASentenceEndAndAnAnswerOfOnlyBannedWordsIsNotCompliant() {
        AnswerRules.Verdict cut = AnswerRules.check(
                "First sentence here. Second sentence is longer. Third.", policy(40, List.of()), Locale.ENGLISH);
        AnswerRules.Verdict nothingLeft =
                AnswerRules.check("Trust me, it is fine.", policy(0, List.of("trust me")), Locale.ENGLISH);

        assertThat(cut.text()).isEqualTo("First sentence here.");
        assertThat(cut.broken()).containsExactly("length");
        assertThat(nothingLeft.compliant()).isFalse();
    }

    private static AnswerPolicy policy(int maxChars, List<String> banned) {
        return new AnswerPolicy(
                3, true, true, true, true, true, "", List.of(), List.of(), List.of(), false, maxChars, banned, "");
    }
}
