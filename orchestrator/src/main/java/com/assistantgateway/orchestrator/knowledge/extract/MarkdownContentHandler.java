package com.assistantgateway.orchestrator.knowledge.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Turns the XHTML events Tika emits for every format into Markdown: {@code h1}–{@code h6} into headings, paragraphs
 * and list items into blocks, a PDF's page {@code div}s into "Page n" sections (under the outline's headings that
 * start on that page, when the PDF has an outline), and each table row into one line pairing the header cells with
 * the row's cells.
 */
class MarkdownContentHandler extends DefaultHandler {

    private final Map<Integer, List<PdfOutline.Heading>> outline;
    private final int pageLevel;

    private final StringBuilder out = new StringBuilder();
    private final StringBuilder block = new StringBuilder();
    private final List<String> header = new ArrayList<>();
    private final List<String> row = new ArrayList<>();
    private StringBuilder cell;
    private int headingLevel;
    private int skipDepth;
    private int pages;
    private String firstHeading = "";

    MarkdownContentHandler() {
        this(Map.of());
    }

    /** For a PDF: its outline headings by start page ({@link PdfOutline}); page sections nest under them. */
    MarkdownContentHandler(Map<Integer, List<PdfOutline.Heading>> outline) {
        this.outline = outline;
        int depth = outline.values().stream()
                .flatMap(List::stream)
                .mapToInt(PdfOutline.Heading::depth)
                .max()
                .orElse(0);
        this.pageLevel = depth + 2;
    }

    String markdown() {
        flush();
        return out.toString().strip();
    }

    String firstHeading() {
        return firstHeading;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        String name = name(localName, qName);
        if (skipDepth > 0 || name.equals("head") || name.equals("script") || name.equals("style")) {
            skipDepth++;
            return;
        }
        switch (name) {
            case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                flush();
                headingLevel = name.charAt(1) - '0';
            }
            case "div" -> {
                if ("page".equals(attributes.getValue("class"))) {
                    flush();
                    pages++;
                    for (PdfOutline.Heading heading : outline.getOrDefault(pages, List.of())) {
                        out.append("#".repeat(heading.depth() + 1))
                                .append(' ')
                                .append(heading.title())
                                .append("\n\n");
                    }
                    out.append("#".repeat(pageLevel))
                            .append(" Page ")
                            .append(pages)
                            .append("\n\n");
                }
            }
            case "p", "li", "blockquote", "pre", "dt", "dd" -> flush();
            case "br" -> block.append('\n');
            case "table" -> {
                flush();
                header.clear();
            }
            case "tr" -> row.clear();
            case "td", "th" -> cell = new StringBuilder();
            default -> {}
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        String name = name(localName, qName);
        if (skipDepth > 0) {
            skipDepth--;
            return;
        }
        switch (name) {
            case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                String text = block.toString().replaceAll("\\s+", " ").strip();
                block.setLength(0);
                if (!text.isEmpty()) {
                    out.append("#".repeat(headingLevel))
                            .append(' ')
                            .append(text)
                            .append("\n\n");
                    if (firstHeading.isEmpty()) {
                        firstHeading = text;
                    }
                }
                headingLevel = 0;
            }
            case "li" -> {
                String text = block.toString().strip();
                block.setLength(0);
                if (!text.isEmpty()) {
                    out.append("- ").append(text.replaceAll("\\s+", " ")).append('\n');
                }
            }
            case "p", "blockquote", "pre", "dt", "dd", "ul", "ol" -> flush();
            case "td", "th" -> {
                if (cell != null) {
                    row.add(cell.toString().replaceAll("\\s+", " ").strip());
                    cell = null;
                }
            }
            case "tr" -> endRow();
            case "table" -> out.append('\n');
            default -> {}
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (skipDepth > 0) {
            return;
        }
        if (cell != null) {
            cell.append(ch, start, length);
        } else {
            block.append(ch, start, length);
        }
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) {
        characters(ch, start, length);
    }

    private void endRow() {
        if (row.stream().allMatch(String::isEmpty)) {
            return;
        }
        if (header.isEmpty()) {
            header.addAll(row);
            return;
        }
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < row.size(); i++) {
            if (row.get(i).isEmpty()) {
                continue;
            }
            String column = i < header.size() && !header.get(i).isEmpty() ? header.get(i) + ": " : "";
            pairs.add(column + row.get(i));
        }
        out.append(String.join("; ", pairs)).append("\n\n");
    }

    private void flush() {
        String text = block.toString().strip();
        block.setLength(0);
        if (!text.isEmpty()) {
            out.append(text).append("\n\n");
        }
    }

    private static String name(String localName, String qName) {
        return (localName == null || localName.isEmpty() ? qName : localName).toLowerCase(Locale.ROOT);
    }
}
