-- The change journal is pruned after sync_lifetime days (server.cfg, default 90; 0 keeps it):
-- journal_floor is the highest change number of a store whose journal entries may be gone, so a
-- reader asking what left a folder since an older number knows the journal cannot tell it
-- exactly (docs/store-api.md, "Journal retention").
ALTER TABLE stores ADD COLUMN journal_floor BIGINT NOT NULL DEFAULT 0;
