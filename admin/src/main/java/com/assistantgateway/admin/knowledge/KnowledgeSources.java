package com.assistantgateway.admin.knowledge;

import com.assistantgateway.admin.AdminProblem;
import com.assistantgateway.admin.AdminProperties;
import com.assistantgateway.admin.audit.AuditTrail;
import com.assistantgateway.admin.registry.TenantRegistry;
import com.assistantgateway.routes.backbone.ChannelSignatures;
import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.KnowledgeIngestion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * Uploads, lists, re-indexes and deletes an assistant's knowledge sources. The uploaded file is kept (per tenant,
 * under {@code gateway.admin.sources-dir}) so a source can be re-indexed; its row says how ingestion went, with the
 * reason when it failed. A failed ingestion leaves the previous version searchable.
 */
@Service
public class KnowledgeSources {

    static final String PROCESSING = "processing";
    static final String READY = "ready";
    static final String FAILED = "failed";
    private static final Pattern NAME = Pattern.compile("[^/\\\\\\x00-\\x1f]{1,200}");

    private final KnowledgeMapper mapper;
    private final KnowledgeIngestion ingestion;
    private final TenantRegistry registry;
    private final AuditTrail audit;
    private final AdminProperties properties;
    private final Clock clock = Clock.systemUTC();

    public KnowledgeSources(
            KnowledgeMapper mapper,
            KnowledgeIngestion ingestion,
            TenantRegistry registry,
            AuditTrail audit,
            AdminProperties properties) {
        this.mapper = mapper;
        this.ingestion = ingestion;
        this.registry = registry;
        this.audit = audit;
        this.properties = properties;
    }

    public List<KnowledgeSource> list(TenantId tenantId, AssistantId assistantId) {
        requireAssistant(tenantId, assistantId);
        return mapper.sources(tenantId, assistantId);
    }

    public KnowledgeSource get(TenantId tenantId, AssistantId assistantId, String sourceId) {
        return mapper.source(tenantId, assistantId, sourceId).orElseThrow(AdminProblem::notFound);
    }

    /** Stores and ingests an upload; a source of the same name is replaced (a new version). */
    public KnowledgeSource upload(
            TenantId tenantId, AssistantId assistantId, String name, String contentType, byte[] content, String actor) {
        requireAssistant(tenantId, assistantId);
        if (name == null || !NAME.matcher(name).matches()) {
            throw AdminProblem.invalid("a file name of 1 to 200 characters, without path separators, is needed");
        }
        if (!ingestion.accepts(name)) {
            throw AdminProblem.invalid(name + ": this file type is not ingested (Markdown and plain text are)");
        }
        if (content.length == 0) {
            throw AdminProblem.invalid(name + " is empty");
        }
        if (content.length > properties.maxUploadSize().toBytes()) {
            throw AdminProblem.tooLarge(name + " is larger than " + properties.maxUploadSize());
        }
        Instant now = clock.instant();
        KnowledgeSource existing = mapper.byName(tenantId, assistantId, name).orElse(null);
        String id = existing == null ? UUID.randomUUID().toString() : existing.id();
        KnowledgeSource source = new KnowledgeSource(
                tenantId,
                id,
                assistantId,
                name,
                contentType == null ? "application/octet-stream" : contentType,
                content.length,
                ChannelSignatures.sha256Hex(content),
                PROCESSING,
                null,
                existing == null ? 0 : existing.chunks(),
                existing == null ? now : existing.createdAt(),
                now);
        write(tenantId, id, content);
        if (existing == null) {
            mapper.insert(source);
        } else {
            mapper.update(source);
        }
        audit.record(
                tenantId,
                actor,
                existing == null ? "knowledge.uploaded" : "knowledge.replaced",
                "knowledge-source",
                id,
                audit.change(
                        existing == null ? null : Map.of("sha256", existing.sha256()),
                        Map.of("name", name, "sha256", source.sha256(), "bytes", content.length)));
        return ingest(source, content);
    }

    public KnowledgeSource reindex(TenantId tenantId, AssistantId assistantId, String sourceId, String actor) {
        KnowledgeSource source = get(tenantId, assistantId, sourceId);
        audit.record(tenantId, actor, "knowledge.reindexed", "knowledge-source", sourceId, null);
        return ingest(source, read(tenantId, sourceId));
    }

    public void delete(TenantId tenantId, AssistantId assistantId, String sourceId, String actor) {
        KnowledgeSource source = get(tenantId, assistantId, sourceId);
        ingestion.delete(tenantId, assistantId, source.name());
        mapper.delete(tenantId, sourceId);
        try {
            Files.deleteIfExists(file(tenantId, sourceId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        audit.record(
                tenantId,
                actor,
                "knowledge.deleted",
                "knowledge-source",
                sourceId,
                audit.change(Map.of("name", source.name()), null));
    }

    private KnowledgeSource ingest(KnowledgeSource source, byte[] content) {
        TenantId tenantId = source.tenantId();
        try {
            int chunks = ingestion.ingest(tenantId, source.assistantId(), source.name(), content);
            mapper.updateStatus(tenantId, source.id(), READY, null, chunks, clock.instant());
        } catch (IllegalArgumentException unreadable) {
            mapper.updateStatus(
                    tenantId, source.id(), FAILED, unreadable.getMessage(), source.chunks(), clock.instant());
        }
        return get(tenantId, source.assistantId(), source.id());
    }

    private void requireAssistant(TenantId tenantId, AssistantId assistantId) {
        registry.assistantView(tenantId, assistantId).orElseThrow(AdminProblem::notFound);
    }

    private Path file(TenantId tenantId, String sourceId) {
        return properties.sourcesDir().resolve(tenantId.value()).resolve(sourceId);
    }

    private void write(TenantId tenantId, String sourceId, byte[] content) {
        Path target = file(tenantId, sourceId);
        try {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), sourceId, ".upload");
            Files.write(temporary, content);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store knowledge source " + sourceId, e);
        }
    }

    private byte[] read(TenantId tenantId, String sourceId) {
        try {
            return Files.readAllBytes(file(tenantId, sourceId));
        } catch (IOException e) {
            throw AdminProblem.conflict("the stored file of this source is missing; upload it again");
        }
    }
}
