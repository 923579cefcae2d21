package org.zcp.store.api;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.zcp.store.api.mapi.Message;
import org.zcp.store.api.mapi.NamedProp;

/**
 * The items of a folder by resource name (docs/calendar.md, "The item API"): what CalDAV, CardDAV
 * and the iCal gateway read and write. An item is a message of the folder (an appointment, a
 * contact, a task) named by the resource name a client gave it, kept with the item; items made
 * elsewhere (Outlook, delivery, IMAP) get their entry id as name. Every call is one store
 * transaction and checks the session's rights as {@link FolderMessages} does (READ to read,
 * CREATE/EDIT/DELETE to write); every change is journaled and announced like a message's, so the
 * folder's MODSEQ is the collection's tag and its journal answers {@link #changes}.
 */
public interface FolderItems {
    /**
     * One item of a folder.
     *
     * @param name its resource name in the folder (a safe path segment, unique there)
     * @param uid its UID in the folder
     * @param modSeq the change number of its last change: the ETag
     * @param entryId its entry id (hex)
     */
    record ItemRef(String name, long uid, long modSeq, String entryId) {
    }

    /** An item with its properties, recipients and attachments (attachment content included). */
    record Item(ItemRef ref, Message message) {
    }

    /**
     * What a write requires of the item's state (HTTP If-Match / If-None-Match): nothing
     * ({@link #any}), that there is no item of that name ({@link #absent}, If-None-Match: *), that
     * there is one ({@link #present}, If-Match: *), or that it is at this change number
     * ({@link #at}, If-Match: "n"). Checked under the folder's lock: a mismatch is
     * {@link StoreFailure.Kind#CONFLICT} and nothing is written.
     */
    record Expect(Kind kind, long modSeq) {
        public enum Kind { ANY, ABSENT, PRESENT, AT }

        public static Expect any() {
            return new Expect(Kind.ANY, 0);
        }

        public static Expect absent() {
            return new Expect(Kind.ABSENT, 0);
        }

        public static Expect present() {
            return new Expect(Kind.PRESENT, 0);
        }

        public static Expect at(long modSeq) {
            return new Expect(Kind.AT, modSeq);
        }

        /** Whether an item at {@code current} (null: there is none) meets this expectation. */
        public boolean metBy(Long current) {
            return switch (kind) {
                case ANY -> true;
                case ABSENT -> current == null;
                case PRESENT -> current != null;
                case AT -> current != null && current == modSeq;
            };
        }
    }

    /**
     * What changed after a sync token: the items added or changed (with their new ETags) and the
     * names of those that left the folder.
     */
    record ItemChanges(long token, List<ItemRef> changed, List<String> removed) {
    }

    /** Every item of the folder (not its associated contents), in UID order. */
    List<ItemRef> list(String session, long folderId);

    /**
     * Every item of the folder with just these properties (no recipients, no attachments), read
     * in bulk: what a query filters on before it loads the few items it answers with.
     */
    List<Item> peek(String session, long folderId, Collection<Integer> tags);

    /** The items of these names that exist, in the order asked; names of no item are left out. */
    List<Item> get(String session, long folderId, Collection<String> names);

    /**
     * Creates or replaces the item of this name in one transaction: a replacement keeps the item's
     * UID and entry id and replaces its properties (those the new one does not name are removed),
     * its recipients and attachments. Quota and rights as for any message (CREATE for a new item,
     * EDIT for a replacement). {@code name} must be a safe path segment (INVALID otherwise).
     */
    ItemRef put(String session, long folderId, String name, Message item, Expect expect);

    /** Deletes the item (DELETE right) into the soft-deleted items; NOT_FOUND when there is none. */
    void delete(String session, long folderId, String name, Expect expect);

    /**
     * What changed after {@code token} (0: everything there is). A token the folder's journal no
     * longer reaches back to (docs/store-api.md, "Journal retention"), or one above the folder's
     * MODSEQ, is {@link StoreFailure.Kind#INVALID}: the client must sync anew (RFC 6578's
     * valid-sync-token).
     */
    ItemChanges changes(String session, long folderId, long token);

    /**
     * What DAV clients keep with their collections (its URL segment, display colour, description,
     * order), by folder: free-form names and values, kept with the folder in the store. Folders the
     * session may not see, and folders without any, are left out.
     */
    Map<Long, Map<String, String>> collectionProps(String session, Collection<Long> folderIds);

    /**
     * Sets (a null value: removes) collection properties of a folder, keeping the others; the
     * folder's owner right, as renaming it. Not a change of the folder's contents (no MODSEQ).
     */
    void setCollectionProps(String session, long folderId, Map<String, String> props);

    /**
     * The property ids (0x8000 and up) of named properties, made where the server does not know
     * them yet: what the iCalendar and vCard conversions address named properties with.
     */
    List<Integer> propIds(String session, List<NamedProp> names);

    /**
     * The names of the folder's items whose string named property {@code key} is {@code value}:
     * the item that already holds a calendar object's or vCard's UID (RFC 4791 5.3.2.1 and RFC 6352
     * 6.3.2.1, no-uid-conflict). Empty when none does, and for a session without the READ right
     * (one that may only create items learns nothing of the others).
     */
    List<String> namesWith(String session, long folderId, NamedProp key, String value);
}
