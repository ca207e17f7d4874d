package com.assistantgateway.routes.backbone;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.retry.support.RetryTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Database transactions that run again when the database chose them as a deadlock victim. InnoDB resolves a
 * deadlock by rolling one transaction back and expects the application to retry it; doing so here means a customer's
 * message is never refused, nor an answer redelivered, for another message's lock. Work that joined a caller's
 * transaction is not retried: only the outermost transaction can start over.
 */
@Component
public class RetriedTransactions {

    static final int ATTEMPTS = 4;

    private final TransactionTemplate transactions;
    private final RetryTemplate retry;

    @Autowired
    public RetriedTransactions(PlatformTransactionManager transactionManager) {
        this(transactionManager, Duration.ofMillis(20));
    }

    RetriedTransactions(PlatformTransactionManager transactionManager, Duration backOff) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.retry = RetryTemplate.builder()
                .maxAttempts(ATTEMPTS)
                .retryOn(PessimisticLockingFailureException.class)
                .traversingCauses()
                .uniformRandomBackoff(backOff.toMillis(), backOff.toMillis() * 5)
                .build();
    }

    /** Runs the work in a transaction (or the caller's), committed once; a deadlock victim starts over. */
    public <T> T write(Supplier<T> work) {
        AtomicBoolean joined = new AtomicBoolean();
        return retry.execute(attempt -> {
            try {
                return transactions.execute(status -> {
                    joined.set(!status.isNewTransaction());
                    return work.get();
                });
            } catch (RuntimeException failed) {
                if (joined.get()) {
                    attempt.setExhaustedOnly();
                }
                throw failed;
            }
        });
    }

    public void write(Runnable work) {
        write(() -> {
            work.run();
            return null;
        });
    }
}
