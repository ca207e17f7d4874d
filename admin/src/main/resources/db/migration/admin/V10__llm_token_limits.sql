-- A tenant's LLM tokens a minute (prompt and answer together), set for it by the platform; 0 for none.
ALTER TABLE tenant_limits ADD COLUMN llm_tokens_per_minute INT NOT NULL DEFAULT 0;
