package com.assistantgateway.routes.backbone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DeadlockLoserDataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.SimpleTransactionStatus;

class RetriedTransactionsTest {

    private final PlatformTransactionManager manager = mock(PlatformTransactionManager.class);
    private final RetriedTransactions transactions = new RetriedTransactions(manager, Duration.ofMillis(1));
    private final AtomicInteger attempts = new AtomicInteger();

    private static DeadlockLoserDataAccessException deadlock() {
        return new DeadlockLoserDataAccessException("Deadlock found when trying to get lock", null);
    }

    @Test
    void aDeadlockVictimRunsAgainInAFreshTransactionUntilItCommits() {
        when(manager.getTransaction(any())).thenAnswer(call -> new SimpleTransactionStatus(true));

        String result = transactions.write(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw deadlock();
            }
            return "stored";
        });

        assertThat(result).isEqualTo("stored");
        assertThat(attempts).hasValue(3);
        verify(manager, times(2)).rollback(any());
        verify(manager, times(1)).commit(any());
    }

    @Test
    void aTransactionThatKeepsLosingFailsAfterItsAttemptsWithTheDatabasesReason() {
        when(manager.getTransaction(any())).thenAnswer(call -> new SimpleTransactionStatus(true));

        assertThatThrownBy(() -> transactions.write(() -> {
                    attempts.incrementAndGet();
                    throw deadlock();
                }))
                .isInstanceOf(DeadlockLoserDataAccessException.class);
        assertThat(attempts).hasValue(RetriedTransactions.ATTEMPTS);
    }

    @Test
    void workThatJoinedTheCallersTransactionIsLeftToTheCallerToRetry() {
        when(manager.getTransaction(any())).thenAnswer(call -> new SimpleTransactionStatus(false));

        assertThatThrownBy(() -> transactions.write(() -> {
                    attempts.incrementAndGet();
                    throw deadlock();
                }))
                .isInstanceOf(DeadlockLoserDataAccessException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void otherFailuresAreNotRetried() {
        when(manager.getTransaction(any())).thenAnswer(call -> new SimpleTransactionStatus(true));

        assertThatThrownBy(() -> transactions.write(() -> {
                    attempts.incrementAndGet();
                    throw new DataIntegrityViolationException("duplicate reply");
                }))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(attempts).hasValue(1);
    }
}
