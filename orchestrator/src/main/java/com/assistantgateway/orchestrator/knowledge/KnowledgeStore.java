package com.assistantgateway.orchestrator.knowledge;

import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.TenantId;
import java.util.List;

/**
 * The vector store port. Every method takes the tenant and the assistant: there is no way to search or delete across
 * them. Implementations: the embedded Lucene index; Milvus later.
 */
public interface KnowledgeStore {

    /** Replaces all chunks of a source at once: readers see the old version or the new one, never a mix. */
    void replaceSource(TenantId tenantId, AssistantId assistantId, String source, List<EmbeddedChunk> chunks);

    List<ScoredChunk> search(TenantId tenantId, AssistantId assistantId, float[] query, int limit);

    void deleteSource(TenantId tenantId, AssistantId assistantId, String source);

    long count(TenantId tenantId, AssistantId assistantId);
}
