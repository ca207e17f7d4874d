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
                        new Exchange("webhook", "ANSWERED", T, T.plusMillis(200), 0.93),
                        new Exchange("webhook", "ANSWERED", T, T.plusMillis(900), 0.41),
                        new Exchange("email", "AWAITING_AGENT", T, null, null),
                        new Exchange("email", "FAILED", T.plusSeconds(86_400), null, null)));

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
    void anOverviewThatReadAsManyMessagesAsItMaySaysItIsPartial() {
        List<Exchange> newest =
                Collections.nCopies(Reports.MAX_EXCHANGES, new Exchange("sms", "ANSWERED", T, T.plusMillis(50), 0.8));

        assertThat(Reports.aggregate(30, newest).partial()).isTrue();
    }
}
