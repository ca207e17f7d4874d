package com.assistantgateway.gateway.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.assistantgateway.adapters.email.EmailBinding;
import com.assistantgateway.admin.channels.JdbcChannelState;
import com.assistantgateway.admin.ledger.JdbcMessageLedger;
import com.assistantgateway.admin.limits.BucketInboundLimits;
import com.assistantgateway.admin.limits.TenantLimits;
import com.assistantgateway.admin.registry.NewBinding;
import com.assistantgateway.admin.registry.TenantRegistry;
import com.assistantgateway.gateway.Mailboxes;
import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.BindingId;
import com.assistantgateway.routes.message.Direction;
import com.assistantgateway.routes.message.GatewayMessage;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.AttachmentStore;
import com.assistantgateway.routes.port.SkippedMessage;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The demo tenant's mailbox on a real IMAP/SMTP server (GreenMail): mail in, answer out in the same thread, threads
 * kept apart per sender, and robots never answered.
 */
class EmailChannelTest extends ChannelsTestSupport {

    static final TenantId DEMO = new TenantId("demo");
    static final Path RUBY_MAIL = Path.of("../testdata/email/ruby-mail");

    @Autowired
    JdbcMessageLedger ledger;

    @Autowired
    JdbcChannelState channelState;

    @Autowired
    CamelContext camel;

    @Autowired
    TenantRegistry registry;

    @Autowired
    AttachmentStore attachments;

    @Autowired
    BucketInboundLimits limits;

    @Autowired
    MeterRegistry meters;

    @Test
    void bindingRoutesAreNamedByChannelTenantAndBinding() {
        assertThat(camel.getRoute("email.inbound.demo.email-demo")).isNotNull();
        assertThat(camel.getRoute("email.outbound.demo.email-demo")).isNotNull();
    }

    @Test
    void answersAMailInItsThreadAndAReplyToTheAnswerContinuesTheConversation() throws Exception {
        String customer = unique("ann") + "@customer.example";
        String question = "<" + UUID.randomUUID() + "@customer.example>";
        deliver(
                mail(
                        customer,
                        question,
                        "Warranty question",
                        null,
                        null,
                        "Hello,\n\nHow long is the warranty on a brake caliper?\n\nThanks,\nAnn\n-- \nAnn Smith, Smith Garage"));

        MimeMessage answer = awaitMailTo(customer, 1).get(0);
        assertThat(answer.getSubject()).isEqualTo("Re: Warranty question");
        assertThat(answer.getHeader("In-Reply-To", null)).isEqualTo(question);
        assertThat(answer.getHeader("References", null)).isEqualTo(question);
        assertThat(answer.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
        assertThat(((InternetAddress) answer.getFrom()[0]).getAddress()).isEqualTo(DEMO_MAILBOX);
        assertThat(((InternetAddress) answer.getFrom()[0]).getPersonal()).isEqualTo("Demo Car Parts");
        assertThat(body(answer)).contains("2 years");

        // Outlook sets only References on a reply; the quoted answer must not reach the assistant.
        String followUp = "<" + UUID.randomUUID() + "@customer.example>";
        deliver(mail(
                customer,
                followUp,
                "RE: Re: Warranty question",
                null,
                question + " " + answer.getMessageID(),
                "And what are your opening hours on Saturday?\n\n-----Original Message-----\nFrom: Demo Car Parts\n"
                        + "Sent: today\n\n" + body(answer)));

        MimeMessage second = awaitMailTo(customer, 2).get(1);
        assertThat(second.getSubject()).isEqualTo("RE: Re: Warranty question");
        assertThat(second.getHeader("In-Reply-To", null)).isEqualTo(followUp);
        assertThat(second.getHeader("References", null))
                .isEqualTo(question + " " + answer.getMessageID() + " " + followUp);

        var first = ledger.thread(DEMO, new BindingId("email-demo"), customer, List.of(question))
                .orElseThrow();
        var continued = ledger.thread(DEMO, new BindingId("email-demo"), customer, List.of(followUp))
                .orElseThrow();
        assertThat(continued).isEqualTo(first);
        List<GatewayMessage> thread = ledger.messages(DEMO, first);
        assertThat(thread)
                .extracting(GatewayMessage::direction)
                .containsExactly(Direction.INBOUND, Direction.OUTBOUND, Direction.INBOUND, Direction.OUTBOUND);
        assertThat(thread.get(0).text())
                .isEqualTo("Hello,\n\nHow long is the warranty on a brake caliper?\n\nThanks,\nAnn");
        assertThat(thread.get(2).text()).isEqualTo("And what are your opening hours on Saturday?");
    }

    @Test
    void twoPeopleReplyingToTheSameAnswerGetTwoConversations() throws Exception {
        String ann = unique("ann") + "@customer.example";
        String bob = unique("bob") + "@customer.example";
        String question = "<" + UUID.randomUUID() + "@customer.example>";
        deliver(mail(ann, question, "Returns", null, null, "Can I return a part I don't need?"));
        MimeMessage answer = awaitMailTo(ann, 1).get(0);

        // Bob was in Cc and replies to the same answer with the same References.
        String bobsReply = "<" + UUID.randomUUID() + "@customer.example>";
        deliver(mail(
                bob,
                bobsReply,
                "Re: Returns",
                answer.getMessageID(),
                question + " " + answer.getMessageID(),
                "What about returns of electrical parts?"));
        awaitMailTo(bob, 1);

        var annConversation = ledger.thread(DEMO, new BindingId("email-demo"), ann, List.of(question))
                .orElseThrow();
        var bobConversation = ledger.thread(DEMO, new BindingId("email-demo"), bob, List.of(bobsReply))
                .orElseThrow();
        assertThat(bobConversation).isNotEqualTo(annConversation);
    }

    @Test
    void aMailReadTwiceIsAnsweredOnce() throws Exception {
        String customer = unique("twice") + "@customer.example";
        String id = "<" + UUID.randomUUID() + "@customer.example>";
        MimeMessage original = mail(customer, id, "Shipping", null, null, "Do you ship to Belgium?");
        deliver(original);
        awaitMailTo(customer, 1);
        deliver(original); // the same mail again, as after a crash before it was marked seen

        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(mailTo(customer)).hasSize(1));
    }

