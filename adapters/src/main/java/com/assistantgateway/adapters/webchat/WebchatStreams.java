package com.assistantgateway.adapters.webchat;

import com.assistantgateway.routes.backbone.GatewayHeaders;
import com.assistantgateway.routes.message.CanonicalJson;
import com.assistantgateway.routes.message.ConversationId;
import com.assistantgateway.routes.message.Direction;
import com.assistantgateway.routes.message.GatewayMessage;
import com.assistantgateway.routes.message.MessageId;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.ConversationEntry;
import com.assistantgateway.routes.port.MessageLedger;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The visitors' open event streams on this instance. A stream's events are the conversation's messages in the ledger
 * after the last one it was sent, each with its ledger position as the SSE {@code id}: a reconnect with
 * {@code Last-Event-ID} continues exactly there, so a dropped connection loses and repeats nothing, whichever instance
 * it reconnects to. Live news comes from the broker topic every instance subscribes to ({@link #announced}); it only
 * says which conversation to read again.
 */
@Component
public class WebchatStreams implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WebchatStreams.class);
    /** Messages one read sends; a longer backlog is read on in pages. */
    private static final int PAGE = 100;

    private record Key(TenantId tenant, ConversationId conversation) {}

    private final MessageLedger ledger;
    private final WebchatProperties properties;
    private final Map<Key, Set<Stream>> open = new ConcurrentHashMap<>();
    /** Reads and writes run here, so a slow visitor never holds the topic's consumer or another visitor. */
    private final ExecutorService writers = Executors.newFixedThreadPool(2, daemon("webchat-stream"));

    private final WebchatLiveReplies live;

    private final ScheduledExecutorService heartbeats =
            Executors.newSingleThreadScheduledExecutor(daemon("webchat-heartbeat"));

    public WebchatStreams(MessageLedger ledger, WebchatProperties properties, WebchatLiveReplies live) {
        this.ledger = ledger;
        this.live = live;
        this.properties = properties;
        long every = properties.heartbeat().toMillis();
        heartbeats.scheduleAtFixedRate(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
    }

    /** Opens a stream of the conversation after {@code lastPosition} (0: from its start) and sends what is there. */
    public SseEmitter open(TenantId tenant, ConversationId conversation, long lastPosition) {
        SseEmitter emitter = new SseEmitter(properties.streamTimeout().toMillis());
        Stream stream = new Stream(new Key(tenant, conversation), emitter, lastPosition);
        open.computeIfAbsent(stream.key, key -> ConcurrentHashMap.newKeySet()).add(stream);
        emitter.onCompletion(() -> close(stream));
        emitter.onTimeout(() -> close(stream));
        emitter.onError(error -> close(stream));
        stream.submit(() -> stream.catchUp(true));
        return emitter;
    }

    /**
     * News on a conversation, from any instance: a stored message (its open streams here read the ledger again), a
     * token of a reply being written (passed on as it is, never stored), or a visitor's stop.
     */
    public void announced(
            @Header(GatewayHeaders.TENANT_ID) String tenant,
            @Header(GatewayHeaders.CONVERSATION_ID) String conversation,
            @Header(GatewayHeaders.MESSAGE_ID) String messageId,
            @Header(WebchatLiveReplies.KIND) String kind,
            @Body String body) {
        if (tenant == null || conversation == null) {
            return;
        }
        if (WebchatLiveReplies.STOP.equals(kind)) {
            if (messageId != null && MessageId.isValid(messageId)) {
                live.stopped(new MessageId(messageId));
            }
            return;
        }
        Set<Stream> streams = open.get(new Key(new TenantId(tenant), new ConversationId(conversation)));
        if (streams == null) {
            return;
        }
        for (Stream stream : streams) {
            if (WebchatLiveReplies.TOKEN.equals(kind)) {
                Map<String, Object> token = new LinkedHashMap<>();
                token.put("replyTo", messageId);
                token.put("text", body == null ? "" : body);
                stream.submit(() -> stream.send(
                        SseEmitter.event().name("token").data(CanonicalJson.write(token), MediaType.APPLICATION_JSON)));
            } else {
                stream.submit(() -> stream.catchUp(false));
            }
        }
    }

    /** Open streams on this instance: a gauge for operators and a fact for tests. */
    public int openStreams() {
        return open.values().stream().mapToInt(Set::size).sum();
    }

    private void close(Stream stream) {
        open.computeIfPresent(stream.key, (key, streams) -> {
            streams.remove(stream);
            return streams.isEmpty() ? null : streams;
        });
    }

    private void heartbeat() {
        for (Set<Stream> streams : open.values()) {
            for (Stream stream : streams) {
                stream.submit(() -> stream.send(SseEmitter.event().comment("keep-alive")));
            }
        }
    }

    @Override
    public void destroy() {
        heartbeats.shutdownNow();
        writers.shutdownNow();
        open.values().forEach(streams -> streams.forEach(stream -> stream.emitter.complete()));
    }

    /** A message as the widget shows it: who wrote it, its text, its sources. */
    static Map<String, Object> event(GatewayMessage message) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", message.id().value());
        event.put(
                "role",
                message.direction() == Direction.INBOUND
                        ? "visitor"
                        : message.metadata().containsKey(GatewayMessage.AGENT) ? "agent" : "assistant");
        event.put("text", message.text());
        // The canonical citations as they are: source, title and the snippet a widget may show.
        event.put("citations", message.citations());
        if (!message.attachments().isEmpty()) {
            // Names and types only: the files stay with the tenant, behind the admin API.
            event.put(
                    "attachments",
                    message.attachments().stream()
                            .map(file -> Map.of(
                                    "fileName", String.valueOf(file.fileName()),
                                    "contentType", String.valueOf(file.contentType())))
                            .toList());
        }
        if (message.inReplyTo() != null) {
            event.put("replyTo", message.inReplyTo().value());
        }
        event.put("at", (message.createdAt() == null ? message.receivedAt() : message.createdAt()).toString());
        return event;
    }

    private final class Stream {
        private final Key key;
        private final SseEmitter emitter;
        private long position;

        /** This stream's sends, in the order they were announced, one at a time on the shared writers. */
        private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();

        private final AtomicBoolean draining = new AtomicBoolean();

        Stream(Key key, SseEmitter emitter, long position) {
            this.key = key;
            this.emitter = emitter;
            this.position = position;
        }

        void submit(Runnable task) {
            tasks.add(task);
            drain();
        }

        private void drain() {
            if (!tasks.isEmpty() && draining.compareAndSet(false, true)) {
                writers.execute(() -> {
                    try {
                        for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
                            task.run();
                        }
                    } finally {
                        draining.set(false);
                        drain(); // a task added between the last poll and the reset
                    }
                });
            }
        }

        /** Sends the conversation's messages after the last one sent; {@code first} ends with a {@code ready} event. */
        synchronized void catchUp(boolean first) {
            try {
                List<ConversationEntry> entries;
                do {
                    entries = ledger.conversationAfter(key.tenant, key.conversation, position, PAGE);
                    for (ConversationEntry entry : entries) {
                        if (!send(SseEmitter.event()
                                .id(Long.toString(entry.position()))
                                .name("message")
                                .data(CanonicalJson.write(event(entry.message())), MediaType.APPLICATION_JSON))) {
                            return;
                        }
                        position = entry.position();
                    }
                } while (entries.size() == PAGE);
                if (first) {
                    send(SseEmitter.event().name("ready").data("{}", MediaType.APPLICATION_JSON));
                }
            } catch (RuntimeException e) {
                // The ledger out of reach: end the stream; the widget reconnects and continues from its last id.
                log.warn("Web chat stream of {} ended: {}", key.conversation.value(), e.toString());
                emitter.completeWithError(e);
            }
        }

        synchronized boolean send(SseEmitter.SseEventBuilder event) {
            try {
                emitter.send(event);
                return true;
            } catch (IOException | IllegalStateException e) {
                close(this); // the visitor went away; the emitter's own callbacks finish the request
                return false;
            }
        }
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
