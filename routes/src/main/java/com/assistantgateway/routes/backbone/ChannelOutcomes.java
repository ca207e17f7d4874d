package com.assistantgateway.routes.backbone;

import com.assistantgateway.routes.message.BindingId;
import com.assistantgateway.routes.message.ChannelId;
import com.assistantgateway.routes.message.GatewayMessage;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.ChannelBinding;
import com.assistantgateway.routes.port.Delivery;
import com.assistantgateway.routes.port.DeliveryLog;
import com.assistantgateway.routes.port.GatewayEvent;
import com.assistantgateway.routes.port.GatewayEvents;
import com.assistantgateway.routes.port.SkippedMessage;
import com.assistantgateway.routes.port.SkippedMessages;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What channels report about traffic, recorded the same way for every channel: skipped inbound messages and sent or
 * updated deliveries go to the ledger, to the {@code gateway.channel.*} metrics and to the event stream.
 */
@Component
public class ChannelOutcomes {

    /** Delivery status of a reply a channel rule held back. */
    public static final String WITHHELD = "withheld";

    private static final Logger log = LoggerFactory.getLogger(ChannelOutcomes.class);

    private final SkippedMessages skipped;
    private final DeliveryLog deliveries;
    private final GatewayEvents events;
    private final MeterRegistry meters;
    private final Clock clock;

    public ChannelOutcomes(
            SkippedMessages skipped, DeliveryLog deliveries, GatewayEvents events, MeterRegistry meters, Clock clock) {
        this.skipped = skipped;
        this.deliveries = deliveries;
        this.events = events;
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * A message that repeats the channel id of one stored before (a mailer reusing a Message-ID) but says something
     * else: the first is kept and answered, this one is not.
     */
    public static final String REPEATED_ID_OTHER_CONTENT = "repeated-id-other-content";

    /** An inbound message the channel deliberately leaves unanswered; {@code reason} is a stable code. */
    public void skipped(ChannelBinding binding, String reason, String sender, String channelMessageId) {
        skipped(
                binding.tenantId(),
                binding.id(),
                binding.channel(),
                binding.assistantId().value(),
                reason,
                sender,
                channelMessageId);
    }

    /** An inbound message, normalized already, that is left unanswered. */
    public void skipped(GatewayMessage inbound, String reason) {
        skipped(
                inbound.tenantId(),
                inbound.bindingId(),
                inbound.channel(),
                inbound.assistantId().value(),
                reason,
                inbound.from(),
                inbound.channelMessageId());
    }

    private void skipped(
            TenantId tenantId,
            BindingId bindingId,
            ChannelId channel,
            String assistantId,
            String reason,
            String sender,
            String channelMessageId) {
        log.info("{}/{}: skipped a {} message from {} ({})", tenantId, bindingId, channel, sender, reason);
        skipped.record(
                new SkippedMessage(tenantId, bindingId, channel, reason, sender, channelMessageId, clock.instant()));
        meters.counter(
                        "gateway.channel.skipped",
                        "tenant",
                        tenantId.value(),
                        "assistant",
                        assistantId,
                        "channel",
                        channel.value(),
                        "reason",
                        reason)
                .increment();
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("reason", reason);
        if (channelMessageId != null) {
            attributes.put("channelMessageId", channelMessageId);
        }
        events.publish(new GatewayEvent(
                GatewayEvent.MESSAGE_SKIPPED, tenantId, channel, bindingId, clock.instant(), attributes));
    }

    public void received(GatewayMessage inbound) {
        countFor("gateway.channel.received", inbound);
        publish(
                GatewayEvent.MESSAGE_RECEIVED,
                inbound,
                Map.of(
                        "messageId", inbound.id().value(),
                        "conversationId", inbound.conversationId().value(),
                        "assistantId", inbound.assistantId().value()));
    }

    /** Counts a message under its tenant, assistant and channel. */
    private void countFor(String meter, GatewayMessage message) {
        meters.counter(
                        meter,
                        "tenant",
                        message.tenantId().value(),
                        "assistant",
                        message.assistantId().value(),
                        "channel",
                        message.channel().value())
                .increment();
    }

    private void publish(String type, ChannelBinding binding, Map<String, String> attributes) {
        events.publish(new GatewayEvent(
                type, binding.tenantId(), binding.channel(), binding.id(), clock.instant(), attributes));
    }

    private void publish(String type, GatewayMessage message, Map<String, String> attributes) {
        events.publish(new GatewayEvent(
                type, message.tenantId(), message.channel(), message.bindingId(), clock.instant(), attributes));
    }

    /** Whether this part of a reply went to the provider already (the delivery is a redelivery). */
    public boolean alreadySent(GatewayMessage reply, int part) {
        return deliveries.wasSent(reply.tenantId(), reply.id(), part);
    }

    public void sent(GatewayMessage reply, int part, String channelMessageId, String status) {
        deliveries.recordSent(new Delivery(
                reply.tenantId(),
                reply.id(),
                reply.conversationId(),
                reply.bindingId(),
                reply.channel(),
                part,
                channelMessageId,
                status,
                null,
                clock.instant()));
        countFor("gateway.channel.sent", reply);
        publish(
                GatewayEvent.REPLY_SENT,
                reply,
                Map.of(
                        "messageId", reply.id().value(),
                        "conversationId", reply.conversationId().value(),
                        "part", Integer.toString(part),
                        "channelMessageId", channelMessageId == null ? "" : channelMessageId,
                        "status", status));
    }

    /** A reply a channel rule held back (opted-out number, closed WhatsApp window): recorded, never sent. */
    public void withheld(GatewayMessage reply, String reason) {
        deliveries.recordSent(new Delivery(
                reply.tenantId(),
                reply.id(),
                reply.conversationId(),
                reply.bindingId(),
                reply.channel(),
                0,
                null,
                WITHHELD,
                reason,
                clock.instant()));
        meters.counter(
                        "gateway.channel.withheld",
                        "tenant",
                        reply.tenantId().value(),
                        "channel",
                        reply.channel().value(),
                        "reason",
                        reason)
                .increment();
        publish(
                GatewayEvent.DELIVERY_STATUS,
                reply,
                Map.of("messageId", reply.id().value(), "status", WITHHELD, "errorCode", reason));
    }

    /** A provider's status report; empty (and nothing recorded) when the id is not a delivery of this binding. */
    public Optional<Delivery> deliveryStatus(
            ChannelBinding binding, String channelMessageId, String status, String errorCode) {
        Optional<Delivery> updated =
                deliveries.updateStatus(binding.tenantId(), binding.id(), channelMessageId, status, errorCode);
        updated.ifPresent(delivery -> {
            meters.counter(
                            "gateway.channel.delivery",
                            "channel",
                            binding.channel().value(),
                            "status",
                            status)
                    .increment();
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("messageId", delivery.messageId().value());
            attributes.put("channelMessageId", channelMessageId);
            attributes.put("status", status);
            if (errorCode != null) {
                attributes.put("errorCode", errorCode);
            }
            publish(GatewayEvent.DELIVERY_STATUS, binding, attributes);
        });
        return updated;
    }
}
