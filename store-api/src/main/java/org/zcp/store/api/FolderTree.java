package org.zcp.store.api;

import java.util.List;
import java.util.Set;

/**
 * The folders of a store (docs/store-api.md): the hierarchy below the IPM subtree, special
 * folders, visibility by the folder's ACL, and the user's folder subscriptions. Every call is
 * one store transaction and checks the session's rights.
 */
public interface FolderTree {
    /**
     * A store's visible folders below its IPM subtree ({@code rootId}), parents before their
     * children, siblings in the order they were made.
     */
    record Hierarchy(long rootId, List<FolderInfo> folders) {
    }

    /** The session's own store. NOT_FOUND when the user has none. */
    Hierarchy folders(String session);

    /** The id of the session's own Inbox (its store's receive folder). NOT_FOUND when there is none. */
    long inbox(String session);

    /**
     * The public store of the session's company: only the folders the session may see
     * (FOLDER_VISIBLE or READ; a folder it may not see hides its subfolders too). Null when the
     * company has no public store or the session may not see its top.
     */
    Hierarchy publicFolders(String session);

    /**
     * Another user's store (by login name or e-mail address, of a company the session may see):
     * every folder below its IPM subtree the session may see (FOLDER_VISIBLE or READ), whether or
     * not it may see the folders above it, as a user shares a calendar without the rest of the
     * mailbox. The session's own store gives {@link #folders}. Null when there is no such user or
     * store; an empty list when nothing is shared with the session.
     */
    Hierarchy foldersOf(String session, String owner);

    /** Makes a folder (CREATE_SUBFOLDER on the parent); EXISTS when the name is taken there. Returns its id. */
    long create(String session, long parentId, String name, String containerClass);

    /** Renames and/or moves a folder with its subfolders (manual: the folder's owner right). */
    void move(String session, long folderId, long parentId, String name);

    /** Deletes a folder with its contents into the soft-deleted items (manual 7.5). */
    void delete(String session, long folderId);

    /** The folders the user subscribed to (IMAP LSUB), kept with the user's store. */
    Set<Long> subscriptions(String session);

    void subscribe(String session, long folderId, boolean subscribed);
}
