package com.assistantgateway.admin.knowledge;

import com.assistantgateway.admin.audit.AuditTrail;
import com.assistantgateway.routes.message.CanonicalJson;
import com.assistantgateway.routes.port.AssistantSettingsChanged;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * An assistant whose embedding model changed ({@code embedding.*} settings) has every source re-indexed: vectors of
 * two models cannot be compared, so until a source is re-embedded it is found by its words only.
 */
@Component
class EmbeddingModelChanges {

    static final String ACTOR = "system:embedding-model-changed";

    private final KnowledgeSources sources;
    private final AuditTrail audit;

    EmbeddingModelChanges(KnowledgeSources sources, AuditTrail audit) {
        this.sources = sources;
        this.audit = audit;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(AssistantSettingsChanged changed) {
        if (changed.changed().stream().noneMatch(key -> key.startsWith("embedding."))) {
            return;
        }
        List<KnowledgeSource> all = sources.list(changed.tenantId(), changed.assistantId());
        audit.record(
                changed.tenantId(),
                ACTOR,
                "knowledge.reembedding",
                "assistant",
                changed.assistantId().value(),
                CanonicalJson.write(Map.of("sources", all.size(), "settings", changed.changed())));
        for (KnowledgeSource source : all) {
            sources.reindex(changed.tenantId(), changed.assistantId(), source.id(), ACTOR);
        }
    }
}
