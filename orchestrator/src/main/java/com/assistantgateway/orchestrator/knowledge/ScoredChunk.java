package com.assistantgateway.orchestrator.knowledge;

/**
 * A retrieved chunk.
 *
 * @param chunk the passage
 * @param score 0 to 1: cosine similarity for dense retrieval, the normalized reciprocal rank (fused, for hybrid)
 *     otherwise; see {@link RetrievalMode}
 */
public record ScoredChunk(KnowledgeChunk chunk, double score) {}
