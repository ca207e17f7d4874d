package com.assistantgateway.gateway;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;

/** What a real mail server (GreenMail) holds in a mailbox, as its IMAP side keeps it. */
public final class Mailboxes {

    private Mailboxes() {}

    /** The sender's mails in the mailbox that nobody has read yet (IMAP's \Seen flag). */
    public static long unseenFrom(GreenMail server, String mailbox, String sender) throws Exception {
        return server
                .getManagers()
                .getImapHostManager()
                .getInbox(server.getUserManager().getUser(mailbox))
                .getMessages()
                .stream()
                .filter(stored -> !stored.getFlags().contains(Flags.Flag.SEEN))
                .filter(stored -> {
                    try {
                        return ((InternetAddress) stored.getMimeMessage().getFrom()[0])
                                .getAddress()
                                .equals(sender);
                    } catch (MessagingException e) {
                        return false;
                    }
                })
                .count();
    }
}
