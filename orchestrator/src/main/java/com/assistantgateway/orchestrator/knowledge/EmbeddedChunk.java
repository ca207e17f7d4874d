package com.assistantgateway.orchestrator.knowledge;

/**
 * A chunk with its embedding, the model that made it and the language its text is analyzed in, ready to store.
 *
 * @param embedder the embedding model's id ({@link EmbeddingModels.Embedder#id()})
 */
public record EmbeddedChunk(KnowledgeChunk chunk, float[] vector, Language language, String embedder) {

    /** A chunk embedded in process. */
    public EmbeddedChunk(KnowledgeChunk chunk, float[] vector, Language language) {
        this(chunk, vector, language, EmbeddingModels.IN_PROCESS);
    }
}
