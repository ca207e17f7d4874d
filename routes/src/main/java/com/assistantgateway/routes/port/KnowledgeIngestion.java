package com.assistantgateway.routes.port;

import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.TenantId;

/** Puts an uploaded source into an assistant's knowledge, and takes it out again. */
public interface KnowledgeIngestion {

    /**
     * The media type of an upload, detected from its content and name, when it is a type ingestion reads.
     *
     * @throws IllegalArgumentException with the reason, for the user, when it is not
     */
    String mediaType(String fileName, byte[] content);

    /**
     * Extracts, chunks, embeds and stores a source under its name, replacing an earlier version atomically.
     *
     * @param mediaType as {@link #mediaType} returned it
     * @param progress told after each batch of chunks is embedded
     * @return the number of chunks stored
     * @throws IllegalArgumentException when the content cannot be read as its type says (the reason is for the user)
     */
    int ingest(
            TenantId tenantId,
            AssistantId assistantId,
            String source,
            String mediaType,
            byte[] content,
            Progress progress);

    void delete(TenantId tenantId, AssistantId assistantId, String source);

    /** Ingestion progress of one source. */
    @FunctionalInterface
    interface Progress {
        Progress NONE = (done, total) -> {};

        void embedded(int chunksDone, int chunksTotal);
    }
}
