package org.zcp.store.api;

import java.nio.file.Path;
import java.util.List;
import org.zcp.store.api.mapi.AclEntry;
import org.zcp.store.api.mapi.Message;
import org.zcp.store.api.mapi.PropValue;
import org.zcp.store.api.mapi.StoreInfo;
import org.zcp.store.api.mapi.TableQuery;
import org.zcp.store.api.mapi.TableResult;

/**
 * The MAPI object model of the stores a session may open (docs/webaccess.md): stores, folders,
 * hierarchy and contents tables, messages with their recipients and attachments, as a MAPI client
 * reads and writes them. The original WebAccess was such a client over MAPI in SOAP (manual 1.4);
 * the web client is one in-process, through the same services SOAP uses, so rights, quota, soft
 * delete (manual 7.5), the change journal and the change events are the same for both.
 *
 * <p>Ids are entry ids (hex) as the store gives them. Every call is one store transaction and
 * checks the session's rights on what it touches; failures are {@link StoreFailure}s.
 */
public interface MapiObjects {
    /** The session's own private store: its root, IPM subtree and Inbox. NOT_FOUND when it has none. */
    StoreInfo store(String session);

    /**
     * The number the {@link ChangeFeed} names the session's own store by ({@link ChangeEvent#storeId}),
     * to follow its changes. NOT_FOUND when it has none.
     */
    long storeNumber(String session);

    /**
     * The entry id of an object by its number (what a {@link ChangeEvent} and {@link FolderTree}
     * name it by), in the form of the store it is in (the session's own, another user's, the
     * public store); using it checks the session's rights as any entry id does.
     */
    String entryId(String session, long objectId);

    /** The public store of the session's company. NOT_FOUND when there is none. */
    StoreInfo publicStore(String session);

    /** The properties of a store root, folder or message (missing ones carry an error). */
    List<PropValue> props(String session, String entryId, List<Integer> tags);

    /** Sets properties of a store root, folder or message (MODIFY right). */
    void setProps(String session, String entryId, List<PropValue> props);

    /**
     * A folder's messages: restriction, sort and the page run in SQL on the store's hot columns,
     * so the first page of a folder of 100,000 messages never reads the others.
     */
    TableResult contents(String session, String folderEntryId, TableQuery query);

    /** A folder's subfolders (the whole subtree with {@link TableQuery#CONVENIENT_DEPTH}). */
    TableResult hierarchy(String session, String folderEntryId, TableQuery query);

    /** A whole message: properties, recipients, attachments (without their content). */
    Message load(String session, String messageEntryId);

    /** Makes a message in a folder (CREATE right; quota); returns its entry id. */
    String create(String session, String folderEntryId, Message message);

    /** Replaces a message's properties, and its recipients or attachments where those lists are given. */
    void save(String session, String messageEntryId, Message message);

    /**
     * An attachment's content: in a file of the attachment store (content-addressed, never
     * rewritten: read it after the call) or as bytes.
     */
    record Content(String mimeType, Path file, byte[] bytes) {
    }

    Content attachment(String session, String messageEntryId, int attachNum);

    /** Copies or moves messages into a folder; returns the new entry ids, in order. */
    List<String> copy(String session, List<String> messageEntryIds, String destinationFolderId, boolean move);

    /** Deletes messages into their folder's soft-deleted items (restorable, manual 7.5). */
    void delete(String session, List<String> messageEntryIds);

    /** Brings soft-deleted messages or folders back where they were deleted from. */
    void restore(String session, List<String> entryIds);

    /** Marks messages read or unread. */
    void setRead(String session, List<String> messageEntryIds, boolean read);

    /** Hands a message to the spooler (manual 4.9); the session's rights, quota and send-as checked. */
    void submit(String session, String messageEntryId);

    /** Makes a folder (CREATE_SUBFOLDER on the parent); EXISTS when the name is taken there. */
    String createFolder(String session, String parentEntryId, String name, String containerClass);

    /** Renames a folder and/or moves it under another parent (null keeps it where it is). */
    void moveFolder(String session, String folderEntryId, String parentEntryId, String name);

    /** Deletes a folder with its contents into the soft-deleted items. */
    void deleteFolder(String session, String folderEntryId);

    /** The permissions of a folder (manual 8.7: the roles are sets of these rights). */
    List<AclEntry> acl(String session, String folderEntryId);

    void setAcl(String session, String folderEntryId, List<AclEntry> entries);

    /**
     * The session's user's delegates (login names or addresses), as their store's LocalFreebusy
     * message lists them (PR_SCHDINFO_DELEGATE_NAMES, where Outlook keeps them): who may send on
     * their behalf (manual 8.3.5).
     */
    List<String> delegates(String session);

    /** Replaces the session's user's delegates (their own store only). */
    void setDelegates(String session, List<String> names);

    /** The server-side rules of an Inbox (READ), in the order they run. */
    List<org.zcp.store.api.rules.Rule> rules(String session, String inboxEntryId);

    /** Replaces an Inbox's rules (the folder's owner right); INVALID for a rule delivery could not run. */
    void setRules(String session, String inboxEntryId, List<org.zcp.store.api.rules.Rule> rules);
}
