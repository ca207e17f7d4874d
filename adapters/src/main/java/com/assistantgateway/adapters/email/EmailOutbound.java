package com.assistantgateway.adapters.email;

import com.assistantgateway.routes.backbone.ChannelOutcomes;
import com.assistantgateway.routes.message.GatewayMessage;
import com.assistantgateway.routes.port.ChannelBinding;
import com.assistantgateway.routes.port.ChannelBindings;
import com.assistantgateway.routes.port.MessageLedger;
import com.assistantgateway.routes.port.MessageView;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Builds the mail for a reply: from the binding's address, to the customer (Reply-To honoured), {@code Re:} subject
 * without stacking, In-Reply-To and References continuing the thread, and {@code Auto-Submitted: auto-replied} (RFC
 * 3834) so other robots do not answer it. A reply that was sent before a redelivery is not sent again.
 */
@Component
public class EmailOutbound {

    /** RFC 5322 suggests trimming long References chains; the first and the latest ids keep the thread intact. */
    static final int MAX_REFERENCES = 10;

    private static final Pattern REPLY_PREFIX =
            Pattern.compile("^\\s*(re|aw|antw|sv|vs|r|ref)\\s*(\\[\\d+\\])?\\s*:", Pattern.CASE_INSENSITIVE);

    private final ChannelBindings bindings;
    private final MessageLedger ledger;
    private final ChannelOutcomes outcomes;

    public EmailOutbound(ChannelBindings bindings, MessageLedger ledger, ChannelOutcomes outcomes) {
        this.bindings = bindings;
        this.ledger = ledger;
        this.outcomes = outcomes;
    }

    /** The mail to send, or {@code null} when it went out before (this delivery is a redelivery). */
    public ReplyMail prepare(GatewayMessage reply) throws MessagingException, UnsupportedEncodingException {
        if (outcomes.alreadySent(reply, 0)) {
            return null;
        }
        ChannelBinding binding = bindings.find(reply.tenantId(), reply.bindingId())
                .orElseThrow(() -> new IllegalStateException("binding of reply " + reply.id() + " is gone"));
        Optional<GatewayMessage> inbound = Optional.ofNullable(reply.inReplyTo())
                .flatMap(id -> ledger.find(reply.tenantId(), id))
                .map(MessageView::message);
        ReplyMail mail = new ReplyMail(reply, EmailBinding.domain(binding));
        String fromName = binding.setting(EmailBinding.FROM_NAME).orElse(null);
        mail.setFrom(new InternetAddress(binding.inboundKey(), fromName, StandardCharsets.UTF_8.name()));
        String recipient = inbound.flatMap(m -> Optional.ofNullable(m.metadata().get(EmailInbound.META_REPLY_TO)))
                .orElse(reply.to());
        mail.setRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(recipient, true));
        // A reply gets "Re:"; a new mail (a watcher's summary, an operator's first message) keeps its subject.
        mail.setSubject(
                inbound.isPresent()
                        ? subject(reply.subject())
                        : Optional.ofNullable(reply.subject()).orElse("(no subject)"),
                StandardCharsets.UTF_8.name());
        mail.setText(reply.text(), StandardCharsets.UTF_8.name());
        mail.setHeader("Auto-Submitted", "auto-replied");
        mail.setHeader("X-Auto-Response-Suppress", "All");
        inbound.ifPresent(message -> thread(mail, message));
        mail.saveChanges();
        return mail;
    }

    public void sent(ReplyMail mail) {
        outcomes.sent(mail.reply(), 0, mail.messageId(), "sent");
    }

    static String subject(String original) {
        if (original == null || original.isBlank()) {
            return "Re: your message";
        }
        return REPLY_PREFIX.matcher(original).find() ? original.strip() : "Re: " + original.strip();
    }

    static List<String> references(String earlier, String parent) {
        List<String> ids = new ArrayList<>(EmailAddresses.messageIds(earlier));
        ids.add(parent);
        if (ids.size() > MAX_REFERENCES) {
            List<String> trimmed = new ArrayList<>();
            trimmed.add(ids.get(0));
            trimmed.addAll(ids.subList(ids.size() - (MAX_REFERENCES - 1), ids.size()));
            return trimmed;
        }
        return ids;
    }

    private static void thread(ReplyMail mail, GatewayMessage inbound) {
        String parent = inbound.metadata().get(EmailInbound.META_MESSAGE_ID);
        if (parent == null) {
            return;
        }
        try {
            mail.setHeader("In-Reply-To", parent);
            mail.setHeader(
                    "References",
                    String.join(" ", references(inbound.metadata().get(EmailInbound.META_REFERENCES), parent)));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
