package com.assistantgateway.adapters.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SmsSegmentsTest {

    @Test
    void gsm7TextOf160CharactersIsOneSegmentAnd161AreTwo() {
        assertThat(SmsSegments.segments("a".repeat(160))).isEqualTo(1);
        assertThat(SmsSegments.segments("a".repeat(161))).isEqualTo(2);
        assertThat(SmsSegments.segments("a".repeat(306))).isEqualTo(2);
    }

    @Test
    void oneEmojiMakesTheTextUcs2With70CharactersPerSegment() {
        String text = "Thanks 🙂 " + "a".repeat(60);
        assertThat(SmsSegments.isGsm7(text)).isFalse();
        assertThat(SmsSegments.segments(text)).isEqualTo(1);
        assertThat(SmsSegments.segments(text + "a".repeat(10))).isEqualTo(2);
    }

    @Test
    void extensionCharactersCountTwice() {
        assertThat(SmsSegments.segments("€".repeat(80))).isEqualTo(1);
        assertThat(SmsSegments.segments("€".repeat(81))).isEqualTo(2);
    }

    @Test
    void longRepliesAreSplitAtSentencesWithinTheLimit() {
        String sentence = "Brake parts have a two year warranty. ";
        String reply = sentence.repeat(60);

        List<String> parts = SmsSegments.split(reply);

        assertThat(parts).hasSizeGreaterThan(1).allSatisfy(part -> {
            assertThat(part.length()).isLessThanOrEqualTo(1530);
            assertThat(part).endsWith(".");
        });
        assertThat(String.join(" ", parts)).isEqualTo(reply.strip());
    }

    @Test
    void ucs2RepliesAreCutShorterSoNoMessageExceedsTenSegments() {
        String reply = "Запчасти для тормозов имеют гарантию два года. ".repeat(40);

        assertThat(SmsSegments.split(reply))
                .allSatisfy(part -> assertThat(SmsSegments.segments(part)).isLessThanOrEqualTo(10));
    }

    @Test
    void keywordsAreRecognizedWholeAndCaseInsensitive() {
        assertThat(OptOutKeywords.of(" stop ")).contains(OptOutKeywords.OPT_OUT);
        assertThat(OptOutKeywords.of("Unsubscribe.")).contains(OptOutKeywords.OPT_OUT);
        assertThat(OptOutKeywords.of("START")).contains(OptOutKeywords.OPT_IN);
        assertThat(OptOutKeywords.of("help")).contains(OptOutKeywords.HELP);
        assertThat(OptOutKeywords.of("please stop sending the wrong part")).isEmpty();
    }
}
