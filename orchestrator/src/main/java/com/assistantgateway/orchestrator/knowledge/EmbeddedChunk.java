package com.assistantgateway.orchestrator.knowledge;

/** A chunk with its embedding and the language its text is analyzed in, ready to store. */
public record EmbeddedChunk(KnowledgeChunk chunk, float[] vector, Language language) {}
