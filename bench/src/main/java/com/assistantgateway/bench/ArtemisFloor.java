package com.assistantgateway.bench;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The broker floor: one persistent send and one transacted receive per message of the gateway's message size, on an
 * embedded Artemis with a persistent journal (as the embedded gateway uses), measured from send to receive.
 */
final class ArtemisFloor {

    private final int messages;
    private final int warmup;
    private final int size;

    ArtemisFloor(Options options) {
        this.messages = options.number("messages", 5000);
        this.warmup = options.number("warmup", 500);
        this.size = options.number("size", 1200);
    }

    Result run() throws Exception {
        Path dir = Files.createTempDirectory("artemis-floor");
        Configuration configuration = new ConfigurationImpl()
                .setPersistenceEnabled(true)
                .setJournalDirectory(dir.resolve("journal").toString())
                .setBindingsDirectory(dir.resolve("bindings").toString())
                .setLargeMessagesDirectory(dir.resolve("large").toString())
                .setPagingDirectory(dir.resolve("paging").toString())
                .setSecurityEnabled(false)
                .addAcceptorConfiguration("in-vm", "vm://0");
        EmbeddedActiveMQ broker =
                new EmbeddedActiveMQ().setConfiguration(configuration).start();
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("vm://0");
                Connection connection = factory.createConnection()) {
            connection.start();
            Session sending = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Session receiving = connection.createSession(true, Session.SESSION_TRANSACTED);
            Queue queue = sending.createQueue("bench.floor");
            MessageProducer producer = sending.createProducer(queue);
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            MessageConsumer consumer = receiving.createConsumer(queue);
            String body = "x".repeat(size);
            roundTrips(warmup, producer, sending, consumer, receiving, body, new Histogram(3));
            Histogram latency = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
            long start = System.nanoTime();
            roundTrips(messages, producer, sending, consumer, receiving, body, latency);
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Result(
                    "floor: Artemis persistent send + transacted receive",
                    size + " B, 1 hop, sequential",
                    messages,
                    seconds,
                    latency);
        } finally {
            broker.stop();
        }
    }

    private static void roundTrips(
            int count,
            MessageProducer producer,
            Session sending,
            MessageConsumer consumer,
            Session receiving,
            String body,
            Histogram latency)
            throws Exception {
        for (int i = 0; i < count; i++) {
            long sent = System.nanoTime();
            producer.send(sending.createTextMessage(body));
            Message received = consumer.receive(10_000);
            if (received == null) {
                throw new IllegalStateException("message " + i + " did not arrive");
            }
            receiving.commit();
            latency.recordValue((System.nanoTime() - sent) / 1000);
        }
    }
}
