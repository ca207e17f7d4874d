package com.assistantgateway.orchestrator.knowledge;

/** A chunk with its embedding, ready to store. */
public record EmbeddedChunk(KnowledgeChunk chunk, float[] vector) {}
