package com.assistantgateway.orchestrator.answer;

import com.assistantgateway.orchestrator.knowledge.ScoredChunk;
import com.assistantgateway.routes.message.Citation;
import com.assistantgateway.routes.port.AssistantAnswer;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;
import org.springframework.stereotype.Component;

/**
 * Answers without an LLM: the sentences of the best passage that share most words with the question, in their
 * original order, with the passage as citation. Keeps the product useful with no API key at all.
 */
@Component
public class ExtractiveAnswerer {

    static final int MAX_SENTENCES = 3;
    static final int FALLBACK_SENTENCES = 2;
    static final int SNIPPET_LENGTH = 240;

    private static final Set<String> STOP_WORDS = Set.of(
            "a", "an", "the", "is", "are", "was", "be", "to", "of", "in", "on", "for", "and", "or", "do", "does", "i",
            "you", "my", "your", "we", "our", "it", "can", "how", "what", "when", "where", "which", "who", "with", "me",
            "at", "by", "if", "there", "this", "that", "have", "has", "will", "would", "should", "from");

    public AssistantAnswer answer(String question, List<ScoredChunk> passages, double confidence) {
        ScoredChunk best = passages.get(0);
        Set<String> questionWords = words(question);
        List<String> sentences = sentences(best.chunk().text());
        // The sentences that share words with the question, best first, shown in their original order; when none
        // does, the passage's opening.
        List<Integer> chosen = IntStream.range(0, sentences.size())
                .boxed()
                .filter(i -> overlap(words(sentences.get(i)), questionWords) > 0)
                .sorted(Comparator.comparingInt((Integer i) -> -overlap(words(sentences.get(i)), questionWords))
                        .thenComparingInt(i -> i))
                .limit(MAX_SENTENCES)
                .sorted()
                .toList();
        if (chosen.isEmpty()) {
            chosen = IntStream.range(0, Math.min(FALLBACK_SENTENCES, sentences.size()))
                    .boxed()
                    .toList();
        }
        StringBuilder text = new StringBuilder();
        for (int i : chosen) {
            text.append(text.isEmpty() ? "" : " ").append(sentences.get(i));
        }
        text.append("\n\nSource: ").append(best.chunk().label());
        return new AssistantAnswer(text.toString(), List.of(citation(best)), confidence);
    }

    public static Citation citation(ScoredChunk passage) {
        String snippet = passage.chunk().text().strip().replaceAll("\\s+", " ");
        if (snippet.length() > SNIPPET_LENGTH) {
            snippet = snippet.substring(0, SNIPPET_LENGTH - 1) + "…";
        }
        return new Citation(passage.chunk().source(), passage.chunk().label(), snippet);
    }

    static List<String> sentences(String text) {
        String flat =
                text.replaceAll("(?m)^\\s*[-*]\\s+", "").replaceAll("\\s+", " ").strip();
        BreakIterator iterator = BreakIterator.getSentenceInstance(Locale.ROOT);
        iterator.setText(flat);
        List<String> sentences = new ArrayList<>();
        for (int start = iterator.first(), end = iterator.next();
                end != BreakIterator.DONE;
                start = end, end = iterator.next()) {
            String sentence = flat.substring(start, end).strip();
            if (!sentence.isEmpty()) {
                sentences.add(sentence);
            }
        }
        return sentences;
    }

    static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.length() > 1 && !STOP_WORDS.contains(word)) {
                words.add(word.endsWith("s") && word.length() > 3 ? word.substring(0, word.length() - 1) : word);
            }
        }
        return words;
    }

    private static int overlap(Set<String> sentence, Set<String> question) {
        int shared = 0;
        for (String word : sentence) {
            if (question.contains(word)) {
                shared++;
            }
        }
        return shared;
    }
}
