-- Security review #18: a message the pipeline generated (forward, redirect, autoreply) waits in
-- its user's Outbox, where the user may change it. The queue row keeps the SHA-256 (hex) of the
-- MIME text as generated; the spooler sends the Outbox text only while it still has that hash.
-- The recipients of such entries are kept in the row as well (the existing column "remaining").
ALTER TABLE outgoingqueue ADD COLUMN raw_sha256 VARCHAR(64);
