package com.assistantgateway.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a BEIR-format {@code corpus.jsonl} (no queries: an ingestion benchmark) from a folder of plain-text files,
 * each cut at sentence ends into documents of about {@code --chars} characters, the size of a paper's abstract or a
 * help-centre article. {@code bench/datasets/sotu.sh} runs it on the State of the Union addresses of 1790-2021.
 */
final class CorpusBuilder {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path from;
    private final Path to;
    private final int chars;

    CorpusBuilder(Options options) {
        this.from = Path.of(options.text("from", "."));
        this.to = Path.of(options.text("to", "corpus"));
        this.chars = options.number("chars", 1500);
    }

    String run() throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(from)) {
            files = listed.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
        }
        Files.createDirectories(to);
        int documents = 0;
        try (BufferedWriter out = Files.newBufferedWriter(to.resolve("corpus.jsonl"), StandardCharsets.UTF_8)) {
            for (Path file : files) {
                String name = file.getFileName().toString().replaceFirst("\\.txt$", "");
                List<String> parts = cut(Files.readString(file, StandardCharsets.UTF_8), chars);
                for (int i = 0; i < parts.size(); i++) {
                    Map<String, String> row = new LinkedHashMap<>();
                    row.put("_id", name + "-" + (i + 1));
                    row.put("title", name.replace('_', ' ') + ", part " + (i + 1));
                    row.put("text", parts.get(i));
                    out.write(JSON.writeValueAsString(row));
                    out.newLine();
                    documents++;
                }
            }
        }
        return documents + " documents from " + files.size() + " files in " + to.resolve("corpus.jsonl");
    }

    /** Consecutive runs of whole sentences, each ending at the first sentence end past {@code size} characters. */
    static List<String> cut(String text, int size) {
        String flat = text.replaceAll("\\s+", " ").strip();
        List<String> parts = new ArrayList<>();
        int start = 0;
        while (start < flat.length()) {
            int end = Math.min(flat.length(), start + size);
            while (end < flat.length() && !(".!?".indexOf(flat.charAt(end - 1)) >= 0 && flat.charAt(end) == ' ')) {
                end++;
            }
            parts.add(flat.substring(start, end).strip());
            start = end;
        }
        return parts;
    }
}
