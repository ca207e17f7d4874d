-- The admin API: users and their sessions, tenant API keys, knowledge sources, tenant settings and human takeover.
-- Same portability rules as V1: tenant_id first in every tenant-owned key, DATETIME(3) in UTC.

ALTER TABLE tenants ADD COLUMN enabled_channels VARCHAR(200) NOT NULL DEFAULT 'webhook,email,sms,whatsapp,kafka,scrape';
ALTER TABLE tenants ADD COLUMN retention_days INT NOT NULL DEFAULT 365;

ALTER TABLE assistants ADD COLUMN sector VARCHAR(60) NULL;
-- Secrets of an assistant (its own LLM key), AES-256-GCM encrypted like binding credentials.
ALTER TABLE assistants ADD COLUMN credentials TEXT NULL;

-- Who handles a conversation taken over by a person; NULL while the assistant does.
ALTER TABLE conversations ADD COLUMN assignee VARCHAR(320) NULL;

-- tenant_id is NULL only for platform admins. Passwords are Argon2id hashes.
CREATE TABLE users (
    id             CHAR(36)     NOT NULL,
    email          VARCHAR(320) NOT NULL,
    name           VARCHAR(200) NOT NULL,
    password_hash  VARCHAR(200) NOT NULL,
    role           VARCHAR(30)  NOT NULL,
    tenant_id      VARCHAR(64)  NULL,
    status         VARCHAR(20)  NOT NULL,
    created_at     DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_users_email UNIQUE (email),
    CONSTRAINT fk_users_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (slug)
);

-- API login tokens: only their SHA-256 is stored.
CREATE TABLE user_tokens (
    token_sha256  CHAR(64)     NOT NULL,
    user_id       CHAR(36)     NOT NULL,
    expires_at    DATETIME(3)  NOT NULL,
    PRIMARY KEY (token_sha256),
    CONSTRAINT fk_tokens_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

-- Tenant API keys: shown once; stored as the SHA-256 of the whole key, found by their public prefix.
CREATE TABLE api_keys (
    tenant_id     VARCHAR(64)  NOT NULL,
    id            CHAR(36)     NOT NULL,
    name          VARCHAR(200) NOT NULL,
    prefix        VARCHAR(20)  NOT NULL,
    key_sha256    CHAR(64)     NOT NULL,
    scopes        VARCHAR(500) NOT NULL,
    created_by    VARCHAR(320) NOT NULL,
    created_at    DATETIME(3)  NOT NULL,
    last_used_at  DATETIME(3)  NULL,
    revoked_at    DATETIME(3)  NULL,
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT uq_api_keys_prefix UNIQUE (prefix),
    CONSTRAINT fk_api_keys_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (slug)
);

-- An uploaded knowledge source; its file is kept so it can be re-indexed.
CREATE TABLE knowledge_sources (
    tenant_id     VARCHAR(64)   NOT NULL,
    id            CHAR(36)      NOT NULL,
    assistant_id  VARCHAR(64)   NOT NULL,
    name          VARCHAR(300)  NOT NULL,
    content_type  VARCHAR(100)  NOT NULL,
    size_bytes    BIGINT        NOT NULL,
    sha256        CHAR(64)      NOT NULL,
    status        VARCHAR(20)   NOT NULL,
    status_reason VARCHAR(1000) NULL,
    chunks        INT           NOT NULL,
    created_at    DATETIME(3)   NOT NULL,
    updated_at    DATETIME(3)   NOT NULL,
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT uq_knowledge_name UNIQUE (tenant_id, assistant_id, name),
    CONSTRAINT fk_knowledge_assistant FOREIGN KEY (tenant_id, assistant_id) REFERENCES assistants (tenant_id, id)
);

CREATE INDEX ix_conversations_updated ON conversations (tenant_id, updated_at);
CREATE INDEX ix_conversations_participant ON conversations (tenant_id, participant);
CREATE INDEX ix_audit_tenant_action ON audit_events (tenant_id, action);
