package com.assistantgateway.adapters.email;

import com.assistantgateway.routes.backbone.ChannelOutcomes;
import com.assistantgateway.routes.backbone.ChannelSignatures;
import com.assistantgateway.routes.backbone.GatewayHeaders;
import com.assistantgateway.routes.message.AttachmentRef;
import com.assistantgateway.routes.message.BindingId;
import com.assistantgateway.routes.message.ConversationId;
import com.assistantgateway.routes.message.GatewayMessage;
import com.assistantgateway.routes.message.MessageId;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.AttachmentStore;
import com.assistantgateway.routes.port.ChannelBinding;
import com.assistantgateway.routes.port.ChannelBindings;
import com.assistantgateway.routes.port.MessageLedger;
import jakarta.mail.FolderClosedException;
import jakarta.mail.MessagingException;
import jakarta.mail.StoreClosedException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns a mail read from a binding's mailbox into a canonical message, or skips it (auto-replies, bulk and list mail,
 * bounces, our own mail). The thread decides the conversation: any known Message-ID in In-Reply-To or References,
 * from the same sender, joins it.
 */
@Component
public class EmailInbound {

    /** Metadata keys the outbound side reads back from the inbound message. */
    static final String META_MESSAGE_ID = "email.messageId";

    static final String META_REFERENCES = "email.references";
    static final String META_REPLY_TO = "email.replyTo";
    static final String META_SENDER_NAME = "email.senderName";
    static final String EMPTY = "empty";
    static final String UNREADABLE = "unreadable";
    static final int MAX_FETCH_ATTEMPTS = 5;

    private static final Logger log = LoggerFactory.getLogger(EmailInbound.class);

    private final Map<String, Integer> failedFetches = new ConcurrentHashMap<>();

    private final ChannelBindings bindings;
    private final MessageLedger ledger;
    private final AttachmentStore attachments;
    private final ChannelOutcomes outcomes;
    private final Clock clock;

    public EmailInbound(
            ChannelBindings bindings,
            MessageLedger ledger,
            AttachmentStore attachments,
            ChannelOutcomes outcomes,
            Clock clock) {
        this.bindings = bindings;
        this.ledger = ledger;
        this.attachments = attachments;
        this.outcomes = outcomes;
        this.clock = clock;
    }

    /** The canonical message, or {@code null} when the mail is skipped (it is still marked seen). */
    public GatewayMessage normalize(
            @Header(GatewayHeaders.TENANT_ID) String tenant,
            @Header(GatewayHeaders.BINDING_ID) String bindingId,
            @Body MimeMessage remote)
            throws MessagingException, IOException {
        ChannelBinding binding = bindings.find(new TenantId(tenant), new BindingId(bindingId))
                .orElseThrow(() -> new IllegalStateException("binding " + tenant + "/" + bindingId + " is gone"));
        Optional<MimeMessage> copy = fetch(binding, remote);
        if (copy.isEmpty()) {
            return null;
        }
        MimeMessage mail = copy.get();
        String domain = EmailBinding.domain(binding);
        String messageIdHeader = messageId(mail);
        Optional<String> skip = MailScreen.reasonToSkip(mail, binding.inboundKey(), domain);
        String sender = EmailAddresses.sender(mail).orElse(null);
        if (skip.isPresent()) {
            outcomes.skipped(binding, skip.get(), sender, messageIdHeader);
            return null;
        }
        MailContent content = MailContent.of(mail);
        String text = QuotedText.newText(content.text());
        if (text.isBlank() && content.attachments().isEmpty()) {
            outcomes.skipped(binding, EMPTY, sender, messageIdHeader);
            return null;
        }
        MessageId id = MessageId.random();
        List<AttachmentRef> stored = new ArrayList<>();
        for (MailContent.Attachment attachment : content.attachments()) {
            stored.add(attachments.store(
                    binding.tenantId(), id, attachment.fileName(), attachment.contentType(), attachment.content()));
        }
        List<String> references = EmailAddresses.messageIds(mail.getHeader("References", " "));
        LinkedHashSet<String> threadIds =
                new LinkedHashSet<>(EmailAddresses.messageIds(mail.getHeader("In-Reply-To", " ")));
        threadIds.addAll(references);
        ConversationId conversation = ledger.thread(binding.tenantId(), binding.id(), sender, threadIds)
                .orElseGet(ConversationId::random);
        return GatewayMessage.inbound()
                .id(id)
                .tenant(binding.tenantId())
                .assistant(binding.assistantId())
                .binding(binding.id())
                .channel(EmailBinding.CHANNEL)
                .conversation(conversation)
                .from(sender)
                .to(binding.inboundKey())
                .subject(MailContent.rawUtf8(mail.getSubject()))
                .text(text.isBlank() ? "(" + stored.size() + " attachment(s) without text)" : text)
                .attachments(stored)
                .channelMessageId(messageIdHeader)
                .locale(language(mail))
                .createdAt(
                        mail.getSentDate() == null ? null : mail.getSentDate().toInstant())
                .receivedAt(clock.instant())
                .metadata(metadata(mail, messageIdHeader, references, text.isBlank()))
                .build();
    }

