package com.assistantgateway.adapters.email;

import com.assistantgateway.routes.message.GatewayMessage;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.util.Locale;
import java.util.Properties;

/**
 * An outgoing mail that remembers the reply it carries. Its Message-ID is derived from the reply's id, so a resend
 * after a crash carries the same Message-ID (clients show it once) and a customer's answer to it finds the thread.
 */
public final class ReplyMail extends MimeMessage {

    private static final Session NO_SESSION = Session.getInstance(new Properties());
    private static final String PREFIX = "<gw.";

    private final GatewayMessage reply;
    private final String messageId;

    ReplyMail(GatewayMessage reply, String domain) {
        super(NO_SESSION);
        this.reply = reply;
        this.messageId = PREFIX + reply.id().value() + "@" + domain + ">";
    }

    public GatewayMessage reply() {
        return reply;
    }

    public String messageId() {
        return messageId;
    }

    /** Whether a Message-ID is one of the gateway's own for this domain. */
    static boolean isOurs(String messageId, String domain) {
        String id = messageId.trim().toLowerCase(Locale.ROOT);
        return id.startsWith(PREFIX) && id.endsWith("@" + domain + ">");
    }

    @Override
    protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
    }
}
