package com.assistantgateway.admin.knowledge;

import com.assistantgateway.admin.AdminProblem;
import com.assistantgateway.admin.AdminProperties;
import com.assistantgateway.admin.audit.AuditTrail;
import com.assistantgateway.admin.registry.TenantRegistry;
import com.assistantgateway.routes.backbone.ChannelSignatures;
import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.KnowledgeIngestion;
import com.assistantgateway.routes.port.KnowledgeJobs;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * Uploads, lists, re-indexes, rolls back and deletes an assistant's knowledge sources. An upload is checked (size,
 * type from its content), kept as a new version and queued; {@link KnowledgeJobs} ingests it asynchronously and the
 * source's status says how far it got. Until a new version is ready, the previous one keeps answering.
 */
@Service
public class KnowledgeSources {

    static final String QUEUED = "queued";
    private static final Pattern NAME = Pattern.compile("[^/\\\\\\x00-\\x1f]{1,200}");

    private final KnowledgeMapper mapper;
    private final KnowledgeIngestion ingestion;
    private final KnowledgeFiles files;
    private final KnowledgeJobs queue;
    private final WebPages web;
    private final TenantRegistry registry;
    private final AuditTrail audit;
    private final AdminProperties properties;
    private final Clock clock;

    public KnowledgeSources(
            KnowledgeMapper mapper,
            KnowledgeIngestion ingestion,
            KnowledgeFiles files,
            KnowledgeJobs queue,
            WebPages web,
            TenantRegistry registry,
            AuditTrail audit,
            AdminProperties properties,
            Clock clock) {
        this.clock = clock;
        this.mapper = mapper;
        this.ingestion = ingestion;
        this.files = files;
        this.queue = queue;
        this.web = web;
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

    public List<KnowledgeVersion> versions(TenantId tenantId, AssistantId assistantId, String sourceId) {
        get(tenantId, assistantId, sourceId);
        return mapper.versions(tenantId, sourceId);
    }

    /** Checks and queues an upload; a source of the same name gets a new version. */
    public KnowledgeSource upload(
            TenantId tenantId, AssistantId assistantId, String name, String contentType, byte[] content, String actor) {
        requireAssistant(tenantId, assistantId);
        if (name == null || !NAME.matcher(name).matches()) {
            throw AdminProblem.invalid("a file name of 1 to 200 characters, without path separators, is needed");
        }
        return accept(tenantId, assistantId, name, name, null, content, actor);
    }

    /** Fetches a web page or document and queues it as a source named by its URL; fetching it again is a new version. */
    public KnowledgeSource uploadUrl(TenantId tenantId, AssistantId assistantId, String url, String actor) {
        requireAssistant(tenantId, assistantId);
        WebPages.Fetched page = web.fetch(url, properties.maxUploadSize().toBytes());
        return accept(tenantId, assistantId, page.url(), page.fileName(), page.url(), page.content(), actor);
    }

    private KnowledgeSource accept(
            TenantId tenantId,
            AssistantId assistantId,
            String name,
            String fileName,
            String originUrl,
            byte[] content,
            String actor) {
        if (content.length == 0) {
            throw AdminProblem.invalid(name + " is empty");
        }
        if (content.length > properties.maxUploadSize().toBytes()) {
            throw AdminProblem.tooLarge(name + " is larger than " + properties.maxUploadSize());
        }
        String mediaType;
        try {
            mediaType = ingestion.mediaType(fileName, content);
        } catch (IllegalArgumentException refused) {
            throw AdminProblem.invalid(refused.getMessage());
        }
        Instant now = clock.instant();
        KnowledgeSource existing = mapper.byName(tenantId, assistantId, name).orElse(null);
        String id = existing == null ? UUID.randomUUID().toString() : existing.id();
        int version = mapper.latestVersion(tenantId, id) + 1;
        String sha256 = ChannelSignatures.sha256Hex(content);
        files.write(tenantId, id, version, content);
        mapper.insertVersion(
                new KnowledgeVersion(tenantId, id, version, mediaType, content.length, sha256, actor, now));
        if (existing == null) {
            mapper.insert(new KnowledgeSource(
                    tenantId,
                    id,
                    assistantId,
                    name,
                    mediaType,
                    content.length,
                    sha256,
                    QUEUED,
                    null,
                    0,
                    0,
                    version,
                    0,
                    0,
                    originUrl,
                    now,
                    now));
        } else {
            mapper.queue(tenantId, id, version, mediaType, content.length, sha256, now);
        }
        audit.record(
                tenantId,
                actor,
                existing == null ? "knowledge.uploaded" : "knowledge.replaced",
                "knowledge-source",
                id,
                audit.change(
                        existing == null
                                ? null
                                : Map.of("sha256", existing.sha256(), "version", existing.activeVersion()),
                        Map.of("name", name, "sha256", sha256, "bytes", content.length, "version", version)));
        return submit(get(tenantId, assistantId, id), version);
    }

    /** Ingests the live version again (after a change of chunking or embedding settings). */
    public KnowledgeSource reindex(TenantId tenantId, AssistantId assistantId, String sourceId, String actor) {
        KnowledgeSource source = get(tenantId, assistantId, sourceId);
        int version = source.activeVersion() > 0 ? source.activeVersion() : source.targetVersion();
        audit.record(tenantId, actor, "knowledge.reindexed", "knowledge-source", sourceId, null);
        return requeue(source, version);
    }

    /** Makes an earlier version live again: it is ingested anew and replaces the current chunks when ready. */
    public KnowledgeSource restore(
            TenantId tenantId, AssistantId assistantId, String sourceId, int version, String actor) {
        KnowledgeSource source = get(tenantId, assistantId, sourceId);
        mapper.version(tenantId, sourceId, version).orElseThrow(AdminProblem::notFound);
        audit.record(
                tenantId,
                actor,
                "knowledge.rolled-back",
                "knowledge-source",
                sourceId,
                audit.change(Map.of("version", source.activeVersion()), Map.of("version", version)));
        return requeue(source, version);
    }

    private KnowledgeSource requeue(KnowledgeSource source, int version) {
        KnowledgeVersion stored =
                mapper.version(source.tenantId(), source.id(), version).orElseThrow(AdminProblem::notFound);
        if (!files.exists(source.tenantId(), source.id(), version)) {
            throw AdminProblem.conflict("the stored file of version " + version + " is missing; upload it again");
        }
        mapper.queue(
                source.tenantId(),
                source.id(),
                version,
                stored.contentType(),
                stored.sizeBytes(),
                stored.sha256(),
                clock.instant());
        return submit(get(source.tenantId(), source.assistantId(), source.id()), version);
    }

    /** Queues the job and answers with the source as accepted ({@code queued}), whatever the job does meanwhile. */
    private KnowledgeSource submit(KnowledgeSource queued, int version) {
        queue.submit(queued.tenantId(), queued.id(), version);
        return queued;
    }

    /** Deletes the source, its chunks in the store, and every stored version. */
    public void delete(TenantId tenantId, AssistantId assistantId, String sourceId, String actor) {
        KnowledgeSource source = get(tenantId, assistantId, sourceId);
        mapper.delete(tenantId, sourceId);
        ingestion.delete(tenantId, assistantId, source.name());
        mapper.deleteVersions(tenantId, sourceId);
        files.deleteAll(tenantId, sourceId);
        audit.record(
                tenantId,
                actor,
                "knowledge.deleted",
                "knowledge-source",
                sourceId,
                audit.change(Map.of("name", source.name()), null));
    }

    /** Queues again what a crash left queued or half-processed before {@code before}. */
    public int resumeUnfinished(TenantId tenantId, Instant before) {
        List<KnowledgeSource> unfinished = mapper.unfinished(tenantId, before);
        unfinished.forEach(source -> queue.submit(tenantId, source.id(), source.targetVersion()));
        return unfinished.size();
    }

    private void requireAssistant(TenantId tenantId, AssistantId assistantId) {
        registry.assistantView(tenantId, assistantId).orElseThrow(AdminProblem::notFound);
    }
}
