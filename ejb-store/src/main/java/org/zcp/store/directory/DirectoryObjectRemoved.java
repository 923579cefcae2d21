package org.zcp.store.directory;

/**
 * A user, group or company gone from an external directory, seen by zarafa-admin --sync (manual
 * 8.5.1.1: the deletion events): a user's store becomes an orphan (8.2) and the event script runs.
 * Fired before the object's row is removed.
 */
public record DirectoryObjectRemoved(DirEntry entry) {
}
