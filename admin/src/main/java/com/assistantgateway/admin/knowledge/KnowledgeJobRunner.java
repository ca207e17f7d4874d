package com.assistantgateway.admin.knowledge;

import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.KnowledgeIngestion;
import com.assistantgateway.routes.port.KnowledgeJobs;
import java.io.IOException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs one ingestion job: the stored file of one source version through extraction, chunking, batched embedding and
 * the store, reporting progress. Every status write is conditional on the version still being the one wanted, so a
 * newer upload or a deletion made meanwhile wins; chunks written for a source deleted meanwhile are removed again, and
 * if another instance made a version live while this job ran, that version's chunks are written again over this one's.
 */
@Component
public class KnowledgeJobRunner implements KnowledgeJobs.Runner {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeJobRunner.class);
    private static final String READY = "ready";

    private final KnowledgeMapper mapper;
    private final KnowledgeFiles files;
    private final KnowledgeIngestion ingestion;
    private final Clock clock;

    public KnowledgeJobRunner(KnowledgeMapper mapper, KnowledgeFiles files, KnowledgeIngestion ingestion, Clock clock) {
        this.clock = clock;
        this.mapper = mapper;
        this.files = files;
        this.ingestion = ingestion;
    }

    @Override
    public void run(TenantId tenantId, String sourceId, int version, boolean lastAttempt) throws IOException {
        String tenant = tenantId.value();
        KnowledgeSource source = mapper.byId(tenantId, sourceId).orElse(null);
        if (source == null || source.targetVersion() != version) {
            log.info("knowledge job {} v{} of tenant {} is superseded; skipped", sourceId, version, tenant);
            return;
        }
        KnowledgeVersion stored = mapper.version(tenantId, sourceId, version).orElse(null);
        if (stored == null || !files.exists(tenantId, sourceId, version)) {
            mapper.failed(
                    tenantId,
                    sourceId,
                    version,
                    "the stored file of version " + version + " is missing",
                    clock.instant());
            return;
        }
        mapper.progress(tenantId, sourceId, version, 0, 0, clock.instant());
        int chunks;
        try {
            chunks = ingestion.ingest(
                    tenantId,
                    source.assistantId(),
                    source.name(),
                    stored.contentType(),
                    files.read(tenantId, sourceId, version),
                    (done, total) -> mapper.progress(tenantId, sourceId, version, done, total, clock.instant()));
        } catch (IllegalArgumentException unreadable) {
            // The content itself is the problem: trying again cannot help. The previous version keeps answering.
            mapper.failed(tenantId, sourceId, version, unreadable.getMessage(), clock.instant());
            return;
        } catch (RuntimeException | IOException | Error failure) {
            if (lastAttempt) {
                mapper.failed(
                        tenantId, sourceId, version, "ingestion failed after retries: " + failure, clock.instant());
            }
            throw failure;
        }
        int updated = mapper.ready(
                tenantId,
                sourceId,
                version,
                chunks,
                stored.contentType(),
                stored.sizeBytes(),
                stored.sha256(),
                clock.instant());
        if (updated == 0) {
            superseded(tenantId, source, version, lastAttempt);
            return;
        }
        log.info("knowledge source {} v{} of tenant {}: {} chunks", source.name(), version, tenant, chunks);
    }

    /** This job's chunks are in the store, but its version is no longer wanted: leave the store as the source says. */
    private void superseded(TenantId tenantId, KnowledgeSource source, int version, boolean lastAttempt)
            throws IOException {
        KnowledgeSource current = mapper.byId(tenantId, source.id()).orElse(null);
        if (current == null) {
            ingestion.delete(tenantId, source.assistantId(), source.name());
        } else if (current.status().equals(READY) && current.activeVersion() != version) {
            log.info(
                    "knowledge source {} v{} went live while v{} was ingested; writing v{} again",
                    source.name(),
                    current.activeVersion(),
                    version,
                    current.activeVersion());
            run(tenantId, source.id(), current.activeVersion(), lastAttempt);
        }
        // Otherwise a newer job is queued; it replaces these chunks when it runs.
    }
}