    @Test
    void aMailReusingAMessageIdForOtherContentIsSkippedVisiblyAndTheFirstAnsweredOnce() throws Exception {
        String customer = unique("reuse") + "@customer.example";
        String messageId = "<" + UUID.randomUUID() + "@broken-mailer.example>";
        deliver(mail(customer, messageId, "Order", null, null, "Where is order 11?"));
        awaitMailTo(customer, 1);

        deliver(mail(customer, messageId, "Other order", null, null, "Please cancel order 12."));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(channelState.latest(DEMO, 50).stream()
                        .filter(s -> messageId.equals(s.channelMessageId()))
                        .map(SkippedMessage::reason))
                .containsExactly("repeated-id-other-content"));
        assertThat(mailTo(customer)).hasSize(1);
    }

    @Test
    void autoRepliesListMailAndBouncesAreSkippedAndCountedNeverAnswered() throws Exception {
        String robot = unique("robot") + "@customer.example";
        MimeMessage outOfOffice =
                mail(robot, "<" + UUID.randomUUID() + "@x>", "Out of office", null, null, "I am away.");
        outOfOffice.setHeader("Auto-Submitted", "auto-replied");
        MimeMessage newsletter = mail(robot, "<" + UUID.randomUUID() + "@x>", "News", null, null, "Our news.");
        newsletter.setHeader("List-Id", "<news.customer.example>");
        newsletter.setHeader("Precedence", "list");
        deliver(outOfOffice);
        deliver(newsletter);
        MimeMessage bounce = raw("multipart_report_emails/report_422.eml");
        String bounceId = bounce.getMessageID();
        deliver(bounce);

        // The bounce (a multipart/report) also says Auto-Submitted, as RFC 3464 reports do.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(channelState.latest(DEMO, 50).stream()
                        .filter(s -> robot.equals(s.sender()) || bounceId.equals(s.channelMessageId()))
                        .map(SkippedMessage::reason))
                .containsExactlyInAnyOrder("auto-submitted", "mailing-list", "auto-submitted"));
        assertThat(mailTo(robot)).isEmpty();
    }

    @Test
    void realWorldLatin1MailWithAnAttachmentIsAnsweredAndTheAttachmentKeptByReference() throws Exception {
        MimeMessage real = raw("attachment_emails/attachment_nonascii_filename.eml");
        String customer = unique("pdf") + "@customer.example";
        real.setFrom(new InternetAddress(customer));
        real.removeHeader("Reply-To");
        real.removeHeader("Message-ID");
        real.setHeader("Message-ID", "<" + UUID.randomUUID() + "@customer.example>");
        deliver(real);

        awaitMailTo(customer, 1);
        var conversation = ledger.thread(
                        DEMO, new BindingId("email-demo"), customer, List.of(real.getHeader("Message-ID", null)))
                .orElseThrow();
        GatewayMessage stored = ledger.messages(DEMO, conversation).get(0);
        assertThat(stored.text()).isEqualTo("This is the first part.");
        assertThat(stored.attachments()).singleElement().satisfies(attachment -> {
            assertThat(attachment.fileName()).isEqualTo("ciële.txt");
            assertThat(attachment.uri())
                    .startsWith("attachment:demo/" + stored.id().value() + "/");
        });
        // Kept in the shared database, so every instance of a cluster reads it; nothing of it on this one's disk.
        assertThat(attachments.read(DEMO, stored.attachments().get(0)))
                .hasValueSatisfying(bytes -> assertThat(new String(bytes, StandardCharsets.UTF_8).strip())
                        .isEqualTo("Hi there."));
        assertThat(attachments.read(new TenantId("globex"), stored.attachments().get(0)))
                .isEmpty();
        assertThat(dataDir.resolve("attachments/demo/" + stored.id().value())).doesNotExist();
    }

    @Test
    void aPop3MailboxIsAnsweredAndEachMailDeletedOnceItIsStored() throws Exception {
        String orders = "orders@demo-parts.example";
        if (registry.find(DEMO, new BindingId("email-pop")).isEmpty()) {
            mailServer.setUser(orders, orders, "pop-secret");
            Map<String, String> settings = new LinkedHashMap<>(EmailBinding.settings(
                    "pop3",
                    "localhost",
                    mailServer.getPop3().getPort(),
                    "smtp",
                    "localhost",
                    mailServer.getSmtp().getPort()));
            settings.put(EmailBinding.POLL_MILLIS, "200");
            registry.createBinding(
                    DEMO,
                    new NewBinding(
                            new BindingId("email-pop"),
                            new AssistantId("support"),
                            EmailBinding.CHANNEL,
                            orders,
                            settings,
                            EmailBinding.credentials(orders, "pop-secret")),
                    "test");
        }
        String customer = unique("pop") + "@customer.example";
        MimeMessage question = mail(
                customer,
                "<" + UUID.randomUUID() + "@customer.example>",
                "Delivery",
                null,
                null,
                "How long does shipping to Belgium take?");
        question.setRecipient(Message.RecipientType.TO, new InternetAddress(orders));
        deliver(question, orders);

        MimeMessage answer = awaitMailTo(customer, 1).get(0);
        assertThat(((InternetAddress) answer.getFrom()[0]).getAddress()).isEqualTo(orders);
        assertThat(answer.getHeader("In-Reply-To", null)).isEqualTo(question.getHeader("Message-ID", null));
        // POP3 keeps no flags: a mail is deleted from the server once it is stored and enqueued.
        await().atMost(Duration.ofSeconds(10))
                .until(() -> mailServer
                                .getManagers()
                                .getImapHostManager()
                                .getInbox(mailServer.getUserManager().getUser(orders))
                                .getMessageCount()
                        == 0);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void mailOverItsSendersLimitStaysUnseenOnTheServerUntilTheLimitAllowsItThenIsAnswered(CapturedOutput log)
            throws Exception {
        String customer = unique("flood") + "@customer.example";
        limits.set(DEMO, new TenantLimits(0, 1, 0), "test");
        try {
            for (String question :
                    List.of("Do you ship to Belgium?", "Do you ship to Spain?", "Do you ship to Italy?")) {
                deliver(mail(customer, "<" + UUID.randomUUID() + "@customer.example>", question, null, null, question));
            }

            awaitMailTo(customer, 1);
            // Each poll meets the two over the limit again and leaves them where they are.
            await().atMost(Duration.ofSeconds(30)).until(() -> held() >= 4);
            assertThat(unseenFrom(customer)).isEqualTo(2);
            assertThat(mailTo(customer)).hasSize(1);
        } finally {
            limits.set(DEMO, null, "test");
        }

        assertThat(awaitMailTo(customer, 3)).hasSize(3);
        await().atMost(Duration.ofSeconds(10)).until(() -> unseenFrom(customer) == 0);
        // Held is not failed: no warning, no stack trace, at any of the polls that met them.
        assertThat(log.getOut()).doesNotContain("HeldOverLimit", "rolling back message status");
    }

    private double held() {
        return meters.counter("gateway.limits.held", "tenant", "demo", "channel", "email", "limit", "sender")
                .count();
    }

    private static long unseenFrom(String sender) throws Exception {
        return Mailboxes.unseenFrom(mailServer, DEMO_MAILBOX, sender);
    }

    static MimeMessage mail(
            String from, String messageId, String subject, String inReplyTo, String references, String text)
            throws MessagingException {
        MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()));
        mail.setFrom(new InternetAddress(from));
        mail.setRecipient(Message.RecipientType.TO, new InternetAddress(DEMO_MAILBOX));
        mail.setSubject(subject, "UTF-8");
        mail.setText(text, "UTF-8");
        mail.saveChanges();
        mail.setHeader("Message-ID", messageId);
        if (inReplyTo != null) {
            mail.setHeader("In-Reply-To", inReplyTo);
        }
        if (references != null) {
            mail.setHeader("References", references);
        }
        return mail;
    }

    /** A stored real-world mail; its mbox "From " separator line, where it has one, is not part of the message. */
    static MimeMessage raw(String file) throws IOException, MessagingException {
        byte[] bytes = Files.readAllBytes(RUBY_MAIL.resolve(file));
        String start = new String(bytes, 0, Math.min(5, bytes.length), StandardCharsets.US_ASCII);
        int offset = 0;
        if (start.equals("From ")) {
            while (offset < bytes.length && bytes[offset] != '\n') {
                offset++;
            }
            offset++;
        }
        try (InputStream in = new java.io.ByteArrayInputStream(bytes, offset, bytes.length - offset)) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        }
    }

    /** Sends as is: Transport.sendMessage does not rewrite the Message-ID the way Transport.send would. */
    static void deliver(MimeMessage mail) throws MessagingException {
        deliver(mail, DEMO_MAILBOX);
    }

    static void deliver(MimeMessage mail, String mailbox) throws MessagingException {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "localhost");
        properties.put("mail.smtp.port", Integer.toString(mailServer.getSmtp().getPort()));
        Session session = Session.getInstance(properties);
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            transport.sendMessage(mail, new Address[] {new InternetAddress(mailbox)});
        }
    }

    static List<MimeMessage> awaitMailTo(String recipient, int count) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> mailTo(recipient), mails -> mails.size() >= count);
    }

    static List<MimeMessage> mailTo(String recipient) {
        return Arrays.stream(mailServer.getReceivedMessages())
                .filter(mail -> {
                    try {
                        return mail.getRecipients(Message.RecipientType.TO) != null
                                && ((InternetAddress) mail.getRecipients(Message.RecipientType.TO)[0])
                                        .getAddress()
                                        .equalsIgnoreCase(recipient);
                    } catch (MessagingException e) {
                        return false;
                    }
                })
                .toList();
    }

    static String body(MimeMessage mail) throws IOException, MessagingException {
        return new String(mail.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
