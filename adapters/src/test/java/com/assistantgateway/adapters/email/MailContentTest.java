package com.assistantgateway.adapters.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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

    /**
     * Every stored real-world mail is read without an exception (none may stop a mailbox), and what the assistant
     * gets is text: no part headers, no boundary line of the mail's own structure.
     */
    @ParameterizedTest
    @MethodSource("everyStoredMail")
    void everyRealWorldMailIsReadAsTextWithoutItsMimeStructure(String file) throws Exception {
        MailContent content = MailContent.of(RealMail.load(file));

        assertThat(content.text())
                .isNotNull()
                .doesNotContainPattern("(?im)^content-(type|transfer-encoding|disposition):");
        for (String boundary :
                boundaries(Files.readString(RealMail.RUBY_MAIL.resolve(file), StandardCharsets.ISO_8859_1))) {
            assertThat(content.text()).as("boundary " + boundary).doesNotContain("--" + boundary);
        }
    }

    @Test
    void anUnquotedBoundaryWithAnEqualsSignIsSplitAsTheClientMeantIt() throws Exception {
        MailContent content = MailContent.of(RealMail.load("mime_emails/raw_email_with_illegal_boundary.eml"));

        assertThat(content.text())
                .startsWith("Hello")
                .contains("This is an outlook test", "So there.")
                .doesNotContain("NextPart", "MIME format", "<META");
    }

    @Test
    void aDoubleSemicolonInTheContentTypeStillFindsThePlainPart() throws Exception {
        MailContent content = MailContent.of(mail(
                "Content-Type: multipart/alternative;; boundary=\"alt-1\"",
                "--alt-1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nWhere is my order?\r\n"
                        + "--alt-1\r\nContent-Type: text/html\r\n\r\n<p>Where is my order?</p>\r\n--alt-1--\r\n"));

        assertThat(content.text()).isEqualTo("Where is my order?");
    }

    @Test
    void anOverlongBoundaryAndAMissingInnerStartBoundaryLeaveOnlyTheHumanText() throws Exception {
        String outer = "o".repeat(120);
        MailContent content = MailContent.of(mail(
                "Content-Type: multipart/mixed; boundary=\"" + outer + "\"",
                "--" + outer + "\r\nContent-Type: multipart/alternative; boundary=\"inner-1\"\r\n\r\n"
                        + "Content-Type: text/plain\r\n\r\nMy brake caliper squeaks.\r\n--inner-1--\r\n"
                        + "--" + outer + "--\r\n"));

        assertThat(content.text())
                .contains("My brake caliper squeaks.")
                .doesNotContain("Content-Type", "inner-1", outer);
    }

    @Test
    void aForwardedMessageIsShownBelowTheTextAndKeptAsAnAttachment() throws Exception {
        MailContent content = MailContent.of(RealMail.load("attachment_emails/attachment_message_rfc822.eml"));

        assertThat(content.text())
                .startsWith("This is the first part.")
                .contains("---------- Forwarded message ----------\nFrom: Test Tester <xxxx@xxxx.com>")
                .contains("Subject: Another PDF")
                .contains("Just attaching another PDF");
        assertThat(content.attachments())
                .extracting(MailContent.Attachment::contentType)
                .contains("message/rfc822");
    }

    @Test
    void aNamedTextPartWithoutDispositionIsAnAttachmentNotMoreOfTheMessage() throws Exception {
        MailContent content = MailContent.of(
                mail(
                        "Content-Type: multipart/mixed; boundary=\"m-1\"",
                        "--m-1\r\nContent-Type: text/plain\r\n\r\nPlease see my notes.\r\n"
                                + "--m-1\r\nContent-Type: text/plain; name=\"notes.txt\"\r\n\r\nline 1 of my notes\r\n--m-1--\r\n"));

        assertThat(content.text()).isEqualTo("Please see my notes.");
        assertThat(content.attachments()).singleElement().satisfies(notes -> {
            assertThat(notes.fileName()).isEqualTo("notes.txt");
            assertThat(new String(notes.content(), StandardCharsets.UTF_8)).contains("line 1 of my notes");
        });
    }

    @Test
    void uuencodedAndGzip64DataAreAttachmentsNotText() throws Exception {
        MailContent content = MailContent.of(mail(
                "Content-Type: multipart/mixed; boundary=\"m-2\"",
                "--m-2\r\nContent-Type: text/plain\r\n\r\nHere is the file.\r\n\r\nbegin 644 hello.txt\r\n"
                        + ",:&5L;&\\@=V]R;&0*\r\n`\r\nend\r\n"
                        + "--m-2\r\nContent-Type: text/plain; name=\"log.gz\"\r\nContent-Transfer-Encoding: x-gzip64\r\n\r\n"
                        + "H4sIAAAAAAAAA8tIzcnJBwCGphA2BQAAAA==\r\n--m-2--\r\n"));

        assertThat(content.text()).isEqualTo("Here is the file.");
        assertThat(content.attachments())
                .extracting(MailContent.Attachment::fileName)
                .containsExactly("hello.txt", "log.gz");
        assertThat(new String(content.attachments().get(0).content(), StandardCharsets.UTF_8))
                .isEqualTo("hello world\n");
    }

    private static jakarta.mail.internet.MimeMessage mail(String contentType, String body) throws Exception {
        String source = "From: ann@customer.example\r\nTo: support@demo.example\r\nSubject: Help\r\n"
                + "MIME-Version: 1.0\r\n" + contentType + "\r\n\r\n" + body;
        return new jakarta.mail.internet.MimeMessage(
                jakarta.mail.Session.getInstance(new java.util.Properties()),
                new java.io.ByteArrayInputStream(source.getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static List<String> boundaries(String source) {
        java.util.regex.Matcher declared = java.util.regex.Pattern.compile(
                        "(?i)boundary\\s*=\\s*(\"([^\"]+)\"|([^;\\s]+))")
                .matcher(source);
        List<String> found = new java.util.ArrayList<>();
        while (declared.find()) {
            found.add(declared.group(2) != null ? declared.group(2) : declared.group(3));
        }
        return found;
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
