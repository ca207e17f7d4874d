package com.assistantgateway.routes.backbone;

import com.assistantgateway.routes.message.GatewayMessage;
import com.assistantgateway.routes.port.Acceptance;
import com.assistantgateway.routes.port.MessageLedger;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ingress transaction: store (or find the duplicate) and enqueue as one unit. The enqueue route's JMS session is
 * synchronized with this database transaction and commits right after it; a failed send rolls the insert back and
 * reaches the channel as an ordinary exception (a Camel-transacted sub-route would mark the whole exchange
 * rollback-only and bypass the channel's error policy).
 */
@Component
public class Ingress {

    private final MessageLedger ledger;
    private final ProducerTemplate producer;

    public Ingress(MessageLedger ledger, ProducerTemplate producer) {
        this.ledger = ledger;
        this.producer = producer;
    }

    @Transactional
    public Acceptance accept(GatewayMessage inbound) {
        Acceptance acceptance = ledger.accept(inbound);
        if (acceptance.fresh()) {
            producer.sendBody(BackboneRoutes.ENQUEUE, acceptance.message());
        }
        return acceptance;
    }
}
