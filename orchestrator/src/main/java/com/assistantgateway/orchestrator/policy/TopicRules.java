package com.assistantgateway.orchestrator.policy;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.store.embedding.CosineSimilarity;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Whether a question is about a topic: by its words (the topic's words all occur in the question) or by meaning (the
 * question's embedding is close to the topic's), so "who sells brake pads cheaper?" matches "competitor prices".
 */
@Component
public class TopicRules {

    /** Cosine similarity from which a question is taken to be about a topic (MiniLM: paraphrases score 0.6+). */
    static final double SEMANTIC_MATCH = 0.55;

    private static final int CACHED_TOPICS = 10_000;

    private final EmbeddingModel embeddings;
    private final Map<String, Embedding> topicVectors = new ConcurrentHashMap<>();

    public TopicRules(EmbeddingModel embeddings) {
        this.embeddings = embeddings;
    }

    /** The first of the topics the question is about. */
    public Optional<String> matching(String question, List<String> topics) {
        if (topics.isEmpty() || question == null || question.isBlank()) {
            return Optional.empty();
        }
        Set<String> words = words(question);
        for (String topic : topics) {
            if (mentions(words, topic)) {
                return Optional.of(topic);
            }
        }
        Embedding asked = embeddings.embed(question).content();
        for (String topic : topics) {
            if (CosineSimilarity.between(asked, vector(topic)) >= SEMANTIC_MATCH) {
                return Optional.of(topic);
            }
        }
        return Optional.empty();
    }

    /** Every word of the topic is a word of the question. */
    private static boolean mentions(Set<String> question, String topic) {
        Set<String> needed = words(topic);
        return !needed.isEmpty() && question.containsAll(needed);
    }

    private static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    private Embedding vector(String topic) {
        if (topicVectors.size() > CACHED_TOPICS) {
            topicVectors.clear();
        }
        return topicVectors.computeIfAbsent(topic, t -> embeddings.embed(t).content());
    }
}
