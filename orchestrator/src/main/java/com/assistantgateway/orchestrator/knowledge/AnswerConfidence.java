package com.assistantgateway.orchestrator.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * How well the best passage answers a question, from two absolute signals rather than a rank: a rank fusion gives
 * the first of any list the same score whatever it matched, so an off-topic question scored like a good one.
 *
 * <ul>
 *   <li><b>coverage</b>: the share of the question's words (stemmed, stop words dropped, in the passage's language)
 *       that the passage contains. "What is the capital of France?" shares at most one word with a shop's pages.
 *   <li><b>similarity</b>: the passage's cosine similarity to the question, mapped linearly from {@link #COSINE_LOW}
 *       (0, unrelated text) to {@link #COSINE_HIGH} (1, a close paraphrase) for the in-process MiniLM model.
 * </ul>
 *
 * Confidence is their mean (coverage alone where a store cannot tell the cosine), so it means the same in dense,
 * BM25 and hybrid retrieval: the mode decides which passages are found, not how sure the answer is.
 */
public final class AnswerConfidence {

    static final double COSINE_LOW = 0.25;
    static final double COSINE_HIGH = 0.65;

    private final Map<Language, Analyzer> analyzers = new EnumMap<>(Language.class);

    public AnswerConfidence() {
        for (Language language : Language.values()) {
            analyzers.put(language, language.analyzer());
        }
    }

    /** The confidence of the best of the passages; 0 when there are none. */
    public double of(String question, List<ScoredChunk> passages) {
        double best = 0.0;
        for (ScoredChunk passage : passages) {
            best = Math.max(best, of(question, passage));
        }
        return best;
    }

    public double of(String question, ScoredChunk passage) {
        Language language = passage.language() == null ? Language.ENGLISH : passage.language();
        double coverage = coverage(
                question, passage.chunk().label() + "\n" + passage.chunk().text(), language);
        if (Double.isNaN(passage.cosine())) {
            return coverage;
        }
        double similarity = (passage.cosine() - COSINE_LOW) / (COSINE_HIGH - COSINE_LOW);
        return (coverage + Math.max(0.0, Math.min(1.0, similarity))) / 2.0;
    }

    /** The share of the question's terms that occur in the text, both read by the language's analyzer. */
    double coverage(String question, String text, Language language) {
        Set<String> asked = terms(question, language);
        if (asked.isEmpty()) {
            return 0.0;
        }
        Set<String> present = terms(text, language);
        long shared = asked.stream().filter(present::contains).count();
        return shared / (double) asked.size();
    }

    private Set<String> terms(String text, Language language) {
        Set<String> terms = new HashSet<>();
        try (TokenStream tokens = analyzers.get(language).tokenStream("text", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                terms.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }
}
