package org.zcp.store.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.zcp.store.api.mapi.Message;
import org.zcp.store.api.mapi.PropValue;

/**
 * The store as the mail flow sees it (docs/store-api.md, "The mail flow's door"): LMTP delivery,
 * zarafa-dagent, the delivery pipeline's rules and out-of-office, and archiving read and write
 * mailboxes through this and nothing else. Calls run as the mail flow's internal identity (full
 * access to every store: the recipient's consent is the delivery itself; whoever asked for a
 * delivery over SOAP was checked there) and join the caller's transaction, so a delivery with its
 * rule copies and archive copies commits or rolls back whole. Folders and messages are named by
 * their entry ids (hex), stores by {@link MailStore}. Failures are {@link StoreFailure}s.
 */
public interface Mailboxes {
    /** A store: its row id, GUID (hex), owning user (0 for none) and whether it is a public store. */
    record MailStore(long id, String guid, long ownerId, boolean isPublic) {
    }

    /** The user's private store, if the user has one. */
    Optional<MailStore> privateStore(long userId);

    /** The public store of a company (0: the single-tenant one), if there is one. */
    Optional<MailStore> publicStore(long companyId);

    /** The store a folder or message belongs to; NOT_FOUND when the entry id names nothing. */
    MailStore storeOf(String entryId);

    /** The store's Inbox (its receive folder for IPM); NOT_FOUND when it has none. */
    String inbox(MailStore store);

    /** One of the store's special folders by its role, from the store's own entries; empty when it names none. */
    Optional<String> specialFolder(MailStore store, FolderInfo.Special role);

    /**
     * The folder reached from the store's IPM subtree through {@code names}, each matched without
     * regard to case. A missing level is made (IPF.Note) when {@code create}; otherwise the answer
     * is empty. No names: the IPM subtree itself.
     */
    Optional<String> folderAt(MailStore store, List<String> names, boolean create);

    /** Whether the entry id names a live (not deleted) folder of the store; never fails. */
    boolean isLiveFolder(MailStore store, String entryId);

    /** The name of a folder as its users see it. */
    String displayName(String folderId);

    /** Stores a new message in a folder (quota, change events, journal as any new message); its entry id. */
    String create(String folderId, Message message);

    /** Copies (or moves) messages into a folder; the new entry ids in the given order. */
    List<String> copy(List<String> messageIds, String folderId, boolean move);

    /** Sets and clears MAPI message flags (PR_MESSAGE_FLAGS) of a message, as a flag change. */
    void changeFlags(String messageId, int set, int clear);

    /**
     * Message-ID duplicate suppression (manual 5.4): a live, sent (not in an Outbox) message of the
     * store with this Internet Message-ID created after {@code since}, other than {@code self}.
     * Asked after the new message is written: the store's counters it holds until commit order
     * deliveries to one store, so every earlier one has committed and is seen.
     */
    Optional<String> deliveredBefore(MailStore store, String internetMessageId, long since, String self);

    /** The store's out-of-office properties (PR_EC_OUTOFOFFICE*), by tag; kept between deliveries. */
    Map<Integer, PropValue> outOfOffice(MailStore store);

    /**
     * Whether the store ({@link MailStore#id()}) may answer {@code address} now, not within
     * {@code limitSeconds} of its last answer to it; a yes is recorded at once (one reply however
     * many messages arrive together).
     */
    boolean claimReply(long storeId, String address, long now, long limitSeconds);
}
