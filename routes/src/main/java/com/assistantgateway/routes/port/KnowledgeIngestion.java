package com.assistantgateway.routes.port;

import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.TenantId;

/** Puts an uploaded source into an assistant's knowledge, and takes it out again. */
public interface KnowledgeIngestion {

    /**
     * Extracts, chunks, embeds and stores a source under its name, replacing an earlier version atomically.
     *
     * @return the number of chunks stored
     * @throws IllegalArgumentException when the content cannot be read as its type says (the reason is for the user)
     */
    int ingest(TenantId tenantId, AssistantId assistantId, String source, byte[] content);

    void delete(TenantId tenantId, AssistantId assistantId, String source);

    /** Whether a file of this name is a type ingestion reads. */
    boolean accepts(String fileName);
}
