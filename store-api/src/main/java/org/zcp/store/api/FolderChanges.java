package org.zcp.store.api;

import java.util.List;

/**
 * What changed in a folder since a change number: messages added or changed (UID order) and the
 * UIDs of those that left it (deleted, moved away, purged).
 */
public record FolderChanges(long highestModSeq, List<MessageSummary> changed, List<Long> removed) {
}
