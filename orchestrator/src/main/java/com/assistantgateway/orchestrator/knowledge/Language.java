package com.assistantgateway.orchestrator.knowledge;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;

/**
 * The languages full-text search analyzes with their own stemming and stop words: our tenants' languages. Each knows
 * its Lucene analyzer (embedded store) and its Milvus analyzer settings, so BM25 behaves alike on both stores.
 */
public enum Language {
    ENGLISH("en", "english", EnglishAnalyzer.ENGLISH_STOP_WORDS_SET),
    DUTCH("nl", "dutch", DutchAnalyzer.getDefaultStopSet()),
    SWEDISH("sv", "swedish", SwedishAnalyzer.getDefaultStopSet()),
    PORTUGUESE("pt", "portuguese", PortugueseAnalyzer.getDefaultStopSet()),
    GERMAN("de", "german", GermanAnalyzer.getDefaultStopSet());

    private final String code;
    private final String name;
    private final CharArraySet stopWords;

    Language(String code, String name, CharArraySet stopWords) {
        this.code = code;
        this.name = name;
        this.stopWords = stopWords;
    }

    /** ISO 639-1 code, as stored with each chunk. */
    public String code() {
        return code;
    }

    public Analyzer analyzer() {
        return switch (this) {
            case ENGLISH -> new EnglishAnalyzer();
            case DUTCH -> new DutchAnalyzer();
            case SWEDISH -> new SwedishAnalyzer();
            case PORTUGUESE -> new PortugueseAnalyzer();
            case GERMAN -> new GermanAnalyzer();
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

    boolean isStopWord(String word) {
        return stopWords.contains(word);
    }

    /** A language by ISO code or locale tag ({@code nl}, {@code nl-BE}, {@code pt_BR}); empty if not analyzed. */
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

    /**
     * The language whose stop words the text uses most, or the fallback when the text is too short or too mixed to
     * tell. Stop words are the most frequent words of a language, so two hits more than any rival is a clear signal.
     */
    public static Language guess(String text, Language fallback) {
        int[] hits = new int[values().length];
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (word.isEmpty()) {
                continue;
            }
            for (Language language : values()) {
                if (language.isStopWord(word)) {
                    hits[language.ordinal()]++;
                }
            }
        }
        Language best = fallback;
        for (Language language : values()) {
            if (hits[language.ordinal()] > hits[best.ordinal()]) {
                best = language;
            }
        }
        int rival = 0;
        for (Language language : values()) {
            if (language != best) {
                rival = Math.max(rival, hits[language.ordinal()]);
            }
        }
        return best == fallback || hits[best.ordinal()] >= rival + 2 ? best : fallback;
    }
}
