-- Channel state: what was sent to providers, what was skipped, who opted out, which page versions were seen.
-- Same portability rules as V1: tenant_id first in every key, DATETIME(3) in UTC.

-- One row per message handed to a provider. channel_message_id is the provider's id (Message-ID, MessageSid); email
-- threads find our own replies through it, and status callbacks find their delivery.
CREATE TABLE deliveries (
    tenant_id           VARCHAR(64)  NOT NULL,
    message_id          CHAR(36)     NOT NULL,
    part                INT          NOT NULL,
    conversation_id     VARCHAR(100) NOT NULL,
    binding_id          VARCHAR(64)  NULL,
    channel             VARCHAR(30)  NOT NULL,
    channel_message_id  VARCHAR(250) NULL,
    status              VARCHAR(20)  NOT NULL,
    error_code          VARCHAR(40)  NULL,
    created_at          DATETIME(3)  NOT NULL,
    updated_at          DATETIME(3)  NOT NULL,
    PRIMARY KEY (tenant_id, message_id, part),
    CONSTRAINT uq_deliveries_channel_id UNIQUE (tenant_id, binding_id, channel_message_id)
);

CREATE TABLE skipped_messages (
    id                  BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id           VARCHAR(64)  NOT NULL,
    binding_id          VARCHAR(64)  NOT NULL,
    channel             VARCHAR(30)  NOT NULL,
    reason              VARCHAR(40)  NOT NULL,
    sender              VARCHAR(320) NULL,
    channel_message_id  VARCHAR(250) NULL,
    occurred_at         DATETIME(3)  NOT NULL,
    PRIMARY KEY (id)
);

CREATE INDEX ix_skipped_tenant_time ON skipped_messages (tenant_id, occurred_at);

CREATE TABLE opt_outs (
    tenant_id     VARCHAR(64)  NOT NULL,
    address       VARCHAR(320) NOT NULL,
    keyword       VARCHAR(40)  NOT NULL,
    opted_out_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (tenant_id, address)
);

CREATE TABLE page_snapshots (
    tenant_id       VARCHAR(64)   NOT NULL,
    binding_id      VARCHAR(64)   NOT NULL,
    url_sha256      CHAR(64)      NOT NULL,
    url             VARCHAR(2000) NOT NULL,
    title           VARCHAR(500)  NULL,
    content_sha256  CHAR(64)      NOT NULL,
    content         MEDIUMTEXT    NOT NULL,
    fetched_at      DATETIME(3)   NOT NULL,
    PRIMARY KEY (tenant_id, binding_id, url_sha256)
);
