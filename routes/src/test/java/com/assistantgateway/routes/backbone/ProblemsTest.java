package com.assistantgateway.routes.backbone;

import static org.assertj.core.api.Assertions.assertThat;

import com.assistantgateway.routes.port.ChannelRequestException;
import jakarta.jms.JMSException;
import org.apache.camel.CamelExecutionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jms.UncategorizedJmsException;

class ProblemsTest {

    private final Problems problems = new Problems();

    @Test
    void aBrokerOutOfReachIsServiceUnavailableWithNothingStored() {
        Exception failure = new CamelExecutionException(
                "send failed",
                null,
                new UncategorizedJmsException(new JMSException("AMQ219010: Connection is destroyed")));

        assertThat(problems.status(failure)).isEqualTo(503);
        assertThat(problems.unavailable(failure)).isTrue();
        assertThat(problems.body(failure)).contains("\"title\":\"unavailable\"").contains("nothing was stored");
    }

    @Test
    void aDatabaseOutOfReachOrStillLockedAfterRetriesIsServiceUnavailable() {
        assertThat(problems.status(new DataAccessResourceFailureException("Failed to obtain JDBC Connection")))
                .isEqualTo(503);
        assertThat(problems.status(new CannotAcquireLockException("lock wait timeout")))
                .isEqualTo(503);
    }

    @Test
    void aRefusalKeepsItsOwnStatusAndAnythingElseIsAnInternalError() {
        assertThat(problems.status(ChannelRequestException.badRequest("no text")))
                .isEqualTo(400);
        assertThat(problems.unavailable(ChannelRequestException.badRequest("no text")))
                .isFalse();
        assertThat(problems.status(new IllegalStateException("bug"))).isEqualTo(500);
        assertThat(problems.body(new IllegalStateException("bug")))
                .contains("internal-error")
                .doesNotContain("bug");
    }
}
