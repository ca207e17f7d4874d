package com.assistantgateway.adapters.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.assistantgateway.adapters.FixedBindings;
import com.assistantgateway.routes.backbone.ChannelOutcomes;
import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.AttachmentRef;
import com.assistantgateway.routes.message.BindingId;
import com.assistantgateway.routes.message.ChannelId;
import com.assistantgateway.routes.message.ConversationId;
import com.assistantgateway.routes.message.GatewayMessage;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.AttachmentStore;
import com.assistantgateway.routes.port.ChannelBinding;
import com.assistantgateway.routes.port.MessageLedger;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EmailInboundTest {

    static final TenantId ACME = new TenantId("acme");
    static final ChannelBinding BINDING = new ChannelBinding(
            new BindingId("mail"),
            ACME,
            new AssistantId("support"),
            EmailBinding.CHANNEL,
            "help@acme.example",
            EmailBinding.settings("imap", "localhost", 3143, "smtp", "localhost", 3025),
            EmailBinding.credentials("help@acme.example", "secret"));

    final MessageLedger ledger = mock(MessageLedger.class);
    final AttachmentStore attachments = mock(AttachmentStore.class);
    final ChannelOutcomes outcomes = mock(ChannelOutcomes.class);
    final EmailInbound inbound = new EmailInbound(
            FixedBindings.of(BINDING), ledger, attachments, outcomes, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

    @Test
    void realMailWithAPdfBecomesAMessageWithTheAttachmentByReference() throws Exception {
        MimeMessage mail = RealMail.load("attachment_emails/attachment_pdf.eml");
        when(attachments.store(eq(ACME), any(), anyString(), eq("application/pdf"), any()))
                .thenReturn(new AttachmentRef("attachment:acme/x/0-test.pdf", "application/pdf", "test.pdf", 10L));

        GatewayMessage message = inbound.normalize("acme", "mail", mail);

        assertThat(message.channel()).isEqualTo(new ChannelId("email"));
        assertThat(message.from()).isEqualTo("xxxx@xxxx.com");
        assertThat(message.channelMessageId()).isEqualTo("<xxxx@xxxx.com>");
        assertThat(message.attachments())
                .extracting(AttachmentRef::uri)
                .containsExactly("attachment:acme/x/0-test.pdf");
        assertThat(message.metadata()).containsEntry(EmailInbound.META_MESSAGE_ID, "<xxxx@xxxx.com>");
    }

    @Test
    void aReplyWhoseReferencesHoldAKnownMessageJoinsThatConversation() throws Exception {
        MimeMessage reply = RealMail.load("plain_emails/raw_email_reply.eml");
        ConversationId known = new ConversationId("known-thread");
        when(ledger.thread(eq(ACME), eq(new BindingId("mail")), anyString(), anyCollection()))
                .thenReturn(Optional.of(known));

        GatewayMessage message = inbound.normalize("acme", "mail", reply);

        assertThat(message.conversationId()).isEqualTo(known);
        assertThat(message.text()).doesNotContain("\n>");
    }

    @Test
    void anAutoReplyIsSkippedAndCounted() throws Exception {
        MimeMessage mail = RealMail.load("plain_emails/raw_email.eml");
        mail.setHeader("Auto-Submitted", "auto-replied");

        assertThat(inbound.normalize("acme", "mail", mail)).isNull();
        verify(outcomes).skipped(eq(BINDING), eq("auto-submitted"), any(), any());
    }

    @Test
    void ourOwnReplyComingBackIsSkipped() throws Exception {
        MimeMessage mail = RealMail.load("plain_emails/raw_email.eml");
        mail.setHeader("Message-ID", "<gw.4f1c2a9e-0000-4000-8000-000000000001@acme.example>");

        assertThat(inbound.normalize("acme", "mail", mail)).isNull();
        verify(outcomes).skipped(eq(BINDING), eq("own-mail"), any(), any());
    }

    @Test
    void aMailTheServerCannotDeliverIsRetriedThenSkippedAsUnreadable() throws Exception {
        MimeMessage broken = new MimeMessage(jakarta.mail.Session.getInstance(new java.util.Properties())) {
            @Override
            public void writeTo(java.io.OutputStream out) throws jakarta.mail.MessagingException {
                throw new jakarta.mail.MessagingException("Cannot load header");
            }
        };

        for (int attempt = 1; attempt < EmailInbound.MAX_FETCH_ATTEMPTS; attempt++) {
            assertThatThrownBy(() -> inbound.normalize("acme", "mail", broken))
                    .isInstanceOf(jakarta.mail.MessagingException.class);
        }
        assertThat(inbound.normalize("acme", "mail", broken)).isNull();
        verify(outcomes).skipped(eq(BINDING), eq("unreadable"), any(), any());
    }

    @Test
    void aLostConnectionIsAlwaysRetriedNeverSkipped() throws Exception {
        MimeMessage unreachable = new MimeMessage(jakarta.mail.Session.getInstance(new java.util.Properties())) {
            @Override
            public void writeTo(java.io.OutputStream out) throws jakarta.mail.MessagingException {
                throw new jakarta.mail.StoreClosedException(null, "connection reset");
            }
        };

        for (int attempt = 0; attempt < EmailInbound.MAX_FETCH_ATTEMPTS + 2; attempt++) {
            assertThatThrownBy(() -> inbound.normalize("acme", "mail", unreachable))
                    .isInstanceOf(jakarta.mail.StoreClosedException.class);
        }
        verify(outcomes, org.mockito.Mockito.never()).skipped(any(), any(), any(), any());
    }

    @Test
    void aMailWithoutMessageIdGetsAStableOneSoAReReadStillDeduplicates() throws Exception {
        MimeMessage first = RealMail.load("plain_emails/raw_email.eml");
        first.removeHeader("Message-ID");
        MimeMessage again = RealMail.load("plain_emails/raw_email.eml");
        again.removeHeader("Message-ID");

        assertThat(inbound.normalize("acme", "mail", first).channelMessageId())
                .isEqualTo(inbound.normalize("acme", "mail", again).channelMessageId())
                .endsWith("@no-message-id.invalid>");
    }
}
