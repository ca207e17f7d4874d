-- Assigning a handed-over conversation locks the agent's conversations to count them as committed (HandoverMapper
-- lockAssigned); this index keeps that lock to the agent's own rows instead of every conversation of the tenant.
CREATE INDEX ix_conversations_assignee ON conversations (tenant_id, assignee, status);
