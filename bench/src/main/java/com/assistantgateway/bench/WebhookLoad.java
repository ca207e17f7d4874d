package com.assistantgateway.bench;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Drives the webhook channel of a running gateway with {@code concurrency} closed-loop senders and measures each
 * message from the POST until its signed callback arrives (accept to answered). The binding's callback URL must point
 * at {@code --callback-port} on this machine.
 */
final class WebhookLoad {

    private final WebhookSender sender;
    private final String binding;
    private final String text;
    private final int messages;
    private final int warmup;
    private final int concurrency;
    private final int callbackPort;
    private Callbacks callbacks;

    WebhookLoad(Options options) {
        this.binding = options.text("binding", "demo");
        this.sender = new WebhookSender(
                options.text("url", "http://127.0.0.1:8080"), binding, options.text("token", "demo-token"));
        this.text = options.text("text", "How long is the warranty on a brake caliper?");
        this.messages = options.number("messages", 500);
        this.warmup = options.number("warmup", 50);
        this.concurrency = options.number("concurrency", 8);
        this.callbackPort = options.number("callback-port", 9099);
    }

    Result run() throws Exception {
        try (Callbacks callbacks = new Callbacks(callbackPort, 4)) {
            this.callbacks = callbacks;
            ClosedLoop.drive(warmup, concurrency, new Histogram(3), this::sendAndAwaitAnswer);
            Histogram latency = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
            long start = System.nanoTime();
            ClosedLoop.drive(messages, concurrency, latency, this::sendAndAwaitAnswer);
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Result("webhook → " + binding, "concurrency " + concurrency, messages, seconds, latency);
        }
    }

    /** Microseconds from sending the POST until the answer's callback arrived. */
    private long sendAndAwaitAnswer() throws Exception {
        long sent = System.nanoTime();
        String messageId = sender.send("bench", text);
        if (messageId.equals(WebhookSender.REFUSED)) {
            throw new IllegalStateException("the gateway refused a message as over a limit (429)");
        }
        return (callbacks.arrivalOf(messageId) - sent) / 1000;
    }
}
