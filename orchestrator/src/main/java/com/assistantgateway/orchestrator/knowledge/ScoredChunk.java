package com.assistantgateway.orchestrator.knowledge;

/**
 * A retrieved chunk.
 *
 * @param chunk the passage
 * @param score 0 to 1, the order of the results: cosine similarity for dense retrieval, the normalized reciprocal
 *     rank (fused, for hybrid) otherwise; see {@link RetrievalMode}. A rank says nothing of how well the passage
 *     matches: {@link AnswerConfidence} judges that.
 * @param cosine the passage's cosine similarity to the question, or NaN where the store could not tell
 * @param language the language the passage is indexed in, or null where the store does not keep it
 */
public record ScoredChunk(KnowledgeChunk chunk, double score, double cosine, Language language) {

    /** A chunk known only by its rank score. */
    public ScoredChunk(KnowledgeChunk chunk, double score) {
        this(chunk, score, Double.NaN, null);
    }

    public ScoredChunk withScore(double newScore) {
        return new ScoredChunk(chunk, newScore, cosine, language);
    }

    public ScoredChunk withCosine(double newCosine) {
        return new ScoredChunk(chunk, score, newCosine, language);
    }
}
