-- Why a reply handed the conversation over: the overview counts handovers by reason.
ALTER TABLE messages ADD COLUMN handover VARCHAR(30) NULL;
