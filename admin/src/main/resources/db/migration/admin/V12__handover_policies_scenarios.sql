-- What kind of reply each is (answered, dont-know, refused, handed-over, acknowledged) and in which language: the
-- overview counts them apart.
ALTER TABLE messages ADD COLUMN outcome VARCHAR(20) NULL;
ALTER TABLE messages ADD COLUMN language VARCHAR(8) NULL;

-- A handed-over conversation: why, since when, and the response timers (cleared when an agent answers).
ALTER TABLE conversations ADD COLUMN handover_reason VARCHAR(30) NULL;
ALTER TABLE conversations ADD COLUMN handed_over_at DATETIME(3) NULL;
ALTER TABLE conversations ADD COLUMN response_due DATETIME(3) NULL;
ALTER TABLE conversations ADD COLUMN response_kind VARCHAR(10) NULL;
ALTER TABLE conversations ADD COLUMN warned_at DATETIME(3) NULL;
CREATE INDEX ix_conversations_queue ON conversations (status, handed_over_at);

-- Agents who take handed-over conversations: available or not, how many at once, and when they last got one (round
-- robin gives the next to whoever waited longest).
CREATE TABLE agents (
    tenant_id        VARCHAR(64)  NOT NULL,
    email            VARCHAR(320) NOT NULL,
    available        BOOLEAN      NOT NULL,
    capacity         INT          NOT NULL,
    last_assigned_at DATETIME(3)  NULL,
    PRIMARY KEY (tenant_id, email)
);

-- Every saved version of an assistant's answer policy; the highest version is in force.
CREATE TABLE answer_policies (
    tenant_id    VARCHAR(64)  NOT NULL,
    assistant_id VARCHAR(64)  NOT NULL,
    version      INT          NOT NULL,
    document     TEXT         NOT NULL,
    created_at   DATETIME(3)  NOT NULL,
    created_by   VARCHAR(320) NOT NULL,
    PRIMARY KEY (tenant_id, assistant_id, version)
);

-- An assistant's test scenarios (one JSON document per assistant) and every run of them, kept to compare.
CREATE TABLE scenario_sets (
    tenant_id    VARCHAR(64)  NOT NULL,
    assistant_id VARCHAR(64)  NOT NULL,
    document     MEDIUMTEXT   NOT NULL,
    updated_at   DATETIME(3)  NOT NULL,
    PRIMARY KEY (tenant_id, assistant_id)
);

CREATE TABLE scenario_runs (
    tenant_id    VARCHAR(64)  NOT NULL,
    id           CHAR(36)     NOT NULL,
    assistant_id VARCHAR(64)  NOT NULL,
    started_at   DATETIME(3)  NOT NULL,
    passed       INT          NOT NULL,
    total        INT          NOT NULL,
    report       MEDIUMTEXT   NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ix_scenario_runs ON scenario_runs (tenant_id, assistant_id, started_at);
