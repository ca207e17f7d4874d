package com.assistantgateway.routes.port;

import com.assistantgateway.routes.message.BindingId;
import com.assistantgateway.routes.message.ChannelId;
import com.assistantgateway.routes.message.TenantId;
import java.time.Instant;
import java.util.Map;

/**
 * A fact for downstream analytics and monitoring, published to the event stream keyed by tenant.
 *
 * @param type {@code message.received}, {@code reply.sent}, {@code delivery.status}, {@code message.skipped}
 * @param attributes ids and details; never message text or credentials
 */
public record GatewayEvent(
        String type,
        TenantId tenantId,
        ChannelId channel,
        BindingId bindingId,
        Instant at,
        Map<String, String> attributes) {

    public static final String MESSAGE_RECEIVED = "message.received";
    public static final String REPLY_SENT = "reply.sent";
    public static final String DELIVERY_STATUS = "delivery.status";
    public static final String MESSAGE_SKIPPED = "message.skipped";

    public GatewayEvent {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
