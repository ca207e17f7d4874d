package com.assistantgateway.adapters.email;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Loop and bounce safety: which mail must never be answered. Answering an auto-reply or a bounce starts a mail loop;
 * answering list mail spams a list. The reason codes are what admins see counted.
 */
final class MailScreen {

    static final String AUTO_SUBMITTED = "auto-submitted";
    static final String BULK = "bulk";
    static final String MAILING_LIST = "mailing-list";
    static final String DAEMON_SENDER = "daemon-sender";
    static final String DELIVERY_REPORT = "delivery-report";
    static final String OWN_MAIL = "own-mail";
    static final String NO_SENDER = "no-sender";

    private static final Pattern DAEMON = Pattern.compile(
            "^(mailer-daemon|postmaster|no-?reply|do-?not-?reply|bounces?|noreply-[^@]*)([+@].*)?$",
            Pattern.CASE_INSENSITIVE);

    private MailScreen() {}

    /** Why this mail must not be answered, or empty to answer it. */
    static Optional<String> reasonToSkip(MimeMessage mail, String ownAddress, String ownDomain)
            throws MessagingException {
        String autoSubmitted = header(mail, "Auto-Submitted");
        if (autoSubmitted != null
                && !autoSubmitted.trim().toLowerCase(Locale.ROOT).startsWith("no")) {
            return Optional.of(AUTO_SUBMITTED);
        }
        if (header(mail, "X-Autoreply") != null
                || header(mail, "X-Autorespond") != null
                || "all".equalsIgnoreCase(trim(header(mail, "X-Auto-Response-Suppress")))
                        && header(mail, "In-Reply-To") == null) {
            return Optional.of(AUTO_SUBMITTED);
        }
        String precedence = trim(header(mail, "Precedence"));
        if (precedence != null && precedence.toLowerCase(Locale.ROOT).matches("bulk|list|junk|auto_reply")) {
            return Optional.of(precedence.equalsIgnoreCase("list") ? MAILING_LIST : BULK);
        }
        if (header(mail, "List-Id") != null || header(mail, "List-Unsubscribe") != null) {
            return Optional.of(MAILING_LIST);
        }
        if (mail.isMimeType("multipart/report")) {
            return Optional.of(DELIVERY_REPORT);
        }
        String messageId = trim(header(mail, "Message-ID"));
        if (messageId != null && ReplyMail.isOurs(messageId, ownDomain)) {
            return Optional.of(OWN_MAIL);
        }
        Optional<String> sender = EmailAddresses.sender(mail);
        if (sender.isEmpty()) {
            return Optional.of(NO_SENDER);
        }
        if (sender.get().equalsIgnoreCase(ownAddress)) {
            return Optional.of(OWN_MAIL);
        }
        String local = sender.get().substring(0, Math.max(0, sender.get().indexOf('@')));
        String returnPath = trim(header(mail, "Return-Path"));
        if (DAEMON.matcher(local).matches() || "<>".equals(returnPath)) {
            return Optional.of(DAEMON_SENDER);
        }
        return Optional.empty();
    }

    private static String header(MimeMessage mail, String name) throws MessagingException {
        return mail.getHeader(name, ",");
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }
}
