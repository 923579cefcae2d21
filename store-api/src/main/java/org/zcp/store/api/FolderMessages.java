package org.zcp.store.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The messages of a folder, by UID (docs/store-api.md): what IMAP, POP3 and later ActiveSync and
 * CalDAV read and change. Every call is one store transaction and checks the session's rights on
 * the folder (and on the destination); every change is journaled and announced on the
 * {@link ChangeFeed} after its commit. {@code session} is a store session handle (a
 * logon's); {@code folderId} a folder's id (its UIDVALIDITY).
 */
public interface FolderMessages {
    /** Opens a folder for reading (READ right): its numbers and the keywords in use. */
    FolderState open(String session, long folderId);

    /** Every message, in UID order. */
    List<MessageSummary> list(String session, long folderId);

    /**
     * IMAP's \Recent (RFC 3501 section 2.3.2): a message is recent to the first session that is
     * shown it after it arrived. The folder keeps the highest UID shown so far; this returns it as
     * it was, so the messages above it (up to {@code upTo}) are recent to the caller. With
     * {@code claim} the caller takes them (the mark moves to {@code upTo}, atomically, so no
     * other session gets them too); without (EXAMINE, STATUS) nothing changes. Kept with the
     * folder across restarts; not a change of the folder's contents (no MODSEQ, no event).
     */
    long recent(String session, long folderId, long upTo, boolean claim);

    /** What changed after {@code modSeq}: the journal is the truth, change events only hint at it. */
    FolderChanges changes(String session, long folderId, long modSeq);

    /**
     * The RFC 822 texts of messages by UID, byte for byte as they will always be served (a text
     * made from a MAPI message is kept once made): those of {@code uids} from the first on, as
     * many as {@code octetBudget} holds (at least one); a UID that is gone is left out.
     */
    Map<Long, byte[]> texts(String session, long folderId, List<Long> uids, long octetBudget);

    /**
     * The exact octets {@link #texts} serves for these UIDs (POP3 LIST, RFC 1939), from the size
     * kept beside each text; a message without a text yet is converted now, and (with
     * imap_store_rfc822 = yes) kept, so the text served later has that size.
     */
    Map<Long, Long> exactSizes(String session, long folderId, List<Long> uids);

    /**
     * Data a protocol derived from messages' texts and asked the store to keep (IMAP: ENVELOPE,
     * BODYSTRUCTURE and its address index), by UID: those of {@code uids} that have it. Derived
     * data lives exactly as long as the text it was made from: a new text drops it.
     */
    Map<Long, String> derived(String session, long folderId, List<Long> uids);

    /**
     * Keeps derived data beside messages (READ right: it is what any reader could compute); a UID
     * that is gone is skipped. Not a change: no MODSEQ, no journal entry, no event. Nothing is kept
     * with imap_store_rfc822 = no, where texts are converted anew on every read.
     */
    void keepDerived(String session, long folderId, Map<Long, String> values);

    /** UIDs whose subject contains {@code text}, case-insensitively, from the store's columns. */
    Set<Long> subjectContains(String session, long folderId, String text);

    /** How {@link #setFlags} changes flags. */
    enum FlagMode { SET, ADD, REMOVE }

    /** Messages whose flags were set, and those left alone because they changed after the condition. */
    record FlagResult(List<MessageSummary> updated, List<Long> failed) {
    }

    /**
     * Changes the flags of messages (EDIT right); those whose MODSEQ is above
     * {@code unchangedSince} (0: no condition) are left alone and reported failed. {@code change}
     * names what to set, add or remove: its true booleans and its keywords.
     */
    FlagResult setFlags(String session, long folderId, List<Long> uids, FlagMode mode, MessageFlags change,
            long unchangedSince);

    /** A copy or move: the destination's UIDVALIDITY and the new UIDs, in the order of the source UIDs. */
    record CopyResult(long uidValidity, List<Long> sourceUids, List<Long> destinationUids) {
    }

    /** Copies or moves messages (READ here; CREATE there, and DELETE here for a move). */
    CopyResult copy(String session, long folderId, List<Long> uids, long destinationId, boolean move);

    /**
     * Removes the messages marked deleted (all, or only those of {@code uids} when not null) for
     * good, not into the soft-deleted items; returns their UIDs.
     */
    List<Long> expunge(String session, long folderId, List<Long> uids);

    /**
     * Deletes messages (DELETE right) into the store's soft-deleted items, restorable for
     * softdelete_lifetime days (manual 7.5); returns the UIDs that were there.
     */
    List<Long> delete(String session, long folderId, List<Long> uids);

    /**
     * Stores an RFC 822 message (CREATE right) with these flags and arrival time (0: now); the text
     * is kept byte for byte (unless imap_store_rfc822 = no) and converted to MAPI. Returns its UID.
     * A message that cannot be parsed is refused as INVALID.
     */
    long append(String session, long folderId, InputStream rfc822, MessageFlags flags, long internalDate)
            throws IOException;
}
