package com.assistantgateway.adapters.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MailContentTest {

    @Test
    void multipartAlternativePrefersThePlainPart() throws Exception {
        MailContent content = MailContent.of(RealMail.load("mime_emails/raw_email7.eml"));

        assertThat(content.text()).isNotBlank().doesNotContain("<html", "<p>", "<div");
    }

    @Test
    void latin1QuotedPrintableBodyIsDecoded() throws Exception {
        MailContent content = MailContent.of(RealMail.load("plain_emails/raw_email_quoted_with_0d0a.eml"));

        assertThat(content.text()).isNotBlank().doesNotContain("=20", "=0D");
    }

    @Test
    void pdfAttachmentIsKeptAsAnAttachmentNotAsText() throws Exception {
        MailContent content = MailContent.of(RealMail.load("attachment_emails/attachment_pdf.eml"));

        assertThat(content.attachments()).hasSize(1);
        assertThat(content.attachments().get(0).contentType()).isEqualTo("application/pdf");
        assertThat(content.attachments().get(0).content()).startsWith("%PDF".getBytes());
        assertThat(content.text()).doesNotContain("%PDF");
    }

    @Test
    void anAttachmentWithARawUtf8FileNameIsStillAnAttachment() throws Exception {
        MailContent content = MailContent.of(RealMail.load("attachment_emails/attachment_nonascii_filename.eml"));

        assertThat(content.text()).isEqualTo("This is the first part.");
        assertThat(content.attachments()).singleElement().satisfies(attachment -> {
            assertThat(attachment.fileName()).isEqualTo("ciële.txt");
            assertThat(new String(attachment.content(), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualToIgnoringNewLines("Hi there.");
        });
    }

    @Test
    void shiftJisMailIsDecodedToJapaneseText() throws Exception {
        MailContent content = MailContent.of(RealMail.load("multi_charset/japanese_shift_jis.eml"));

        assertThat(content.text()).containsPattern("[\\u3040-\\u30ff\\u4e00-\\u9fff]");
    }

    @Test
    void htmlOnlyMailBecomesReadableText() {
        String text = MailContent.htmlToText(
                "<html><head><style>p{}</style></head><body><p>Hello <b>Ann</b>,</p><p>Line two<br>Line three</p>"
                        + "<blockquote>quoted earlier mail</blockquote></body></html>");

        assertThat(text).isEqualTo("Hello Ann,\nLine two\nLine three");
    }

    /** Every stored real-world mail is read without an exception: none may stop a mailbox. */
    @ParameterizedTest
    @MethodSource("everyStoredMail")
    void everyRealWorldMailIsReadWithoutFailing(String file) throws Exception {
        MailContent content = MailContent.of(RealMail.load(file));

        assertThat(content.text()).isNotNull();
    }

    static Stream<String> everyStoredMail() throws Exception {
        try (Stream<java.nio.file.Path> files = Files.walk(RealMail.RUBY_MAIL)) {
            List<String> mails = files.filter(p -> p.toString().endsWith(".eml"))
                    .map(p -> RealMail.RUBY_MAIL.relativize(p).toString())
                    .sorted()
                    .toList();
            return mails.stream();
        }
    }
}
