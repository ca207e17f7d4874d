-- Every running instance, as its own heartbeat says: how many instances share this database right now. Platform
-- data, no tenant's. Rows of instances gone for an hour are removed by the others.
CREATE TABLE cluster_members (
    member_id  CHAR(36)     NOT NULL,
    host       VARCHAR(255) NOT NULL,
    started_at DATETIME(3)  NOT NULL,
    seen_at    DATETIME(3)  NOT NULL,
    CONSTRAINT pk_cluster_members PRIMARY KEY (member_id)
);
