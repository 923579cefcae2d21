-- IMAP looks messages up by UID within a folder (FETCH, STORE, COPY of UID sets) and asks a
-- folder for what changed after a change number (every NOOP, IDLE poll and command end): without
-- these, both walk every message of the folder through hierarchy_parent_delivery.
CREATE INDEX hierarchy_parent_uid ON hierarchy (parent_id, type, imap_uid);
CREATE INDEX hierarchy_parent_changenum ON hierarchy (parent_id, change_num);
