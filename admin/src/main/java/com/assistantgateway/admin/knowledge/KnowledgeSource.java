package com.assistantgateway.admin.knowledge;

import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.TenantId;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/**
 * An assistant's knowledge source and where its ingestion is: {@code queued}, {@code processing} (with progress),
 * {@code ready} (with its chunk count) or {@code failed} (with the reason). {@code activeVersion} is the version
 * whose chunks answer questions (0: none yet); {@code targetVersion} the one being ingested or last tried.
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
        int activeVersion,
        int targetVersion,
        int progressDone,
        int progressTotal,
        String originUrl,
        Instant createdAt,
        Instant updatedAt) {

    /** Queued or being ingested: its status will change without anyone doing anything. */
    @JsonIgnore
    public boolean inProgress() {
        return status.equals("queued") || status.equals("processing");
    }
}
