package org.zcp.store.directory;

/**
 * A user, group or company a plugin backed by an external directory met for the first time
 * (manual 8.5.1.1: the creation events): its store is made and the event script runs.
 */
public record DirectoryObjectAdded(DirEntry entry) {
}
