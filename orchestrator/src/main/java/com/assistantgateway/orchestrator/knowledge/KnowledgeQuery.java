package com.assistantgateway.orchestrator.knowledge;

/**
 * One retrieval request to a {@link KnowledgeStore}.
 *
 * @param text the question, for BM25
 * @param vector the question's embedding, for the dense retriever
 * @param language the analyzer the question's text is read with
 * @param mode which retrievers answer
 * @param limit how many chunks to return
 * @param denseFloor dense hits below this cosine similarity are not candidates: a rank-based fusion cannot tell a
 *     poor best match from a good one, so the dense list only holds plausible passages
 * @param rrfK the reciprocal rank fusion constant (60 in the original paper)
 * @param embedder the model {@code vector} was made with: only passages embedded by it are compared with it
 */
public record KnowledgeQuery(
        String text,
        float[] vector,
        Language language,
        RetrievalMode mode,
        int limit,
        double denseFloor,
        int rrfK,
        String embedder) {

    /** A query embedded in process. */
    public KnowledgeQuery(
            String text,
            float[] vector,
            Language language,
            RetrievalMode mode,
            int limit,
            double denseFloor,
            int rrfK) {
        this(text, vector, language, mode, limit, denseFloor, rrfK, EmbeddingModels.IN_PROCESS);
    }

    public KnowledgeQuery {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
    }

    public boolean dense() {
        return mode != RetrievalMode.BM25;
    }

    public boolean bm25() {
        return mode != RetrievalMode.DENSE;
    }

    /** How many candidates each retriever contributes before fusion. */
    public int candidates() {
        return mode == RetrievalMode.HYBRID ? Math.max(limit * 4, 20) : limit;
    }
}
