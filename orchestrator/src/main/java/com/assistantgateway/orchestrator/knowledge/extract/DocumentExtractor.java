package com.assistantgateway.orchestrator.knowledge.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.AutoDetectReader;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.WriteOutContentHandler;
import org.springframework.stereotype.Component;
import org.xml.sax.SAXException;

/**
 * Reads uploads with Apache Tika: detects the real type from the bytes (not only the name), and extracts PDF, DOCX,
 * HTML and CSV into structured Markdown; Markdown and plain text are decoded (charset detected) and kept as they are.
 * Unreadable input fails with a reason meant for the person who uploaded it.
 */
@Component
public class DocumentExtractor {

    /** Extracted text beyond this is a sign of a bomb or a data dump, not a knowledge source. */
    static final int MAX_CHARACTERS = 20_000_000;

    private static final Map<String, String> KINDS = Map.of(
            "application/pdf", "PDF",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "DOCX",
            "application/x-tika-ooxml-protected", "DOCX",
            "text/html", "HTML",
            "application/xhtml+xml", "HTML",
            "text/csv", "CSV",
            "text/plain", "text",
            "text/x-web-markdown", "Markdown",
            "text/markdown", "Markdown");
    private static final Set<String> EXTENSIONS = Set.of("pdf", "docx", "html", "htm", "csv", "txt", "md", "markdown");

    private final Detector detector;
    private final Parser parser;

    public DocumentExtractor() {
        TikaConfig config = TikaConfig.getDefaultConfig();
        this.detector = config.getDetector();
        this.parser = new AutoDetectParser(config);
    }

    /**
     * The media type of an upload when it is a type we ingest.
     *
     * @throws IllegalArgumentException naming the accepted types, or what the content really is
     */
    public String mediaType(String fileName, byte[] content) {
        String extension = extension(fileName);
        if (!EXTENSIONS.contains(extension)) {
            throw new IllegalArgumentException(
                    fileName + ": this file type is not ingested (PDF, DOCX, HTML, CSV, TXT and Markdown are)");
        }
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        MediaType detected;
        try (InputStream in = new ByteArrayInputStream(content)) {
            detected = detector.detect(in, metadata).getBaseType();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (detected.equals(MediaType.TEXT_PLAIN) && extension.equals("csv")) {
            detected = MediaType.text("csv"); // CSV has no magic bytes; a text file named .csv is one
        }
        if (!KINDS.containsKey(detected.toString())) {
            throw new IllegalArgumentException(fileName + " is not a file of a type we ingest: its content is "
                    + detected + " (PDF, DOCX, HTML, CSV, TXT and Markdown are ingested)");
        }
        return detected.toString();
    }

    /** Extracts an upload of a type {@link #mediaType} accepted. */
    public ExtractedDocument extract(String fileName, String mediaType, byte[] content) {
        String kind = KINDS.getOrDefault(mediaType, mediaType);
        if (mediaType.equals("text/plain") || kind.equals("Markdown")) {
            return new ExtractedDocument("", decode(fileName, content));
        }
        if (kind.equals("CSV")) {
            return new ExtractedDocument("", csv(fileName, decode(fileName, content)));
        }
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        metadata.set(Metadata.CONTENT_TYPE, mediaType);
        boolean pdf = kind.equals("PDF");
        MarkdownContentHandler markdown =
                pdf ? new MarkdownContentHandler(PdfOutline.byStartPage(content)) : new MarkdownContentHandler();
        ParseContext context = new ParseContext();
        if (pdf) {
            PDFParserConfig config = new PDFParserConfig();
            config.setExtractBookmarksText(false); // the outline becomes headings instead of a list after the text
            context.set(PDFParserConfig.class, config);
        }
        byte[] parsed = kind.equals("HTML") ? HtmlMainContent.of(content) : content;
        try (InputStream in = new ByteArrayInputStream(parsed)) {
            parser.parse(in, new WriteOutContentHandler(markdown, MAX_CHARACTERS), metadata, context);
        } catch (EncryptedDocumentException e) {
            throw new IllegalArgumentException(
                    fileName + " is encrypted (password-protected); upload a copy without the password", e);
        } catch (TikaException | SAXException | IOException | RuntimeException e) {
            if (WriteLimitReachedException.isWriteLimitReached(e)) {
                throw new IllegalArgumentException(
                        fileName + " holds more than " + MAX_CHARACTERS + " characters of text; split it up", e);
            }
            throw new IllegalArgumentException(
                    fileName + " could not be read as " + kind + " (the file may be damaged): " + reason(e), e);
        }
        String text = markdown.markdown();
        if (text.isBlank()) {
            throw new IllegalArgumentException(fileName + " contains no text that could be extracted"
                    + (pdf ? " (a scanned PDF needs OCR first)" : ""));
        }
        String title = metadata.get(TikaCoreProperties.TITLE);
        return new ExtractedDocument(title == null || title.isBlank() ? markdown.firstHeading() : title.strip(), text);
    }

    /** Each record as one line of {@code column: value} pairs, so a row is retrievable by any of its values. */
    private static String csv(String fileName, String text) {
        String firstLine = text.lines().findFirst().orElse("");
        char delimiter = ',';
        long most = -1;
        for (char candidate : new char[] {',', ';', '\t', '|'}) {
            long count = firstLine.chars().filter(c -> c == candidate).count();
            if (count > most) {
                most = count;
                delimiter = candidate;
            }
        }
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(delimiter)
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get();
        StringBuilder out = new StringBuilder();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            List<String> header = parser.getHeaderNames();
            for (CSVRecord record : parser) {
                List<String> pairs = new ArrayList<>();
                for (int i = 0; i < record.size(); i++) {
                    if (!record.get(i).isEmpty()) {
                        pairs.add((i < header.size() && !header.get(i).isEmpty() ? header.get(i) + ": " : "")
                                + record.get(i));
                    }
                }
                out.append(String.join("; ", pairs)).append("\n\n");
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException(fileName + " could not be read as CSV: " + reason(e), e);
        }
        return out.toString().strip();
    }

    /**
     * Text in the charset it was written in: valid UTF-8 is UTF-8 (by far the most common, and a strict decoder never
     * mistakes another charset for it), and only the rest goes to Tika's detection, whose statistical guess reads a
     * few accented letters in UTF-8 as GB18030 ("año" as "a帽o").
     */
    static String decode(String fileName, byte[] content) {
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException notUtf8) {
            // another charset: detect it below
        }
        try (Reader reader = new AutoDetectReader(new ByteArrayInputStream(content))) {
            StringWriter writer = new StringWriter();
            reader.transferTo(writer);
            String text = writer.toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (TikaException | IOException e) {
            throw new IllegalArgumentException(fileName + " is not readable text: " + reason(e), e);
        }
    }

    private static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }
}
