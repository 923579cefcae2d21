-- PR_EC_IMAP_EMAIL_SIZE (0x678D0003) beside every kept RFC 822 text (PR_EC_IMAP_EMAIL, 0x678C0102)
-- written before the store kept it there itself, so message lists never read texts for a size.
INSERT INTO properties (hierarchy_id, tag, type, val_long)
SELECT p.hierarchy_id, 1737293827, 3, OCTET_LENGTH(p.val_binary)
FROM properties p
WHERE p.tag = 1737228546 AND p.val_binary IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM properties q WHERE q.hierarchy_id = p.hierarchy_id AND q.tag = 1737293827);
