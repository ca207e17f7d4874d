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
 * The readable text and the attachments of a MIME message, read as mail clients read it. In {@code
 * multipart/alternative} the plain part wins and HTML is turned into text only when there is no plain part; a
 * forwarded message ({@code message/rfc822}) is shown below the text, as clients show it; named parts, uuencoded
 * blocks and {@code x-gzip64} data are attachments, not text. Transfer encodings are decoded by Jakarta Mail; charsets
 * (including aliases Java does not know by the MIME name) by {@link MimeUtility#javaCharset}; undecodable bytes become
 * replacement characters instead of failing the mail. A structure Jakarta Mail refuses (an unquoted boundary with
 * {@code =}, a {@code ;;} in the header, a missing start boundary) is split by its boundary lines instead, and what
 * still cannot be split loses its MIME headers, boundaries and encoded blocks before the assistant sees it.
 */
record MailContent(String text, List<Attachment> attachments) {

    record Attachment(String fileName, String contentType, byte[] content) {}

    static MailContent of(Part message) throws MessagingException, IOException {
        List<Attachment> attachments = new ArrayList<>();
        String text = walk(message, attachments);
        return new MailContent(text == null ? "" : text.strip(), List.copyOf(attachments));
    }

    /** Malformed structure degrades to the human text of the part's raw source, never a failure. */
    private static String walk(Part part, List<Attachment> attachments) throws MessagingException, IOException {
        try {
            return walkStrict(part, attachments);
        } catch (MessagingException | IOException malformed) {
            String raw = stripMime(new String(rawBytes(part), StandardCharsets.UTF_8));
            return raw.contains("<html") || raw.contains("<HTML") ? htmlToText(raw) : raw;
        }
    }

    private static final Pattern MIME_HEADER =
            Pattern.compile("(?im)^(content-[a-z-]+|mime-version):.*(\\r?\\n[ \\t].*)*\\r?\\n?");
    private static final Pattern BOUNDARY_LINE = Pattern.compile("(?m)^--[^\\s]{6,}\\s*$\\r?\\n?");
    private static final Pattern ENCODED_BLOCK = Pattern.compile("(?m)(^[A-Za-z0-9+/=]{60,}\\r?\\n){2,}");

    /** The last resort: the raw source without part headers, boundary lines and blocks of base64. */
    static String stripMime(String raw) {
        String text = MIME_HEADER.matcher(raw).replaceAll("");
        text = BOUNDARY_LINE.matcher(text).replaceAll("");
        text = ENCODED_BLOCK.matcher(text).replaceAll("");
        return text.replace("This is a multi-part message in MIME format.", "").strip();
    }

    private static String walkStrict(Part part, List<Attachment> attachments) throws MessagingException, IOException {
        if (isAttachment(part) || encodedData(part) || namedTextBesideTheBody(part)) {
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
            if (html == null && alternatives.getCount() > 0) {
                // No text at all (a phone's MMS: one picture): the last, richest alternative is what was sent.
                return walk(alternatives.getBodyPart(alternatives.getCount() - 1), attachments);
            }
            return html;
        }
        if (part.isMimeType("multipart/*")) {
            Multipart parts = multipart(part);
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < parts.getCount(); i++) {
                String partText = walk(parts.getBodyPart(i), attachments);
                if (partText != null) {
                    partText = BOUNDARY_LINE.matcher(partText).replaceAll("");
                }
                if (partText != null && !partText.isBlank()) {
                    text.append(text.isEmpty() ? "" : "\n\n").append(partText.strip());
                }
            }
            return text.toString();
        }
        if (part.isMimeType("text/plain") || part.getContentType() == null) {
            return uudecoded(text(part), attachments);
        }
        if (part.isMimeType("text/html")) {
            return htmlToText(text(part));
        }
        if (part.isMimeType("message/rfc822")) {
            byte[] forwarded = bytes(part);
            attachments.add(new Attachment(fileName(part), "message/rfc822", forwarded));
            return forwardedText(forwarded, attachments);
        }
        attachments.add(new Attachment(fileName(part), baseType(part), bytes(part)));
        return null;
    }

    /** A forwarded message as mail clients show it below the text: its header lines, then its own text. */
    private static String forwardedText(byte[] source, List<Attachment> attachments) {
        try {
            MimeMessage inner = new MimeMessage(
                    jakarta.mail.Session.getInstance(new java.util.Properties()),
                    new java.io.ByteArrayInputStream(source));
            List<Attachment> ignored = new ArrayList<>();
            String text = walk(inner, ignored);
            StringBuilder shown = new StringBuilder("---------- Forwarded message ----------\n");
            header(inner, "From", shown);
            header(inner, "Date", shown);
            header(inner, "Subject", shown);
            header(inner, "To", shown);
            return shown.append('\n').append(text == null ? "" : text.strip()).toString();
        } catch (MessagingException | IOException unreadable) {
            return null;
        }
    }

    private static void header(MimeMessage message, String name, StringBuilder shown) throws MessagingException {
        String value = message.getHeader(name, ", ");
        if (value != null) {
            try {
                value = MimeUtility.decodeText(MimeUtility.unfold(value));
            } catch (UnsupportedEncodingException undecodable) {
                // shown as sent
            }
            shown.append(name).append(": ").append(rawUtf8(value)).append('\n');
        }
    }

    private static final Pattern UUENCODED =
            Pattern.compile("(?ms)^begin [0-7]{3,4} ([^\\r\\n]+)\\r?\\n(.*?)^end[ \\t]*$\\r?\\n?");

    /** Blocks of uuencoded data inside a plain body (older clients attach files so) become attachments. */
    private static String uudecoded(String text, List<Attachment> attachments) {
        Matcher block = UUENCODED.matcher(text);
        if (!block.find()) {
            return text;
        }
        StringBuilder rest = new StringBuilder();
        int from = 0;
        do {
            rest.append(text, from, block.start());
            try (InputStream decoded = MimeUtility.decode(
                    new java.io.ByteArrayInputStream(block.group().getBytes(StandardCharsets.ISO_8859_1)),
                    "uuencode")) {
                attachments.add(
                        new Attachment(block.group(1).strip(), "application/octet-stream", decoded.readAllBytes()));
            } catch (MessagingException | IOException undecodable) {
                // dropped from the text either way: it was never words
            }
            from = block.end();
        } while (block.find());
        return rest.append(text.substring(from)).toString();
    }

    /** Data a client sent in an encoding meant for files, never for words. */
    private static boolean encodedData(Part part) throws MessagingException {
        String[] encoding = part.getHeader("Content-Transfer-Encoding");
        if (encoding == null) {
            return false;
        }
        String name = encoding[0].trim().toLowerCase(Locale.ROOT);
        return name.equals("x-gzip64") || name.equals("x-uuencode") || name.equals("uuencode") || name.equals("x-uue");
    }

    /**
     * A named text part after the first part of a multipart, without a disposition: a file (notes.txt, a CSV) the
     * client attached without saying so, not more of the message.
     */
    private static boolean namedTextBesideTheBody(Part part) throws MessagingException {
        if (!(part instanceof BodyPart body)
                || disposition(part) != null
                || !part.isMimeType("text/*")
                || fileName(part) == null
                || body.getParent() == null) {
            return false;
        }
        Multipart parent = body.getParent();
        return parent.getCount() > 1 && parent.getBodyPart(0) != body;
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
        try {
            Object content = part.getContent();
            if (content instanceof Multipart multipart && multipart.getCount() > 0) {
                return multipart;
            }
        } catch (MessagingException | IOException refused) {
            // split by its boundary lines below
        }
        return splitByBoundary(part);
    }

    private static final Pattern BOUNDARY_PARAMETER = Pattern.compile("(?i)boundary\\s*=\\s*(\"([^\"]+)\"|([^;\\s]+))");

    /**
     * The parts of a multipart Jakarta Mail refused, by the boundary its header names however it is written, or else
     * by the first boundary-looking line of its body; the rest of the header (a {@code ;;}, bad parameters) is
     * ignored.
     */
    private static Multipart splitByBoundary(Part part) throws MessagingException, IOException {
        byte[] body = rawBytes(part);
        String boundary = null;
        String[] contentType = part.getHeader("Content-Type");
        if (contentType != null) {
            Matcher declared = BOUNDARY_PARAMETER.matcher(MimeUtility.unfold(contentType[0]));
            if (declared.find()) {
                boundary = declared.group(2) != null ? declared.group(2) : declared.group(3);
            }
        }
        String source = new String(body, StandardCharsets.ISO_8859_1);
        if (boundary == null || !source.contains("--" + boundary)) {
            Matcher firstLine = Pattern.compile("(?m)^--([^\\s]{6,})\\s*$").matcher(source);
            if (!firstLine.find()) {
                throw new MessagingException("a multipart without boundary lines");
            }
            boundary = firstLine.group(1);
        }
        jakarta.mail.internet.MimeMultipart parts = new jakarta.mail.internet.MimeMultipart(
                new jakarta.mail.util.ByteArrayDataSource(body, "multipart/mixed; boundary=\"" + boundary + "\""));
        if (parts.getCount() == 0) {
            throw new MessagingException("a multipart without parts");
        }
        return parts;
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
