-- The recovery sweep looks for inbound messages still RECEIVED (enqueue never confirmed) every 30 s: without this
-- index it read every message the tenant has kept (up to its retention) to find the few it wants.
CREATE INDEX ix_messages_status ON messages (tenant_id, status);
