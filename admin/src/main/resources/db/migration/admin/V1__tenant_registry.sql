-- The tenant registry. Every tenant-owned row carries tenant_id, and every key that is unique only within a tenant
-- starts with tenant_id, so no query can reach a row without naming its tenant.
-- Portable SQL: runs unchanged on MySQL 8, MariaDB 10.6+ and H2 in MySQL mode. Times are DATETIME(3) in UTC:
-- TIMESTAMP would convert time zones and, on MariaDB, silently gain ON UPDATE CURRENT_TIMESTAMP.

CREATE TABLE tenants (
    slug        VARCHAR(64)  NOT NULL,
    name        VARCHAR(200) NOT NULL,
    plan        VARCHAR(40)  NOT NULL,
    sector      VARCHAR(60)  NULL,
    locales     VARCHAR(200) NOT NULL,
    status      VARCHAR(20)  NOT NULL,
    created_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (slug)
);

CREATE TABLE assistants (
    tenant_id       VARCHAR(64)   NOT NULL,
    id              VARCHAR(64)   NOT NULL,
    type            VARCHAR(40)   NOT NULL,
    name            VARCHAR(200)  NOT NULL,
    persona         VARCHAR(2000) NULL,
    prompt          TEXT          NULL,
    model_settings  TEXT          NULL,
    status          VARCHAR(20)   NOT NULL,
    created_at      DATETIME(3)   NOT NULL,
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT fk_assistants_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (slug)
);

CREATE TABLE channel_bindings (
    tenant_id     VARCHAR(64)  NOT NULL,
    id            VARCHAR(64)  NOT NULL,
    assistant_id  VARCHAR(64)  NOT NULL,
    channel       VARCHAR(30)  NOT NULL,
    inbound_key   VARCHAR(200) NOT NULL,
    settings      TEXT         NULL,
    credentials   TEXT         NULL,
    status        VARCHAR(20)  NOT NULL,
    created_at    DATETIME(3)  NOT NULL,
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT uq_bindings_inbound UNIQUE (channel, inbound_key),
    CONSTRAINT fk_bindings_assistant FOREIGN KEY (tenant_id, assistant_id) REFERENCES assistants (tenant_id, id)
);

CREATE TABLE conversations (
    tenant_id     VARCHAR(64)  NOT NULL,
    id            VARCHAR(100) NOT NULL,
    assistant_id  VARCHAR(64)  NOT NULL,
    channel       VARCHAR(30)  NOT NULL,
    binding_id    VARCHAR(64)  NULL,
    participant   VARCHAR(320) NULL,
    status        VARCHAR(20)  NOT NULL,
    created_at    DATETIME(3)  NOT NULL,
    updated_at    DATETIME(3)  NOT NULL,
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT fk_conversations_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (slug)
);

-- One row per inbound message and per reply. channel_message_id de-duplicates per binding; reply_to makes a second
-- reply to the same inbound message impossible; seq orders a conversation even within one millisecond (and on servers
-- where the driver drops fractional seconds).
CREATE TABLE messages (
    seq                 BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id           VARCHAR(64)  NOT NULL,
    id                  CHAR(36)     NOT NULL,
    conversation_id     VARCHAR(100) NOT NULL,
    assistant_id        VARCHAR(64)  NOT NULL,
    binding_id          VARCHAR(64)  NULL,
    channel             VARCHAR(30)  NOT NULL,
    direction           VARCHAR(10)  NOT NULL,
    channel_message_id  VARCHAR(250) NULL,
    reply_to            CHAR(36)     NULL,
    sender              VARCHAR(320) NULL,
    recipient           VARCHAR(320) NULL,
    status              VARCHAR(20)  NOT NULL,
    status_reason       VARCHAR(1000) NULL,
    confidence          DOUBLE       NULL,
    payload             TEXT         NOT NULL,
    created_at          DATETIME(3)  NOT NULL,
    updated_at          DATETIME(3)  NOT NULL,
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT uq_messages_seq UNIQUE (seq),
    CONSTRAINT uq_messages_channel_id UNIQUE (tenant_id, binding_id, channel_message_id),
    CONSTRAINT uq_messages_reply_to UNIQUE (tenant_id, reply_to),
    CONSTRAINT fk_messages_conversation FOREIGN KEY (tenant_id, conversation_id) REFERENCES conversations (tenant_id, id)
);

CREATE INDEX ix_messages_conversation ON messages (tenant_id, conversation_id, seq);

CREATE TABLE audit_events (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id    VARCHAR(64)  NOT NULL,
    occurred_at  DATETIME(3)  NOT NULL,
    actor        VARCHAR(200) NOT NULL,
    action       VARCHAR(60)  NOT NULL,
    target_type  VARCHAR(40)  NOT NULL,
    target_id    VARCHAR(100) NOT NULL,
    detail       TEXT         NULL,
    PRIMARY KEY (id)
);

CREATE INDEX ix_audit_tenant_time ON audit_events (tenant_id, occurred_at);
