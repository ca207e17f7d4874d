package com.assistantgateway.orchestrator.knowledge;

import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import org.springframework.stereotype.Component;

/**
 * Which of our languages a question or a passage is written in, by Lingua's n-gram models of exactly those languages
 * (reliable on one short sentence, where stop-word counts took English questions for Swedish). A text too short or
 * too mixed to tell gets no language, and the caller falls back on the customer's locale or the assistant's language.
 */
@Component
public class LanguageDetector {

    /** Lingua's confidences sum to 1 over our languages; below this the best guess is not a decision. */
    static final double MIN_CONFIDENCE = 0.5;

    /**
     * How much of a text is read. Lingua reads a text of 120 characters or more by its trigrams alone, at a cost that
     * grows with the text (a hash lookup per trigram and language): whole chunks and pages took a fifth of
     * ingestion's CPU, and a couple of sentences tell the language as surely as a page does.
     */
    static final int SAMPLE_CHARS = 240;

    private final com.github.pemistahl.lingua.api.LanguageDetector lingua;

    public LanguageDetector() {
        this.lingua = LanguageDetectorBuilder.fromLanguages(Arrays.stream(Language.values())
                        .map(LanguageDetector::lingua)
                        .toArray(com.github.pemistahl.lingua.api.Language[]::new))
                .withPreloadedLanguageModels()
                .build();
    }

    /** The text's language when Lingua is confident of it. */
    public Optional<Language> detect(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        SortedMap<com.github.pemistahl.lingua.api.Language, Double> confidences =
                lingua.computeLanguageConfidenceValues(sample(text));
        for (Map.Entry<com.github.pemistahl.lingua.api.Language, Double> best : confidences.entrySet()) {
            // Sorted by confidence, highest first: the first entry decides.
            return best.getValue() >= MIN_CONFIDENCE
                    ? Language.of(best.getKey().getIsoCode639_1().toString())
                    : Optional.empty();
        }
        return Optional.empty();
    }

    /** The text's language, or the fallback when it cannot be told. */
    public Language detect(String text, Language fallback) {
        return detect(text).orElse(fallback);
    }

    /** The text's start, cut at a word's end. */
    static String sample(String text) {
        if (text.length() <= SAMPLE_CHARS) {
            return text;
        }
        int wordEnd = text.lastIndexOf(' ', SAMPLE_CHARS);
        return text.substring(0, wordEnd > SAMPLE_CHARS / 2 ? wordEnd : SAMPLE_CHARS);
    }

    private static com.github.pemistahl.lingua.api.Language lingua(Language language) {
        return switch (language) {
            case ENGLISH -> com.github.pemistahl.lingua.api.Language.ENGLISH;
            case DUTCH -> com.github.pemistahl.lingua.api.Language.DUTCH;
            case SWEDISH -> com.github.pemistahl.lingua.api.Language.SWEDISH;
            case PORTUGUESE -> com.github.pemistahl.lingua.api.Language.PORTUGUESE;
            case GERMAN -> com.github.pemistahl.lingua.api.Language.GERMAN;
            case SPANISH -> com.github.pemistahl.lingua.api.Language.SPANISH;
            case FRENCH -> com.github.pemistahl.lingua.api.Language.FRENCH;
        };
    }
}
