-- Uploaded knowledge files and mail attachments, in the database every instance shares: an ingestion job taken by
-- another instance, or an attachment read there, finds the same bytes. A file is stored as numbered chunks well under
-- MySQL's and MariaDB's default max_allowed_packet, written in one transaction.
CREATE TABLE stored_file_chunks (
    tenant_id  VARCHAR(64)  NOT NULL,
    kind       VARCHAR(20)  NOT NULL,
    file_key   VARCHAR(300) NOT NULL,
    chunk      INT          NOT NULL,
    content    MEDIUMBLOB   NOT NULL,
    created_at DATETIME(3)  NOT NULL,
    CONSTRAINT pk_stored_file_chunks PRIMARY KEY (tenant_id, kind, file_key, chunk)
);
