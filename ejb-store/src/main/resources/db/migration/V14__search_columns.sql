-- The sender's address (PR_SENDER_EMAIL_ADDRESS 0x0C1F001F) and the To line (PR_DISPLAY_TO
-- 0x0E04001F) of a message beside its subject and sender name in the object's row: the first 255
-- characters, as those two keep them (issue 13, the web client's quick search). A search of one
-- text in these four then reads the folder's rows only, not four property rows per message; the
-- property rows stay (they hold the whole value). NULL is "the property is not set".
ALTER TABLE hierarchy ADD COLUMN sender_email VARCHAR(255);
ALTER TABLE hierarchy ADD COLUMN display_to VARCHAR(255);
UPDATE hierarchy SET sender_email = (SELECT p.val_string FROM properties p WHERE p.hierarchy_id = hierarchy.id AND p.tag = 203358239)
WHERE id IN (SELECT hierarchy_id FROM properties WHERE tag = 203358239);
UPDATE hierarchy SET display_to = (SELECT p.val_string FROM properties p WHERE p.hierarchy_id = hierarchy.id AND p.tag = 235143199)
WHERE id IN (SELECT hierarchy_id FROM properties WHERE tag = 235143199);
