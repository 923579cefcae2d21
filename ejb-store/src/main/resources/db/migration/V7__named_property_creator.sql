-- Named properties remember who created them, so one user cannot use up the server-wide id
-- range 0x8500-0xFFFE (security review finding 11); NULL: the server or before this version.
ALTER TABLE names ADD COLUMN creator BIGINT;
CREATE INDEX names_creator ON names (creator);
CREATE INDEX names_string ON names (guid, namestring);
-- The names the server itself needs exist from the start (PS_PUBLIC_STRINGS "Keywords": IMAP
-- keywords are the message's categories).
INSERT INTO names (guid, namestring)
SELECT '0002032900000000C000000000000046', 'Keywords' FROM (SELECT 1 AS one) x
WHERE NOT EXISTS (SELECT 1 FROM names n WHERE n.guid = '0002032900000000C000000000000046' AND n.namestring = 'Keywords');
