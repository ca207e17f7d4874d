-- Knowledge sources keep every uploaded version; one is live in the store, another may be on its way.
ALTER TABLE knowledge_sources ADD COLUMN active_version INT NOT NULL DEFAULT 0;
ALTER TABLE knowledge_sources ADD COLUMN target_version INT NOT NULL DEFAULT 1;
ALTER TABLE knowledge_sources ADD COLUMN progress_done INT NOT NULL DEFAULT 0;
ALTER TABLE knowledge_sources ADD COLUMN progress_total INT NOT NULL DEFAULT 0;
ALTER TABLE knowledge_sources ADD COLUMN origin_url VARCHAR(2048) NULL;
UPDATE knowledge_sources SET active_version = 1 WHERE status = 'ready';

CREATE TABLE knowledge_source_versions (
    tenant_id     VARCHAR(64)   NOT NULL,
    source_id     CHAR(36)      NOT NULL,
    version       INT           NOT NULL,
    content_type  VARCHAR(100)  NOT NULL,
    size_bytes    BIGINT        NOT NULL,
    sha256        CHAR(64)      NOT NULL,
    created_by    VARCHAR(200)  NOT NULL,
    created_at    DATETIME(3)   NOT NULL,
    PRIMARY KEY (tenant_id, source_id, version)
);

INSERT INTO knowledge_source_versions (tenant_id, source_id, version, content_type, size_bytes, sha256, created_by,
                                       created_at)
SELECT tenant_id, id, 1, content_type, size_bytes, sha256, 'migration', created_at FROM knowledge_sources;
