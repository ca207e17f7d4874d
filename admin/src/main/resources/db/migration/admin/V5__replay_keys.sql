-- A signed webhook request's signature: the ledger stores one message per replay key and binding, so a captured
-- request replayed within its signature window is the message it was the first time, never a second one.
ALTER TABLE messages ADD COLUMN replay_key CHAR(64) NULL;
CREATE UNIQUE INDEX uq_messages_replay_key ON messages (tenant_id, binding_id, replay_key);
