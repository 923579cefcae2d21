-- The IMAP UID an object had when the change was journaled: a message moved or deleted out of a
-- folder leaves its old UID here, which IMAP sessions report as EXPUNGE/VANISHED.
ALTER TABLE changes ADD COLUMN imap_uid BIGINT NOT NULL DEFAULT 0;