    /**
     * One fetch of the whole raw mail, then everything is parsed locally (an IMAP message would otherwise cost a round
     * trip per header block and body part). A lost connection is thrown, to be retried next poll; a mail the server
     * cannot deliver {@value #MAX_FETCH_ATTEMPTS} times in a row is skipped as unreadable instead of blocking forever.
     */
    private Optional<MimeMessage> fetch(ChannelBinding binding, MimeMessage remote) throws MessagingException {
        String key = binding.tenantId().value() + "/" + binding.id() + "/" + remote.getMessageNumber();
        try {
            MimeMessage copy = new MimeMessage(remote);
            failedFetches.remove(key);
            return Optional.of(copy);
        } catch (FolderClosedException | StoreClosedException connectionLost) {
            throw connectionLost;
        } catch (MessagingException unreadable) {
            if (failedFetches.merge(key, 1, Integer::sum) < MAX_FETCH_ATTEMPTS) {
                throw unreadable;
            }
            failedFetches.remove(key);
            log.warn(
                    "{}: mail {} could not be read {} times; skipped: {}",
                    binding,
                    key,
                    MAX_FETCH_ATTEMPTS,
                    unreadable.toString());
            outcomes.skipped(binding, UNREADABLE, null, null);
            return Optional.empty();
        }
    }

    private static Map<String, String> metadata(
            MimeMessage mail, String messageId, List<String> references, boolean attachmentsOnly)
            throws MessagingException {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(META_MESSAGE_ID, messageId);
        if (attachmentsOnly) {
            metadata.put(GatewayMessage.NO_TEXT, "true");
        }
        if (!references.isEmpty()) {
            metadata.put(META_REFERENCES, String.join(" ", references));
        }
        EmailAddresses.replyAddress(mail).ifPresent(address -> metadata.put(META_REPLY_TO, address));
        EmailAddresses.senderName(mail).ifPresent(name -> metadata.put(META_SENDER_NAME, name));
        return metadata;
    }

    /** The mail's Message-ID; one derived from its content when it has none, so a re-read still de-duplicates. */
    private static String messageId(MimeMessage mail) throws MessagingException, IOException {
        List<String> ids = EmailAddresses.messageIds(mail.getHeader("Message-ID", " "));
        if (!ids.isEmpty()) {
            return ids.get(0);
        }
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        mail.writeTo(raw);
        return "<sha256." + ChannelSignatures.sha256Hex(raw.toByteArray()) + "@no-message-id.invalid>";
    }

    private static String language(MimeMessage mail) {
        try {
            String[] languages = mail.getContentLanguage();
            return languages == null || languages.length == 0 ? null : languages[0];
        } catch (MessagingException malformed) {
            return null;
        }
    }
}
