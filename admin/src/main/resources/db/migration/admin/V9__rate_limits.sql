-- Rate limits. The buckets are Bucket4j's (one row per limited key, its state serialized by Bucket4j, locked with
-- SELECT ... FOR UPDATE while a message is counted), so every instance on this database counts against the same
-- allowance. Keys start with the tenant id; expired rows are removed by the instance that holds the cleanup lock.
CREATE TABLE rate_limit_buckets (
    id         VARCHAR(255) NOT NULL,
    state      BLOB         NULL,
    expires_at BIGINT       NULL,
    CONSTRAINT pk_rate_limit_buckets PRIMARY KEY (id)
);
CREATE INDEX ix_rate_limit_buckets_expires ON rate_limit_buckets (expires_at);

-- A limit set for one tenant (the platform throttling it live), instead of its plan's.
CREATE TABLE tenant_limits (
    tenant_id                  VARCHAR(64) NOT NULL,
    messages_per_minute        INT         NOT NULL,
    sender_messages_per_minute INT         NOT NULL,
    updated_at                 DATETIME(3) NOT NULL,
    CONSTRAINT pk_tenant_limits PRIMARY KEY (tenant_id),
    CONSTRAINT fk_tenant_limits_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (slug) ON DELETE CASCADE
);
