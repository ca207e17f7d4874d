package com.assistantgateway.routes.backbone;

import com.assistantgateway.routes.message.GatewayMessage;
import com.assistantgateway.routes.message.MessageId;
import com.assistantgateway.routes.port.AssistantAnswer;
import com.assistantgateway.routes.port.AssistantRequest;
import com.assistantgateway.routes.port.Assistants;
import com.assistantgateway.routes.port.MessageLedger;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The tenant processor's one decision: answer a message exactly once. A redelivered message whose reply was already
 * stored gets that same reply again (the send to egress had rolled back with the delivery), never a second answer.
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
    private final Clock clock;

    @Autowired
    public AnswerStep(MessageLedger ledger, Assistants assistants, RoutesProperties properties) {
        this(ledger, assistants, properties, Clock.systemUTC());
    }

    AnswerStep(MessageLedger ledger, Assistants assistants, RoutesProperties properties, Clock clock) {
        this.ledger = ledger;
        this.assistants = assistants;
        this.properties = properties;
        this.clock = clock;
    }

    /** The reply to send, or {@code null} when the message was never accepted (its store rolled back). */
    public GatewayMessage answer(GatewayMessage inbound) {
        // Everything logged while answering (assistant, LLM client, ledger) carries the message's ids.
        try (var tenant = MDC.putCloseable(LOG_TENANT, inbound.tenantId().value());
                var conversation = MDC.putCloseable(
                        LOG_CONVERSATION, inbound.conversationId().value());
                var trace = MDC.putCloseable(LOG_TRACE, inbound.traceId())) {
            return answerOnce(inbound);
        }
    }

    private GatewayMessage answerOnce(GatewayMessage inbound) {
        Optional<GatewayMessage> stored = ledger.replyTo(inbound.tenantId(), inbound.id());
        if (stored.isPresent()) {
            log.info("message {} was answered before a redelivery; resending its stored reply", inbound.id());
            return stored.get();
        }
        if (!ledger.startProcessing(inbound.tenantId(), inbound.id())) {
            log.warn("message {} of tenant {} is not in the ledger; dropping it", inbound.id(), inbound.tenantId());
            return null;
        }
        var history =
                ledger.history(inbound.tenantId(), inbound.conversationId(), inbound.id(), properties.historyLimit());
        AssistantAnswer answer = assistants.answer(new AssistantRequest(inbound, history));
        GatewayMessage reply = inbound.reply(
                MessageId.random(), answer.text(), answer.citations(), answer.confidence(), clock.instant());
        ledger.recordReply(reply);
        return reply;
    }
}
