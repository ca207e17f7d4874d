package com.assistantgateway.routes.backbone;

import com.assistantgateway.routes.message.ChannelId;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.ChannelType;
import com.assistantgateway.routes.port.DeadLetter;
import com.assistantgateway.routes.port.DeadLetterQueues;
import jakarta.jms.BytesMessage;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jms.InvalidDestinationException;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

/**
 * The dead-letter queues of a tenant's messages, read and changed through JMS so they work the same on the embedded
 * and an external Artemis. Every browse and receive carries a selector on the tenant header, so another tenant's
 * message is invisible even by its id. A replay moves the message back to the queue it failed on in one local
 * transaction: it is in exactly one of the two queues at any time.
 */
@Component
public class BrokerDeadLetters implements DeadLetterQueues {

    public static final String PREFIX = "DLQ.";
    /** The address every dead-letter queue is bound to; the broker creates DLQ.<queue> under it, filtered by origin. */
    public static final String DEAD_LETTER_ADDRESS = "DLA";

    private static final String ORIGINAL_QUEUE = "_AMQ_ORIG_QUEUE";
    private static final Pattern JMS_ID = Pattern.compile("ID:[A-Za-z0-9:-]{1,100}");

    private final JmsTemplate jms;
    /** Every channel has an outbound queue; the channels say which there are. */
    private final List<ChannelId> channels;

    public BrokerDeadLetters(ConnectionFactory connectionFactory, List<ChannelType> channels) {
        this.jms = new JmsTemplate(connectionFactory);
        this.jms.setSessionTransacted(true);
        this.channels = channels.stream()
                .map(ChannelType::id)
                .sorted(Comparator.comparing(ChannelId::value))
                .toList();
    }

    private List<String> queuesOf(TenantId tenantId) {
        List<String> queues = new ArrayList<>();
        queues.add(PREFIX + GatewayQueues.INGRESS);
        queues.add(PREFIX + GatewayQueues.tenantQueue(tenantId));
        queues.add(PREFIX + GatewayQueues.EGRESS);
        queues.add(PREFIX + GatewayQueues.KNOWLEDGE_INGEST);
        channels.forEach(channel -> queues.add(PREFIX + GatewayQueues.channelQueue(channel)));
        return queues;
    }

    @Override
    public List<DeadLetter> list(TenantId tenantId) {
        List<DeadLetter> letters = new ArrayList<>();
        for (String queue : queuesOf(tenantId)) {
            try {
                letters.addAll(jms.browseSelected(
                        fullyQualified(queue), tenantSelector(tenantId), (Session session, QueueBrowser browser) -> {
                            List<DeadLetter> found = new ArrayList<>();
                            for (Message message : Collections.list((Enumeration<Message>) browser.getEnumeration())) {
                                found.add(letter(queue, message));
                            }
                            return found;
                        }));
            } catch (InvalidDestinationException noneYet) {
                // No message has failed for good on that queue yet: the broker creates it with the first one.
            }
        }
        return letters;
    }

    @Override
    public Optional<DeadLetter> replay(TenantId tenantId, String id) {
        return take(tenantId, id, true);
    }

    @Override
    public Optional<DeadLetter> discard(TenantId tenantId, String id) {
        return take(tenantId, id, false);
    }

    private Optional<DeadLetter> take(TenantId tenantId, String id, boolean resend) {
        if (id == null || !JMS_ID.matcher(id).matches()) {
            return Optional.empty();
        }
        String selector = "JMSMessageID = '" + id + "' AND " + tenantSelector(tenantId);
        for (String queue : queuesOf(tenantId)) {
            Optional<DeadLetter> taken;
            try {
                taken = jms.execute(
                        session -> {
                            Queue source = session.createQueue(fullyQualified(queue));
                            try (MessageConsumer consumer = session.createConsumer(source, selector)) {
                                Message message = consumer.receive(1000);
                                if (message == null) {
                                    return Optional.<DeadLetter>empty();
                                }
                                DeadLetter letter = letter(queue, message);
                                if (resend) {
                                    session.createProducer(session.createQueue(letter.originalQueue()))
                                            .send(copy(session, message));
                                }
                                session.commit();
                                return Optional.of(letter);
                            }
                        },
                        true);
            } catch (InvalidDestinationException noneYet) {
                continue;
            }
            if (taken.isPresent()) {
                return taken;
            }
        }
        return Optional.empty();
    }

    /**
     * The queue as JMS must name it: it is bound to the dead-letter address, not to an address of its own name. The
     * broker creates none on a lookup, so a queue that has had no dead letter yet reads as empty.
     */
    static String fullyQualified(String queue) {
        return DEAD_LETTER_ADDRESS + "::" + queue;
    }

    /** A fresh message with the same body and gateway headers: delivery count and broker annotations start over. */
    private static Message copy(Session session, Message original) throws JMSException {
        Message copy;
        if (original instanceof BytesMessage bytes) {
            byte[] body = new byte[(int) bytes.getBodyLength()];
            bytes.readBytes(body);
            BytesMessage out = session.createBytesMessage();
            out.writeBytes(body);
            copy = out;
        } else if (original instanceof TextMessage text) {
            copy = session.createTextMessage(text.getText());
        } else {
            throw new IllegalStateException(
                    "unexpected dead letter type " + original.getClass().getSimpleName());
        }
        for (String name : Collections.list((Enumeration<String>) original.getPropertyNames())) {
            if (!name.startsWith("_AMQ") && !name.startsWith("JMSX")) {
                copy.setObjectProperty(name, original.getObjectProperty(name));
            }
        }
        String group = original.getStringProperty(GatewayHeaders.JMS_GROUP_ID);
        if (group != null) {
            copy.setStringProperty(GatewayHeaders.JMS_GROUP_ID, group);
        }
        return copy;
    }

    private static DeadLetter letter(String queue, Message message) throws JMSException {
        String original = message.getStringProperty(ORIGINAL_QUEUE);
        return new DeadLetter(
                message.getJMSMessageID(),
                queue,
                original != null ? original : queue.substring(PREFIX.length()),
                message.getStringProperty(GatewayHeaders.MESSAGE_ID),
                message.getStringProperty(GatewayHeaders.CONVERSATION_ID),
                message.getStringProperty(GatewayHeaders.CHANNEL),
                message.getStringProperty(GatewayHeaders.DIRECTION),
                Instant.ofEpochMilli(message.getJMSTimestamp()));
    }

    /** Tenant ids are letters, digits and dashes ({@link TenantId}), safe inside a selector literal. */
    private static String tenantSelector(TenantId tenantId) {
        return GatewayHeaders.TENANT_ID + " = '" + tenantId.value() + "'";
    }
}
