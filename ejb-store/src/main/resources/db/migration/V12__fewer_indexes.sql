-- Fewer B-trees per row (issue 10). Every message, recipient and attachment is a hierarchy row,
-- and H2 rewrites every index of a row it updates (remove, then add), so each index is paid for
-- at every delivery and every flag change (Flight Recorder over STORE 1:1000: index maintenance
-- was most of the time). Kept: the primary key, the folder views (parent_delivery), UID ranges
-- (parent_uid), the changes of a folder (parent_changenum) and one per-store index.
--
-- hierarchy_parent_name: folders are looked up by name among a parent's few subfolders, which
--   the (parent_id, type) prefix of hierarchy_parent_uid finds as well.
-- hierarchy_deleted: only the purge of soft-deleted items (a nightly job) asks by deletion time;
--   it reads the table.
-- hierarchy_store and hierarchy_msgid become one: (store_id, type) finds a store's folders (the
--   folder tree), (store_id, type, message_id) a delivery's duplicates.
ALTER TABLE hierarchy DROP INDEX hierarchy_parent_name;
ALTER TABLE hierarchy DROP INDEX hierarchy_deleted;
ALTER TABLE hierarchy DROP INDEX hierarchy_store;
ALTER TABLE hierarchy DROP INDEX hierarchy_msgid;
CREATE INDEX hierarchy_store_msgid ON hierarchy (store_id, type, message_id);

-- The journal is read by folder only (a folder's removals and its highest change number after a
-- known one: changes_parent); nothing reads it by store.
ALTER TABLE changes DROP INDEX changes_store;
