package com.assistantgateway.routes.backbone;

import com.assistantgateway.routes.message.MessageId;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.MessageLedger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Confirms enqueues off the request path, many to a statement. The request thread hands the message over and answers
 * at once; once a second, one writer marks every message handed over since, one statement and one commit per tenant,
 * so a second's confirmations share the commit each of them used to pay alone, and messages answered within the
 * second (most) are not written at all. Only the recovery sweep reads the confirmation, for messages older than {@code
 * gateway.routes.recovery.age}: a confirmation that never gets written (a crash, the database away) only means the
 * sweep enqueues the message again, and {@link AnswerStep} drops that copy if the original was answered.
 */
@Component
public class EnqueueConfirmations implements SmartLifecycle {

    /** Messages a statement confirms at most. */
    static final int BATCH = 1000;

    /** How long confirmations gather before they are written. */
    static final Duration INTERVAL = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(EnqueueConfirmations.class);
    /** Put behind the last confirmation when stopping; compared by identity. */
    private static final Confirmation STOP = new Confirmation(null, null);

    private final MessageLedger ledger;
    private final BlockingQueue<Confirmation> waiting = new LinkedBlockingQueue<>(20 * BATCH);
    private volatile Thread writer;

    public EnqueueConfirmations(MessageLedger ledger) {
        this.ledger = ledger;
    }

    /** Records, soon, that the message's send committed; writes it at once only when the writer is far behind. */
    public void confirm(TenantId tenantId, MessageId messageId) {
        Confirmation confirmation = new Confirmation(tenantId, messageId);
        if (writer == null || !waiting.offer(confirmation)) {
            write(List.of(confirmation));
        }
    }

    @Override
    public void start() {
        Thread thread = new Thread(this::writeUntilStopped, "enqueue-confirmations");
        thread.setDaemon(true);
        writer = thread;
        thread.start();
    }

    @Override
    public void stop() {
        Thread thread = writer;
        writer = null;
        if (thread == null) {
            return;
        }
        try {
            waiting.put(STOP);
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return writer != null;
    }

    /** Stops after the routes (which stop earlier, at a higher phase) have handed over their last confirmations. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }

    private void writeUntilStopped() {
        List<Confirmation> batch = new ArrayList<>();
        boolean stopping = false;
        while (!stopping) {
            try {
                Confirmation first = waiting.take();
                if (first != STOP) {
                    batch.add(first);
                    Thread.sleep(INTERVAL.toMillis());
                } else {
                    stopping = true;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            waiting.drainTo(batch);
            stopping |= batch.removeIf(confirmation -> confirmation == STOP);
            for (int from = 0; from < batch.size(); from += BATCH) {
                write(batch.subList(from, Math.min(batch.size(), from + BATCH)));
            }
            batch.clear();
        }
    }

    private void write(List<Confirmation> batch) {
        Map<TenantId, List<MessageId>> byTenant = new LinkedHashMap<>();
        for (Confirmation confirmation : batch) {
            byTenant.computeIfAbsent(confirmation.tenantId(), t -> new ArrayList<>())
                    .add(confirmation.messageId());
        }
        byTenant.forEach((tenant, ids) -> {
            try {
                ledger.markQueued(tenant, ids);
            } catch (RuntimeException e) {
                log.warn(
                        "could not confirm the enqueue of {} messages of {}; the recovery sweep will",
                        ids.size(),
                        tenant,
                        e);
            }
        });
    }

    private record Confirmation(TenantId tenantId, MessageId messageId) {}
}
