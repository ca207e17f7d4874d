package com.assistantgateway.routes.backbone;

import com.assistantgateway.routes.message.GatewayMessage;
import com.assistantgateway.routes.message.MessageId;
import com.assistantgateway.routes.port.AssistantAnswer;
import com.assistantgateway.routes.port.AssistantRequest;
import com.assistantgateway.routes.port.Assistants;
import com.assistantgateway.routes.port.InboundState;
import com.assistantgateway.routes.port.MessageLedger;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * The tenant processor's one decision: answer a message exactly once. A redelivered message whose reply was already
 * stored gets that same reply again (the send to egress had rolled back with the delivery), never a second answer. A
 * copy the recovery sweep enqueued is dropped on its first delivery if the message was answered already: its original
 * was in the queue after all, and its reply went out with it.
 */
@Component
public class AnswerStep {

    /** MDC keys, shown by the log pattern as {@code [tenant,conversation,trace]}. */
    public static final String LOG_TENANT = "tenant";

    public static final String LOG_CONVERSATION = "conversation";
    public static final String LOG_TRACE = "trace";

    private static final Logger log = LoggerFactory.getLogger(AnswerStep.class);

    private final MessageLedger ledger;
    private final Assistants assistants;
    private final RoutesProperties properties;
    private final MeterRegistry meters;
    private final Clock clock;

    public AnswerStep(
            MessageLedger ledger,
            Assistants assistants,
            RoutesProperties properties,
            MeterRegistry meters,
            Clock clock) {
        this.ledger = ledger;
        this.assistants = assistants;
        this.properties = properties;
        this.meters = meters;
        this.clock = clock;
    }

    /** The reply to send, or {@code null} when the message was never accepted (its store rolled back). */
    public GatewayMessage answer(
            GatewayMessage inbound,
            @Header(GatewayHeaders.RECOVERED) Boolean recovered,
            @Header(GatewayHeaders.JMS_DELIVERY_COUNT) Integer deliveryCount) {
        // Everything logged while answering (assistant, LLM client, ledger) carries the message's ids.
        try (var tenant = MDC.putCloseable(LOG_TENANT, inbound.tenantId().value());
                var conversation = MDC.putCloseable(
                        LOG_CONVERSATION, inbound.conversationId().value());
                var trace = MDC.putCloseable(LOG_TRACE, inbound.traceId())) {
            return answerOnce(inbound, Boolean.TRUE.equals(recovered) && (deliveryCount == null || deliveryCount <= 1));
        }
    }

    private GatewayMessage answerOnce(GatewayMessage inbound, boolean firstDeliveryOfRecoveredCopy) {
        // One read decides; the only write is the reply's own transaction (each commit rewrites pages of the store).
        Optional<InboundState> state = ledger.inboundState(inbound.tenantId(), inbound.id());
        if (state.isEmpty()) {
            log.warn("message {} of tenant {} is not in the ledger; dropping it", inbound.id(), inbound.tenantId());
            return null;
        }
        Optional<GatewayMessage> stored = state.get().reply();
        if (stored.isPresent() && firstDeliveryOfRecoveredCopy) {
            // The original copy was enqueued after all and has been answered and sent: this copy is surplus.
            log.info("recovered copy of message {} was answered through its original; dropping it", inbound.id());
            return null;
        }
        if (stored.isPresent()) {
            log.info("message {} was answered before a redelivery; resending its stored reply", inbound.id());
            return stored.get();
        }
        // A hand-back between the read and this write leaves the conversation open: then the assistant answers.
        if (state.get().takenOver()
                && ledger.holdForAgent(inbound.tenantId(), inbound.id(), inbound.conversationId())) {
            log.info(
                    "conversation {} is taken over by an agent; message {} waits for them",
                    inbound.conversationId(),
                    inbound.id());
            return null;
        }
        var history =
                ledger.history(inbound.tenantId(), inbound.conversationId(), inbound.id(), properties.historyLimit());
        AssistantAnswer answer = assistants.answer(new AssistantRequest(inbound, history));
        GatewayMessage reply = inbound.reply(
                MessageId.random(),
                answer.text(),
                answer.citations(),
                answer.confidence(),
                answer.metadata(),
                clock.instant());
        // One transaction: the reply, a handover to the queue, and the audit of the policies' decisions.
        ledger.recordReply(reply, answer.decisions());
        Tags tags = Tags.of(
                "tenant", inbound.tenantId().value(),
                "assistant", inbound.assistantId().value(),
                "channel", inbound.channel().value());
        meters.counter(
                        "gateway.messages.answered",
                        tags.and("outcome", answer.outcome().code()))
                .increment();
        meters.timer("gateway.answer.latency", tags).record(Duration.between(inbound.receivedAt(), reply.receivedAt()));
        return reply;
    }
}
