package com.assistantgateway.orchestrator.knowledge;

/**
 * A retrieved chunk.
 *
 * @param chunk the passage
 * @param similarity cosine similarity to the query, -1 to 1
 */
public record ScoredChunk(KnowledgeChunk chunk, double similarity) {}
