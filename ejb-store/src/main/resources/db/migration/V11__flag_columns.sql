-- A message's follow-up flag, status bits and last verb (PR_FLAG_STATUS 0x10900003, PR_MSG_STATUS
-- 0x0E170003, PR_LAST_VERB_EXECUTED 0x10810003: IMAP's \Flagged, \Deleted, \Answered and
-- $Forwarded) in columns of the object's row, as PR_MESSAGE_FLAGS already is (issue 10): a flag
-- change of 1,000 messages is then one row update each instead of a property row looked up,
-- inserted or updated beside it. NULL is "the property is not set". The values move out of the
-- property table.
ALTER TABLE hierarchy ADD COLUMN msg_status INT;
ALTER TABLE hierarchy ADD COLUMN flag_status INT;
ALTER TABLE hierarchy ADD COLUMN last_verb INT;
UPDATE hierarchy SET msg_status = (SELECT p.val_long FROM properties p WHERE p.hierarchy_id = hierarchy.id AND p.tag = 236388355)
WHERE id IN (SELECT hierarchy_id FROM properties WHERE tag = 236388355);
UPDATE hierarchy SET flag_status = (SELECT p.val_long FROM properties p WHERE p.hierarchy_id = hierarchy.id AND p.tag = 277872643)
WHERE id IN (SELECT hierarchy_id FROM properties WHERE tag = 277872643);
UPDATE hierarchy SET last_verb = (SELECT p.val_long FROM properties p WHERE p.hierarchy_id = hierarchy.id AND p.tag = 276889603)
WHERE id IN (SELECT hierarchy_id FROM properties WHERE tag = 276889603);
DELETE FROM properties WHERE tag IN (236388355, 277872643, 276889603);
