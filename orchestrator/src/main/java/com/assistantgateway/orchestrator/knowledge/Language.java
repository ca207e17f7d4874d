package com.assistantgateway.orchestrator.knowledge;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;

/**
 * The languages the gateway answers in and full-text search analyzes with their own stemming and stop words. Each
 * knows its Lucene analyzer (embedded store), its Milvus analyzer settings (so BM25 behaves alike on both stores) and
 * its locale (for the phrases a customer is told). Which language a text is in is {@link LanguageDetector}'s call.
 */
public enum Language {
    ENGLISH("en", "english"),
    DUTCH("nl", "dutch"),
    SWEDISH("sv", "swedish"),
    PORTUGUESE("pt", "portuguese"),
    GERMAN("de", "german"),
    SPANISH("es", "spanish"),
    FRENCH("fr", "french");

    private final String code;
    private final String name;

    Language(String code, String name) {
        this.code = code;
        this.name = name;
    }

    /** ISO 639-1 code, as stored with each chunk. */
    public String code() {
        return code;
    }

    public Locale locale() {
        return Locale.forLanguageTag(code);
    }

    /** The language's English name, for instructions to a model ("Answer in Dutch"). */
    public String englishName() {
        return locale().getDisplayLanguage(Locale.ENGLISH);
    }

    public Analyzer analyzer() {
        return switch (this) {
            case ENGLISH -> new EnglishAnalyzer();
            case DUTCH -> new DutchAnalyzer();
            case SWEDISH -> new SwedishAnalyzer();
            case PORTUGUESE -> new PortugueseAnalyzer();
            case GERMAN -> new GermanAnalyzer();
            case SPANISH -> new SpanishAnalyzer();
            case FRENCH -> new FrenchAnalyzer();
        };
    }

    /** Milvus analyzer parameters doing what {@link #analyzer()} does: standard tokens, lower case, stop, stem. */
    public Map<String, Object> milvusAnalyzer() {
        return Map.of(
                "tokenizer",
                "standard",
                "filter",
                List.of(
                        "lowercase",
                        Map.of("type", "stop", "stop_words", List.of("_" + name + "_")),
                        Map.of("type", "stemmer", "language", name)));
    }

    /** A language by ISO code or locale tag ({@code nl}, {@code nl-BE}, {@code pt_BR}); empty if not supported. */
    public static Optional<Language> of(String codeOrLocale) {
        if (codeOrLocale == null || codeOrLocale.isBlank()) {
            return Optional.empty();
        }
        String code = codeOrLocale.strip().toLowerCase(Locale.ROOT).split("[-_]")[0];
        for (Language language : values()) {
            if (language.code.equals(code)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }
}
