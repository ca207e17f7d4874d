package com.assistantgateway.admin.knowledge;

import com.assistantgateway.routes.message.TenantId;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/** One uploaded version of a knowledge source; its file is kept so the source can be rolled back to it. */
public record KnowledgeVersion(
        @JsonIgnore TenantId tenantId,
        @JsonIgnore String sourceId,
        int version,
        String contentType,
        long sizeBytes,
        String sha256,
        String createdBy,
        Instant createdAt) {}
