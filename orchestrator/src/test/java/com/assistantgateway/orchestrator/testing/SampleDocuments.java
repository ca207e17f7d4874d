package com.assistantgateway.orchestrator.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * Real sample files for ingestion tests, written with the libraries that write such files in the wild: PDFBox for
 * PDF, Apache POI for DOCX (with real heading styles) and its agile encryption for a password-protected one, Commons
 * CSV for spreadsheet exports.
 */
public final class SampleDocuments {

    private SampleDocuments() {}

    /** A two-page PDF with a title in its metadata; each page's lines as given. */
    public static byte[] pdf(String title, String[] page1, String[] page2) throws IOException {
        try (PDDocument document = new PDDocument()) {
            document.getDocumentInformation().setTitle(title);
            addPage(document, page1);
            addPage(document, page2);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    /**
     * A PDF with an outline, as Word or LibreOffice export one: a page per entry of {@code pages}, and bookmarks
     * "Brakes" (page 1) with "Calipers" (page 1) and "Discs" (page 2) under it, then "Tyres" (page 3).
     */
    public static byte[] pdfWithOutline(String title, String[]... pages) throws IOException {
        try (PDDocument document = new PDDocument()) {
            document.getDocumentInformation().setTitle(title);
            for (String[] lines : pages) {
                addPage(document, lines);
            }
            PDDocumentOutline outline = new PDDocumentOutline();
            PDOutlineItem brakes = bookmark("Brakes", document.getPage(0));
            brakes.addLast(bookmark("Calipers", document.getPage(0)));
            brakes.addLast(bookmark("Discs", document.getPage(1)));
            outline.addLast(brakes);
            outline.addLast(bookmark("Tyres", document.getPage(2)));
            document.getDocumentCatalog().setDocumentOutline(outline);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    private static PDOutlineItem bookmark(String title, PDPage page) {
        PDPageFitDestination destination = new PDPageFitDestination();
        destination.setPage(page);
        PDOutlineItem item = new PDOutlineItem();
        item.setTitle(title);
        item.setDestination(destination);
        return item;
    }

    /** A PDF that opens only with a password. */
    public static byte[] encryptedPdf() throws IOException {
        try (PDDocument document = new PDDocument()) {
            addPage(document, new String[] {"Confidential price list."});
            StandardProtectionPolicy policy =
                    new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    /** A PDF cut off halfway, with garbage where the rest should be: what a broken download looks like. */
    public static byte[] corruptPdf() throws IOException {
        byte[] valid = pdf("Manual", new String[] {"Chapter one."}, new String[] {"Chapter two."});
        byte[] corrupt = Arrays.copyOf(valid, valid.length / 2 + 64);
        Arrays.fill(corrupt, valid.length / 2, corrupt.length, (byte) 0x5A);
        return corrupt;
    }

    /** A DOCX whose headings use Word's built-in Heading 1 and Heading 2 styles. */
    public static byte[] docx(String title, String... headingsAndParagraphs) throws IOException {
        try (XWPFDocument document = new XWPFDocument()) {
            document.getProperties().getCoreProperties().setTitle(title);
            XWPFStyles styles = document.createStyles();
            styles.addStyle(headingStyle("Heading1", "heading 1"));
            styles.addStyle(headingStyle("Heading2", "heading 2"));
            for (String line : headingsAndParagraphs) {
                var paragraph = document.createParagraph();
                String text = line;
                if (line.startsWith("## ")) {
                    paragraph.setStyle("Heading2");
                    text = line.substring(3);
                } else if (line.startsWith("# ")) {
                    paragraph.setStyle("Heading1");
                    text = line.substring(2);
                }
                paragraph.createRun().setText(text);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.write(out);
            return out.toByteArray();
        }
    }

    /** A DOCX encrypted with a password the way Word does it (agile encryption in an OLE2 container). */
    public static byte[] encryptedDocx() throws Exception {
        byte[] plain = docx("Secret", "# Secret", "Only for staff.");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword("word-secret");
            try (OutputStream out = encryptor.getDataStream(fs)) {
                out.write(plain);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            fs.writeFilesystem(bytes);
            return bytes.toByteArray();
        }
    }

    /**
     * A spreadsheet export as Excel writes it in a European locale: UTF-8 with a byte-order mark, semicolons between
     * fields, and quotes around fields that hold a semicolon, a quote or a line break.
     */
    public static byte[] excelCsv(String[] header, String[]... rows) throws IOException {
        StringBuilder out = new StringBuilder("\uFEFF");
        CSVFormat format = CSVFormat.EXCEL.builder().setDelimiter(';').get();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            printer.printRecord((Object[]) header);
            for (String[] row : rows) {
                printer.printRecord((Object[]) row);
            }
        }
        return utf8(out.toString());
    }

    public static byte[] text(String text, Charset charset) {
        return text.getBytes(charset);
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void addPage(PDDocument document, String[] lines) throws IOException {
        PDPage page = new PDPage();
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            content.beginText();
            content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
            content.setLeading(16);
            content.newLineAtOffset(72, 700);
            for (String line : lines) {
                content.showText(line);
                content.newLine();
            }
            content.endText();
        }
    }

    private static XWPFStyle headingStyle(String id, String name) {
        CTStyle style = CTStyle.Factory.newInstance();
        style.setStyleId(id);
        style.addNewName().setVal(name);
        style.setType(STStyleType.PARAGRAPH);
        return new XWPFStyle(style);
    }
}
