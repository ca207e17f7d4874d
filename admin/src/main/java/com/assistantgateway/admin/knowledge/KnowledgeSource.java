package com.assistantgateway.admin.knowledge;

import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.TenantId;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/**
 * An uploaded knowledge source and where its ingestion is: {@code processing}, {@code ready} (with its chunk count)
 * or {@code failed} (with the reason).
 */
public record KnowledgeSource(
        @JsonIgnore TenantId tenantId,
        String id,
        AssistantId assistantId,
        String name,
        String contentType,
        long sizeBytes,
        String sha256,
        String status,
        String statusReason,
        int chunks,
        Instant createdAt,
        Instant updatedAt) {}
