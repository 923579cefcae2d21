-- Issue 10: creating a named property looked its name up, then inserted it; two sessions asking
-- for the same new name at once made two rows (two ids for one name). Creation now takes the
-- write lock of this row, in a short transaction of its own, before looking again and inserting.
INSERT INTO settings (name, val) VALUES ('named_properties_lock', 'serialises the creation of named properties');
