package org.zcp.store.api;

/**
 * One committed change of a store object, as the change journal recorded it (docs/store-api.md).
 *
 * @param storeId the store
 * @param folderId the folder the object is in (for a folder: its parent); subscribers watch this
 * @param objectId the changed object
 * @param folder whether the object is a folder (hierarchy change) rather than a message
 * @param kind what happened
 * @param uid the message's IMAP UID in {@code folderId} when the change was made (0 for folders)
 * @param modSeq the store's change number of this change: the message's new MODSEQ
 */
public record ChangeEvent(long storeId, long folderId, long objectId, boolean folder, Kind kind, long uid,
        long modSeq) {
    public enum Kind {
        /** Created, copied or moved in, or restored from the soft-deleted items. */
        ADDED,
        /** Properties changed. */
        CHANGED,
        /** Only read state, flags or categories changed. */
        FLAGS,
        /** Deleted (soft or hard), moved out or purged. */
        REMOVED
    }
}
