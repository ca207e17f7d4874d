package com.assistantgateway.admin.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportsTest {

    private static final Instant T = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void figuresCountStatusesBucketConfidenceAndTakeLatencyPercentilesPerChannel() {
        Overview overview = Reports.aggregate(
                7,
                List.of(
                        new Exchange("webhook", "ANSWERED", T, T.plusMillis(200), 0.93, null, null, null),
                        new Exchange("webhook", "ANSWERED", T, T.plusMillis(900), 0.41, null, null, null),
                        new Exchange("email", "AWAITING_AGENT", T, null, null, null, null, null),
                        new Exchange("email", "FAILED", T.plusSeconds(86_400), null, null, null, null, null)));

        assertThat(overview.received()).isEqualTo(4);
        assertThat(overview.answered()).isEqualTo(2);
        assertThat(overview.awaitingAgent()).isEqualTo(1);
        assertThat(overview.failed()).isEqualTo(1);
        assertThat(overview.answerRate()).isEqualTo(0.5);
        assertThat(overview.confidence().get(9)).isEqualTo(1);
        assertThat(overview.confidence().get(4)).isEqualTo(1);
        assertThat(overview.channels())
                .containsExactly(
                        new Overview.ChannelFigures("email", 2, 0, null, null),
                        new Overview.ChannelFigures("webhook", 2, 2, 200L, 900L));
        assertThat(overview.daily()).containsEntry("2026-11-24", 3L).containsEntry("2026-11-25", 1L);
        assertThat(overview.partial()).isFalse();
    }

    @Test
    void iDontKnowHandoversAndReindexedPagesAreNotCountedAsAnswers() {
        Overview overview = Reports.aggregate(
                7,
                List.of(
                        new Exchange("webhook", "ANSWERED", T, T.plusMillis(100), 0.82, "answered", "en", null),
                        new Exchange("webhook", "ANSWERED", T, T.plusMillis(100), 0.76, "answered", "nl", null),
                        new Exchange("webhook", "ANSWERED", T, T.plusMillis(100), 0.12, "dont-know", "nl", null),
                        new Exchange(
                                "email", "ANSWERED", T, T.plusMillis(100), 0.0, "handed-over", "de", "customer-asked"),
                        new Exchange(
                                "email", "ANSWERED", T, T.plusMillis(100), 0.0, "handed-over", "en", "attachment-only"),
                        new Exchange("webchat", "ANSWERED", T, T.plusMillis(100), 0.0, "refused", "en", null),
                        new Exchange("scrape", "ANSWERED", T, T.plusMillis(100), 1.0, "acknowledged", null, null)));

        assertThat(overview.answered()).isEqualTo(2);
        assertThat(overview.dontKnow()).isEqualTo(1);
        assertThat(overview.refused()).isEqualTo(1);
        assertThat(overview.handedOver()).containsEntry("customer-asked", 1L).containsEntry("attachment-only", 1L);
        assertThat(overview.acknowledged()).isEqualTo(1);
        // Two answers of six customer messages; the re-indexed page is no customer's.
        assertThat(overview.answerRate()).isEqualTo(2 / 6.0);
        assertThat(overview.confidence().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(3);
        assertThat(overview.confidence().get(1)).isEqualTo(1);
        assertThat(overview.languages().get("nl")).containsEntry("answered", 1L).containsEntry("dont-know", 1L);
        assertThat(overview.languages().get("de")).containsEntry("handed-over", 1L);
    }

    @Test
    void anOverviewThatReadAsManyMessagesAsItMaySaysItIsPartial() {
        List<Exchange> newest = Collections.nCopies(
                Reports.MAX_EXCHANGES,
                new Exchange("sms", "ANSWERED", T, T.plusMillis(50), 0.8, "answered", "en", null));

        assertThat(Reports.aggregate(30, newest).partial()).isTrue();
    }
}
