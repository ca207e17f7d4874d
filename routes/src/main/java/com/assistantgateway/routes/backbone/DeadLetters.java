package com.assistantgateway.routes.backbone;

import com.assistantgateway.routes.message.CanonicalJson;
import com.assistantgateway.routes.message.Direction;
import com.assistantgateway.routes.message.GatewayMessage;
import com.assistantgateway.routes.port.MessageLedger;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/** Records in the ledger that the broker is about to dead-letter an inbound message, so its status says so. */
@Component
public class DeadLetters {

    private final MessageLedger ledger;
    private final RoutesProperties properties;

    public DeadLetters(MessageLedger ledger, RoutesProperties properties) {
        this.ledger = ledger;
        this.properties = properties;
    }

    public boolean isLastAttempt(@Header(GatewayHeaders.JMS_DELIVERY_COUNT) Integer deliveryCount) {
        return deliveryCount != null && deliveryCount >= properties.redelivery().maxAttempts();
    }

    public void recordFailure(@Body Object body, @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception cause) {
        GatewayMessage message = body instanceof GatewayMessage m ? m : CanonicalJson.read(body.toString());
        if (message.direction() == Direction.INBOUND) {
            ledger.markFailed(message.tenantId(), message.id(), String.valueOf(cause));
        }
    }
}
