package com.assistantgateway.adapters.email;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Addresses and Message-IDs as mail clients really write them (lenient: real headers are often malformed). */
final class EmailAddresses {

    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");

    private EmailAddresses() {}

    /** The sender's bare address, lower-cased: the participant a thread is scoped by. */
    static Optional<String> sender(MimeMessage mail) throws MessagingException {
        Address[] from;
        try {
            from = mail.getFrom();
        } catch (MessagingException unparsable) {
            from = InternetAddress.parseHeader(mail.getHeader("From", ","), false);
        }
        if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress address)) {
            return Optional.empty();
        }
        String plain = address.getAddress();
        return plain == null || !plain.contains("@") ? Optional.empty() : Optional.of(plain.toLowerCase(Locale.ROOT));
    }

    static Optional<String> senderName(MimeMessage mail) {
        try {
            Address[] from = mail.getFrom();
            return from != null && from.length > 0 && from[0] instanceof InternetAddress address
                    ? Optional.ofNullable(address.getPersonal())
                    : Optional.empty();
        } catch (MessagingException unparsable) {
            return Optional.empty();
        }
    }

    /** Where a reply goes: Reply-To when it names one address, else the sender. */
    static Optional<String> replyAddress(MimeMessage mail) throws MessagingException {
        try {
            String replyTo = mail.getHeader("Reply-To", ",");
            if (replyTo != null) {
                InternetAddress[] addresses = InternetAddress.parseHeader(replyTo, false);
                if (addresses.length == 1 && addresses[0].getAddress() != null) {
                    return Optional.of(addresses[0].getAddress());
                }
            }
        } catch (MessagingException unparsable) {
            // fall back to the sender
        }
        return sender(mail);
    }

    /** The Message-IDs in a header (In-Reply-To, References), in order; invalid entries are dropped. */
    static List<String> messageIds(String header) {
        List<String> ids = new ArrayList<>();
        if (header == null) {
            return ids;
        }
        Matcher matcher = MESSAGE_ID.matcher(header);
        while (matcher.find()) {
            if (matcher.group().contains("@")) {
                ids.add(matcher.group());
            }
        }
        return ids;
    }
}
