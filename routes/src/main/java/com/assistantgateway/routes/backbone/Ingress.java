package com.assistantgateway.routes.backbone;

import com.assistantgateway.routes.message.GatewayMessage;
import com.assistantgateway.routes.port.Acceptance;
import com.assistantgateway.routes.port.MessageLedger;
import java.util.Objects;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

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
    private final ChannelOutcomes outcomes;
    private final RetriedTransactions transactions;
    private final EnqueueConfirmations confirmations;

    public Ingress(
            MessageLedger ledger,
            ProducerTemplate producer,
            ChannelOutcomes outcomes,
            RetriedTransactions transactions,
            EnqueueConfirmations confirmations) {
        this.ledger = ledger;
        this.producer = producer;
        this.outcomes = outcomes;
        this.transactions = transactions;
        this.confirmations = confirmations;
    }

    /** Stores and enqueues; a deadlock victim (another message locked its conversation) starts over, both undone. */
    public Acceptance accept(GatewayMessage inbound) {
        Acceptance acceptance = transactions.write(() -> {
            Acceptance stored = ledger.accept(inbound);
            if (stored.fresh()) {
                producer.sendBody(BackboneRoutes.ENQUEUE, stored.message());
            }
            return stored;
        });
        if (!acceptance.fresh() && !sameContent(acceptance.message(), inbound)) {
            return new Acceptance(acceptance.message(), false, true);
        }
        return acceptance;
    }

    /** Whether a repeat of a channel id says what the first said: same sender, subject and text. */
    static boolean sameContent(GatewayMessage first, GatewayMessage repeat) {
        return Objects.equals(first.text(), repeat.text())
                && Objects.equals(first.subject(), repeat.subject())
                && (first.from() == null ? repeat.from() == null : first.from().equalsIgnoreCase(repeat.from()));
    }

    /**
     * After both commits: records, in a batch and off the request path, that the send committed. Should that never
     * be written, the message is still safe: the recovery sweep finds it unconfirmed and enqueues it again, and {@link
     * AnswerStep} drops that copy if it was answered.
     */
    public Acceptance confirm(Acceptance acceptance) {
        if (acceptance.fresh()) {
            GatewayMessage message = acceptance.message();
            confirmations.confirm(message.tenantId(), message.id());
            outcomes.received(message);
        } else if (acceptance.differs()) {
            outcomes.skipped(acceptance.message(), ChannelOutcomes.REPEATED_ID_OTHER_CONTENT);
        }
        return acceptance;
    }
}
