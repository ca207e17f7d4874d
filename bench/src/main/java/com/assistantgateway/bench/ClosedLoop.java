package com.assistantgateway.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;

/** Closed-loop senders: each sends its next message once its previous one is answered. */
final class ClosedLoop {

    private ClosedLoop() {}

    /** Runs {@code count} exchanges on {@code concurrency} senders, recording each one's latency in microseconds. */
    static void drive(int count, int concurrency, Histogram latency, Callable<Long> exchange) throws Exception {
        AtomicInteger left = new AtomicInteger(count);
        ExecutorService senders = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<Object>> running = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                running.add(senders.submit(() -> {
                    while (left.getAndDecrement() > 0) {
                        long took = exchange.call();
                        synchronized (latency) {
                            latency.recordValue(took);
                        }
                    }
                    return null;
                }));
            }
            for (Future<Object> sender : running) {
                sender.get(30, TimeUnit.MINUTES);
            }
        } finally {
            senders.shutdownNow();
        }
    }
}
