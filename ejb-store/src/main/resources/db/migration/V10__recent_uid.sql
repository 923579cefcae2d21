-- IMAP \Recent (RFC 3501 section 2.3.2): the highest UID of a folder that a session has already
-- been shown as recent; the messages above it are recent for the next session that selects the
-- folder. Kept with the folder so a restart neither forgets nor repeats it. Folders that exist
-- now start with what they hold seen.
ALTER TABLE hierarchy ADD COLUMN recent_uid BIGINT NOT NULL DEFAULT 0;
UPDATE hierarchy SET recent_uid = next_uid - 1 WHERE next_uid > 1;
