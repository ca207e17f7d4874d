package com.assistantgateway.orchestrator.policy;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.store.embedding.CosineSimilarity;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
        String lower = question.toLowerCase(Locale.ROOT);
        for (String topic : topics) {
            if (mentions(lower, topic)) {
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

    private static boolean mentions(String question, String topic) {
        String[] words = topic.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
        boolean any = false;
        for (String word : words) {
            if (word.isEmpty()) {
                continue;
            }
            if (!question.matches("(?s).*\\b" + java.util.regex.Pattern.quote(word) + "\\b.*")) {
                return false;
            }
            any = true;
        }
        return any;
    }

    private Embedding vector(String topic) {
        if (topicVectors.size() > CACHED_TOPICS) {
            topicVectors.clear();
        }
        return topicVectors.computeIfAbsent(topic, t -> embeddings.embed(t).content());
    }
}
