package com.assistantgateway.routes.backbone;

import com.assistantgateway.routes.message.Direction;
import com.assistantgateway.routes.message.MessageId;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.MessageLedger;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/**
 * Records in the ledger what became of an inbound message's failed attempt, so its status says so: the broker
 * delivers it again ({@code PROCESSING}), or is about to dead-letter it ({@code FAILED}).
 */
@Component
public class DeadLetters {

    private final MessageLedger ledger;
    private final RoutesProperties properties;
    private final MeterRegistry meters;

    public DeadLetters(MessageLedger ledger, RoutesProperties properties, MeterRegistry meters) {
        this.ledger = ledger;
        this.properties = properties;
        this.meters = meters;
    }

    public boolean isLastAttempt(@Header(GatewayHeaders.JMS_DELIVERY_COUNT) Integer deliveryCount) {
        return deliveryCount != null && deliveryCount >= properties.redelivery().maxAttempts();
    }

    /** Reads the envelope headers, not the body: a route may have turned the body into something else by now. */
    public void recordFailedAttempt(
            @Header(GatewayHeaders.TENANT_ID) String tenantId,
            @Header(GatewayHeaders.MESSAGE_ID) String messageId,
            @Header(GatewayHeaders.DIRECTION) String direction,
            @Header(GatewayHeaders.CHANNEL) String channel,
            @Header(GatewayHeaders.JMS_DELIVERY_COUNT) Integer deliveryCount,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception cause) {
        boolean inbound = Direction.INBOUND.name().equals(direction) && tenantId != null && messageId != null;
        if (!isLastAttempt(deliveryCount)) {
            if (inbound) {
                ledger.markProcessing(new TenantId(tenantId), new MessageId(messageId));
            }
            return;
        }
        meters.counter(
                        "gateway.messages.failed",
                        "tenant",
                        String.valueOf(tenantId),
                        "channel",
                        String.valueOf(channel),
                        "direction",
                        String.valueOf(direction))
                .increment();
        if (inbound) {
            ledger.markFailed(new TenantId(tenantId), new MessageId(messageId), String.valueOf(cause));
        }
    }
}
