package com.assistantgateway.adapters.webchat;

import com.assistantgateway.routes.backbone.GatewayHeaders;
import com.assistantgateway.routes.message.GatewayMessage;
import com.assistantgateway.routes.message.MessageId;
import com.assistantgateway.routes.port.LiveReplies;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.ProducerTemplate;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Web chat visitors watch their replies being written: each token goes to the broker topic every instance's streams
 * listen on (the visitor's stream may be on another instance than the one generating), not persistent and not
 * stored. A visitor's stop, posted to any instance, comes back the same way and is remembered here for a while.
 */
@Component
public class WebchatLiveReplies implements LiveReplies {

    /** What an announcement on the topic is about; absent for a stored message. */
    public static final String KIND = "gatewayWebchatKind";

    public static final String TOKEN = "token";
    public static final String STOP = "stop";
    /** A stop older than this is forgotten: no generation runs that long. */
    static final Duration STOP_KEPT = Duration.ofMinutes(10);

    private final ProducerTemplate producer;
    private final Clock clock;
    private final Map<MessageId, Instant> stops = new ConcurrentHashMap<>();

    public WebchatLiveReplies(@Lazy ProducerTemplate producer, Clock clock) {
        this.clock = clock;
        this.producer = producer;
    }

    @Override
    public boolean watched(GatewayMessage inbound) {
        return WebchatBinding.CHANNEL.equals(inbound.channel());
    }

    @Override
    public void partial(GatewayMessage inbound, String delta) {
        Map<String, Object> headers = new HashMap<>();
        headers.put(GatewayHeaders.TENANT_ID, inbound.tenantId().value());
        headers.put(GatewayHeaders.CONVERSATION_ID, inbound.conversationId().value());
        headers.put(GatewayHeaders.MESSAGE_ID, inbound.id().value());
        headers.put(KIND, TOKEN);
        producer.sendBodyAndHeaders(WebchatRoutes.LIVE, delta, headers);
    }

    @Override
    public boolean stopRequested(GatewayMessage inbound) {
        return stops.containsKey(inbound.id());
    }

    /** A visitor asked, on some instance, to stop the reply to this message. */
    void stopped(MessageId inbound) {
        Instant now = clock.instant();
        stops.values().removeIf(at -> at.isBefore(now.minus(STOP_KEPT)));
        stops.put(inbound, now);
    }
}
