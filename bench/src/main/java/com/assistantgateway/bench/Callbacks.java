package com.assistantgateway.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** The receiver the gateway's signed callbacks reach: when each message's answer arrived, by message id. */
final class Callbacks implements AutoCloseable {

    private final Map<String, CompletableFuture<Long>> pending = new ConcurrentHashMap<>();
    private final Map<String, Long> early = new ConcurrentHashMap<>();
    private final HttpServer server;
    private final ExecutorService threads;

    Callbacks(int port, int threadCount) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
        threads = Executors.newFixedThreadPool(threadCount);
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            long arrived = System.nanoTime();
            String messageId =
                    WebhookSender.topLevelText(exchange.getRequestBody().readAllBytes(), "messageId");
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            CompletableFuture<Long> waiting = pending.remove(messageId);
            if (waiting != null) {
                waiting.complete(arrived);
            } else {
                early.put(messageId, arrived);
            }
        });
        server.start();
    }

    /** {@link System#nanoTime()} when the callback for this message arrived; waits up to two minutes for it. */
    long arrivalOf(String messageId) throws Exception {
        CompletableFuture<Long> answered = new CompletableFuture<>();
        pending.put(messageId, answered);
        Long alreadyThere = early.remove(messageId);
        if (alreadyThere != null) {
            pending.remove(messageId);
            answered.complete(alreadyThere);
        }
        return answered.get(2, TimeUnit.MINUTES);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
