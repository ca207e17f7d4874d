package com.assistantgateway.adapters.email;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** Real-world messages from testdata/ (the mikel/mail test suite, MIT). */
final class RealMail {

    static final Path RUBY_MAIL = Path.of("../testdata/email/ruby-mail");

    private RealMail() {}

    /** The message in a stored file; an mbox "From " separator line, where there is one, is not part of it. */
    static MimeMessage load(String file) {
        try {
            byte[] bytes = Files.readAllBytes(RUBY_MAIL.resolve(file));
            int offset = 0;
            if (bytes.length > 5
                    && new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("From ")) {
                while (offset < bytes.length && bytes[offset] != '\n') {
                    offset++;
                }
                offset++;
            }
            return new MimeMessage(
                    Session.getInstance(new Properties()),
                    new ByteArrayInputStream(bytes, offset, bytes.length - offset));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
