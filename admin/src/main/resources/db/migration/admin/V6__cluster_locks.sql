-- Spring Integration's JDBC lock table (its schema-mysql.sql): one row per held lock. Instances elect the owner of
-- each group of polling bindings with it; a row its holder stops renewing expires after gateway.admin.cluster.lock-ttl.
CREATE TABLE INT_LOCK (
    LOCK_KEY CHAR(36) NOT NULL,
    REGION VARCHAR(100) NOT NULL,
    CLIENT_ID CHAR(36),
    CREATED_DATE DATETIME(6) NOT NULL,
    CONSTRAINT INT_LOCK_PK PRIMARY KEY (LOCK_KEY, REGION)
);
