package com.assistantgateway.orchestrator.knowledge;

import dev.langchain4j.data.document.Document;
import dev.langchain4j.data.document.DocumentSplitter;
import dev.langchain4j.data.document.splitter.DocumentSplitters;
import dev.langchain4j.data.segment.TextSegment;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits Markdown or plain text by its headings first, then each section recursively (paragraphs, lines, sentences)
 * with overlap, so every chunk knows the headings above it for its citation.
 */
public class MarkdownChunker {

    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.+?)\\s*#*\\s*$");

    private final DocumentSplitter splitter;

    public MarkdownChunker(int chunkSize, int overlap) {
        this.splitter = DocumentSplitters.recursive(chunkSize, overlap);
    }

    public List<KnowledgeChunk> chunk(String source, String text) {
        return chunk(source, "", text);
    }

    /** Chunks a document whose own title (from its metadata) may be blank: then its first H1, or the source. */
    public List<KnowledgeChunk> chunk(String source, String documentTitle, String text) {
        List<Section> sections = sections(text);
        String title = documentTitle != null && !documentTitle.isBlank()
                ? documentTitle
                : sections.stream()
                        .filter(s -> s.level == 1)
                        .map(s -> s.heading)
                        .findFirst()
                        .orElse(source);
        List<KnowledgeChunk> chunks = new ArrayList<>();
        for (Section section : sections) {
            String body = section.body.toString().strip();
            if (body.isEmpty()) {
                continue;
            }
            for (TextSegment segment : splitter.split(Document.from(body))) {
                chunks.add(new KnowledgeChunk(source, title, section.headingPath, chunks.size(), segment.text()));
            }
        }
        return chunks;
    }

    private static List<Section> sections(String text) {
        List<Section> sections = new ArrayList<>();
        String[] path = new String[7];
        Section current = new Section(0, "", "");
        sections.add(current);
        for (String line : text.split("\\R", -1)) {
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                int level = heading.group(1).length();
                path[level] = heading.group(2);
                for (int deeper = level + 1; deeper < path.length; deeper++) {
                    path[deeper] = null;
                }
                current = new Section(level, heading.group(2), joinPath(path));
                sections.add(current);
            } else {
                current.body.append(line).append('\n');
            }
        }
        return sections;
    }

    private static String joinPath(String[] path) {
        List<String> parts = new ArrayList<>();
        for (int level = 2; level < path.length; level++) {
            if (path[level] != null) {
                parts.add(path[level]);
            }
        }
        return String.join(" > ", parts);
    }

    private static final class Section {
        final int level;
        final String heading;
        final String headingPath;
        final StringBuilder body = new StringBuilder();

        Section(int level, String heading, String headingPath) {
            this.level = level;
            this.heading = heading;
            this.headingPath = headingPath;
        }
    }
}
