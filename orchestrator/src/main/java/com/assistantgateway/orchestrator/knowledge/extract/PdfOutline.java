package com.assistantgateway.orchestrator.knowledge.extract;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;

/**
 * A PDF's outline (its bookmarks: the headings Word, LibreOffice and LaTeX export), by the page each heading starts
 * on. PDF text carries no heading markup, so the outline is the one reliable source of a PDF's structure.
 */
final class PdfOutline {

    /** A heading at outline depth 1 (chapters), 2 (their sections) and so on. */
    record Heading(int depth, String title) {}

    static final int MAX_DEPTH = 3;

    private PdfOutline() {}

    /** Headings by 1-based start page, in outline order; empty when the PDF has no readable outline. */
    static Map<Integer, List<Heading>> byStartPage(byte[] pdf) {
        Map<Integer, List<Heading>> headings = new HashMap<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDDocumentOutline outline = document.getDocumentCatalog().getDocumentOutline();
            if (outline != null) {
                collect(document, outline, 1, headings);
            }
        } catch (IOException | RuntimeException e) {
            return Map.of(); // the outline only adds structure; the text was extracted without it
        }
        return headings;
    }

    private static void collect(PDDocument document, PDOutlineNode node, int depth, Map<Integer, List<Heading>> out)
            throws IOException {
        for (PDOutlineItem item : node.children()) {
            PDPage page = item.findDestinationPage(document);
            String title = item.getTitle() == null
                    ? ""
                    : item.getTitle().replaceAll("\\s+", " ").strip();
            if (page != null && !title.isEmpty()) {
                int number = document.getPages().indexOf(page) + 1;
                if (number > 0) {
                    out.computeIfAbsent(number, n -> new ArrayList<>()).add(new Heading(depth, title));
                }
            }
            if (depth < MAX_DEPTH) {
                collect(document, item, depth + 1, out);
            }
        }
    }
}
