package com.assistantgateway.orchestrator.knowledge;

import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.TenantId;
import java.util.List;

/**
 * The knowledge store port: dense vectors and BM25 full text side by side. Every method takes the tenant and the
 * assistant: there is no way to search or delete across them. Implementations: the embedded Lucene index (default)
 * and Milvus.
 */
public interface KnowledgeStore {

    /** Replaces all chunks of a source with a new version; the old chunks are gone when this returns. */
    void replaceSource(TenantId tenantId, AssistantId assistantId, String source, List<EmbeddedChunk> chunks);

    /** The best chunks for a query, best first, scored as {@link ScoredChunk} says. */
    List<ScoredChunk> search(TenantId tenantId, AssistantId assistantId, KnowledgeQuery query);

    void deleteSource(TenantId tenantId, AssistantId assistantId, String source);

    long count(TenantId tenantId, AssistantId assistantId);
}
