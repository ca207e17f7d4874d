package com.assistantgateway.adapters.email;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * The readable text and the attachments of a MIME message. In {@code multipart/alternative} the plain part wins and
 * HTML is turned into text only when there is no plain part. Transfer encodings are decoded by Jakarta Mail; charsets
 * (including aliases Java does not know by the MIME name) by {@link MimeUtility#javaCharset}; undecodable bytes become
 * replacement characters instead of failing the mail.
 */
record MailContent(String text, List<Attachment> attachments) {

    record Attachment(String fileName, String contentType, byte[] content) {}

    static MailContent of(Part message) throws MessagingException, IOException {
        List<Attachment> attachments = new ArrayList<>();
        String text = walk(message, attachments);
        return new MailContent(text == null ? "" : text.strip(), List.copyOf(attachments));
    }

    /** Malformed structure (bad parameters, missing boundaries) degrades to the part's raw text, never a failure. */
    private static String walk(Part part, List<Attachment> attachments) throws MessagingException, IOException {
        try {
            return walkStrict(part, attachments);
        } catch (MessagingException | IOException malformed) {
            String raw = new String(rawBytes(part), StandardCharsets.UTF_8);
            return raw.contains("<html") || raw.contains("<HTML") ? htmlToText(raw) : raw;
        }
    }

    private static String walkStrict(Part part, List<Attachment> attachments) throws MessagingException, IOException {
        if (isAttachment(part)) {
            attachments.add(new Attachment(fileName(part), baseType(part), bytes(part)));
            return null;
        }
        if (part.isMimeType("multipart/alternative")) {
            Multipart alternatives = multipart(part);
            String html = null;
            for (int i = 0; i < alternatives.getCount(); i++) {
                BodyPart alternative = alternatives.getBodyPart(i);
                if (alternative.isMimeType("text/plain")) {
                    return text(alternative);
                }
                if (alternative.isMimeType("text/html")) {
                    html = htmlToText(text(alternative));
                } else if (html == null && alternative.isMimeType("multipart/*")) {
                    html = walk(alternative, attachments);
                }
            }
            return html;
        }
        if (part.isMimeType("multipart/*")) {
            Multipart parts = multipart(part);
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < parts.getCount(); i++) {
                String partText = walk(parts.getBodyPart(i), attachments);
                if (partText != null && !partText.isBlank()) {
                    text.append(text.isEmpty() ? "" : "\n\n").append(partText.strip());
                }
            }
            return text.toString();
        }
        if (part.isMimeType("text/plain") || part.getContentType() == null) {
            return text(part);
        }
        if (part.isMimeType("text/html")) {
            return htmlToText(text(part));
        }
        if (part.isMimeType("message/rfc822")) {
            attachments.add(new Attachment(fileName(part), "message/rfc822", bytes(part)));
            return null;
        }
        attachments.add(new Attachment(fileName(part), baseType(part), bytes(part)));
        return null;
    }

    static String htmlToText(String html) {
        Document document = Jsoup.parse(html);
        document.select("blockquote, style, script, head").remove();
        document.outputSettings().prettyPrint(false);
        document.select("br").append("\\n");
        document.select("p, div, li, tr, h1, h2, h3, h4").prepend("\\n");
        return document.text()
                .replace("\\n", "\n")
                .replaceAll("[ \\t]*\n[ \\t]*", "\n")
                .replaceAll("\n{3,}", "\n\n")
                .strip();
    }

    private static boolean isAttachment(Part part) throws MessagingException {
        String disposition = disposition(part);
        boolean named = fileName(part) != null;
        return Part.ATTACHMENT.equalsIgnoreCase(disposition)
                || (Part.INLINE.equalsIgnoreCase(disposition) && named && !part.isMimeType("text/*"));
    }

    /** The disposition, also when its parameters are not valid MIME (raw 8-bit file names are common). */
    private static String disposition(Part part) throws MessagingException {
        try {
            return part.getDisposition();
        } catch (ParseException malformed) {
            String[] raw = part.getHeader("Content-Disposition");
            return raw == null ? null : raw[0].split(";", 2)[0].trim();
        }
    }

    private static Multipart multipart(Part part) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            return multipart;
        }
        throw new MessagingException("a multipart without parts");
    }

    private static String text(Part part) throws MessagingException, IOException {
        byte[] raw = bytes(part);
        return new String(raw, charset(part));
    }

    private static Charset charset(Part part) {
        try {
            String declared = new ContentType(part.getContentType()).getParameter("charset");
            // Undeclared: UTF-8 decodes 7-bit mail and most of today's 8-bit mail.
            return declared == null
                    ? StandardCharsets.UTF_8
                    : Charset.forName(MimeUtility.javaCharset(declared.trim()));
        } catch (Exception unknownOrMissing) {
            return StandardCharsets.UTF_8;
        }
    }

    private static byte[] bytes(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException | MessagingException undecodable) {
            // An unknown transfer encoding (x-uuencode, "spam"): keep the raw bytes rather than lose the mail.
            return rawBytes(part);
        }
    }

    private static byte[] rawBytes(Part part) throws MessagingException, IOException {
        if (part instanceof MimeBodyPart body) {
            try (InputStream raw = body.getRawInputStream()) {
                return raw.readAllBytes();
            }
        }
        if (part instanceof MimeMessage message) {
            try (InputStream raw = message.getRawInputStream()) {
                return raw.readAllBytes();
            }
        }
        throw new MessagingException("cannot read the part");
    }

    private static String fileName(Part part) throws MessagingException {
        String name;
        try {
            name = part.getFileName();
        } catch (ParseException malformed) {
            name = rawParameter(part, "Content-Disposition", "filename");
            if (name == null) {
                name = rawParameter(part, "Content-Type", "name");
            }
        }
        if (name == null) {
            return null;
        }
        try {
            return rawUtf8(MimeUtility.decodeText(name));
        } catch (UnsupportedEncodingException e) {
            return rawUtf8(name);
        }
    }

    private static String rawParameter(Part part, String header, String parameter) throws MessagingException {
        String[] raw = part.getHeader(header);
        if (raw == null) {
            return null;
        }
        Matcher matcher = Pattern.compile("(?i);\\s*" + parameter + "\\s*=\\s*\"?([^\";]+)\"?")
                .matcher(raw[0]);
        return matcher.find() ? matcher.group(1).trim() : null;
    }

    /**
     * Headers with raw UTF-8 (RFC 6532, and many clients that never heard of it) reach us read as Latin-1; when the
     * bytes are valid UTF-8 they were meant as UTF-8.
     */
    static String rawUtf8(String header) {
        if (header == null
                || header.chars().allMatch(c -> c < 0x80)
                || header.chars().anyMatch(c -> c > 0xFF)) {
            return header;
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(header.getBytes(StandardCharsets.ISO_8859_1)))
                    .toString();
        } catch (java.nio.charset.CharacterCodingException notUtf8) {
            return header;
        }
    }

    private static String baseType(Part part) throws MessagingException {
        try {
            return new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
        } catch (Exception unparsable) {
            return "application/octet-stream";
        }
    }
}
