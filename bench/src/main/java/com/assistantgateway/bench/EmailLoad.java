package com.assistantgateway.bench;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The email channel end to end: a real mail server (GreenMail, SMTP and IMAP) that the gateway's demo mailbox polls;
 * closed-loop customers send a question and wait until the answer (In-Reply-To their Message-ID) reaches the server.
 */
final class EmailLoad {

    private final int smtpPort;
    private final int imapPort;
    private final String mailbox;
    private final String text;
    private final int messages;
    private final int warmup;
    private final int concurrency;
    private final int pollMillis;
    private final Map<String, CompletableFuture<Long>> pending = new ConcurrentHashMap<>();

    EmailLoad(Options options) {
        this.smtpPort = options.number("smtp-port", 3025);
        this.imapPort = options.number("imap-port", 3143);
        this.mailbox = options.text("mailbox", "support@bench.local");
        this.text = options.text("text", "How long is the warranty on a brake caliper?");
        this.messages = options.number("messages", 200);
        this.warmup = options.number("warmup", 20);
        this.concurrency = options.number("concurrency", 8);
        this.pollMillis = options.number("poll-millis", 100);
    }

    Result run() throws Exception {
        GreenMail server = new GreenMail(new ServerSetup[] {
                    new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                    new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)
                })
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        server.start();
        ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor();
        int[] seen = {0};
        watcher.scheduleWithFixedDelay(() -> collectAnswers(server, seen), 5, 5, TimeUnit.MILLISECONDS);
        try {
            ClosedLoop.drive(warmup, concurrency, new Histogram(3), () -> sendAndAwaitAnswer(smtpSession()));
            Histogram latency = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
            long start = System.nanoTime();
            ClosedLoop.drive(messages, concurrency, latency, () -> sendAndAwaitAnswer(smtpSession()));
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Result(
                    "email → demo (support, RAG + extractive)",
                    "concurrency " + concurrency + ", IMAP poll " + pollMillis + " ms",
                    messages,
                    seconds,
                    latency);
        } finally {
            watcher.shutdownNow();
            server.stop();
        }
    }

    private void collectAnswers(GreenMail server, int[] seen) {
        MimeMessage[] received = server.getReceivedMessages();
        long arrived = System.nanoTime();
        for (int i = seen[0]; i < received.length; i++) {
            try {
                String inReplyTo = received[i].getHeader("In-Reply-To", null);
                CompletableFuture<Long> waiting = inReplyTo == null ? null : pending.remove(inReplyTo);
                if (waiting != null) {
                    waiting.complete(arrived);
                }
            } catch (MessagingException unreadable) {
                // not an answer
            }
        }
        seen[0] = received.length;
    }

    private Session smtpSession() {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", Integer.toString(smtpPort));
        return Session.getInstance(properties);
    }

    /** Microseconds from handing the question to the mail server until the answer reached it. */
    private long sendAndAwaitAnswer(Session session) throws Exception {
        String messageId = "<" + UUID.randomUUID() + "@customer.bench.local>";
        MimeMessage question = new MimeMessage(session);
        question.setFrom(new InternetAddress("customer-" + UUID.randomUUID() + "@customer.bench.local"));
        question.setRecipient(Message.RecipientType.TO, new InternetAddress(mailbox));
        question.setSubject("Warranty");
        question.setText(text, "UTF-8");
        question.saveChanges();
        question.setHeader("Message-ID", messageId);
        CompletableFuture<Long> answered = new CompletableFuture<>();
        pending.put(messageId, answered);
        long sent = System.nanoTime();
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            transport.sendMessage(question, new Address[] {new InternetAddress(mailbox)});
        }
        return (answered.get(2, TimeUnit.MINUTES) - sent) / 1000;
    }
}
