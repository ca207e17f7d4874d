package com.assistantgateway.routes.backbone;

import com.assistantgateway.routes.message.GatewayMessage;
import com.assistantgateway.routes.port.Acceptance;
import com.assistantgateway.routes.port.MessageLedger;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The ingress transaction: store (or find the duplicate) and enqueue as one unit. The enqueue route's JMS session is
 * synchronized with this database transaction and commits right after it; a failed send rolls the insert back and
 * reaches the channel as an ordinary exception (a Camel-transacted sub-route would mark the whole exchange
 * rollback-only and bypass the channel's error policy).
 */
@Component
public class Ingress {

    private static final Logger log = LoggerFactory.getLogger(Ingress.class);

    private final MessageLedger ledger;
    private final ProducerTemplate producer;
    private final ChannelOutcomes outcomes;
    private final RetriedTransactions transactions;

    public Ingress(
            MessageLedger ledger,
            ProducerTemplate producer,
            ChannelOutcomes outcomes,
            RetriedTransactions transactions) {
        this.ledger = ledger;
        this.producer = producer;
        this.outcomes = outcomes;
        this.transactions = transactions;
    }

    /** Stores and enqueues; a deadlock victim (another message locked its conversation) starts over, both undone. */
    public Acceptance accept(GatewayMessage inbound) {
        return transactions.write(() -> {
            Acceptance acceptance = ledger.accept(inbound);
            if (acceptance.fresh()) {
                producer.sendBody(BackboneRoutes.ENQUEUE, acceptance.message());
            }
            return acceptance;
        });
    }

    /**
     * After both commits: records that the send committed. If this fails the message is still safe: the recovery
     * sweep finds it unconfirmed and enqueues it again, and {@link AnswerStep} drops that copy if it was answered.
     */
    public Acceptance confirm(Acceptance acceptance) {
        if (acceptance.fresh()) {
            GatewayMessage message = acceptance.message();
            try {
                ledger.markQueued(message.tenantId(), message.id());
            } catch (RuntimeException e) {
                log.warn("could not confirm the enqueue of message {}; the recovery sweep will", message.id(), e);
            }
            outcomes.received(message);
        }
        return acceptance;
    }
}
