package org.zcp.protocols.imap;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The store as an IMAP session sees it (docs/imap.md). The gateway implements it with a message
 * endpoint: every call is one store transaction. A {@code session} is the handle a successful
 * login returned. Failures the client should hear about are {@link Failure}s with an RFC 5530
 * response code; any other runtime exception means the store is away for now.
 *
 * <p>What an implementation must do is written down as a test, {@code ImapBackendContract} in this
 * module's test jar, which the in-memory backend of the session tests and the real store both
 * pass. Names are Unicode (the session decodes modified UTF-7), each level 1 to 255 characters;
 * flags are the system flags spelled {@code \Seen} etc. and keywords, both compared
 * case-insensitively.
 */
public interface ImapBackend {
    enum Status { OK, DENIED, UNAVAILABLE }

    record Login(Status status, String session, String message) {
    }

    /** Checks the credentials and the imap feature; audit-logged by the store. */
    Login login(String user, String password, String peer, boolean tls);

    void logout(String session);

    /**
     * A mailbox: full name with "/" as the delimiter ("INBOX" for the receive folder, "Public
     * folders/..." for the public store), a stable id, its attributes (\HasChildren,
     * \HasNoChildren, \Noselect, and the SPECIAL-USE ones \Sent \Drafts \Trash \Junk).
     */
    record Folder(String name, String id, List<String> attributes, boolean subscribed) {
    }

    /** Every mailbox the user may see, parents before children. */
    List<Folder> folders(String session);

    /** Creates a mailbox whose parent exists; ALREADYEXISTS when the name is taken. */
    void create(String session, String name);

    /** NONEXISTENT when there is no such mailbox. */
    void delete(String session, String name);

    /** Renames a mailbox with its inferiors (RFC 3501 section 6.3.5); ALREADYEXISTS, NONEXISTENT. */
    void rename(String session, String from, String to);

    void subscribe(String session, String name, boolean subscribed);

    /**
     * What SELECT, EXAMINE and STATUS report. {@code highestModSeq} is at least 1 (RFC 7162
     * mod-sequence-value) and at least every message's MODSEQ; {@code keywords} holds at least
     * every keyword a message of the mailbox has, so SELECT can announce them in FLAGS before a
     * FETCH shows them (RFC 3501 section 7.2.6).
     */
    record MailboxState(String id, long uidValidity, long uidNext, long highestModSeq, int messages, int unseen,
            boolean readOnly, List<String> keywords, int recent) {
    }

    MailboxState open(String session, String name);

    /**
     * \Recent (RFC 3501 section 2.3.2): the mailbox's highest UID some session was already shown
     * as recent, as it was before this call; the messages above it are recent to the caller. With
     * {@code claim} (SELECT, and new messages while selected) the caller takes those up to
     * {@code upTo}, so no other session sees them as recent; without (EXAMINE, STATUS) nothing
     * changes.
     */
    long recent(String session, String mailboxId, long upTo, boolean claim);

    /**
     * One message as the selected view keeps it: UID, MODSEQ, IMAP flags (\Seen \Answered
     * \Flagged \Deleted \Draft and keywords), RFC822.SIZE and INTERNALDATE (epoch millis).
     */
    record MessageInfo(long uid, long modSeq, Set<String> flags, long size, long internalDate) {
    }

    /** The messages of a mailbox in UID order (their sequence numbers are their positions). */
    List<MessageInfo> messages(String session, String mailboxId);

    /**
     * What changed since {@code modSeq}: changed or new messages, and the UIDs that left; with
     * {@link #changes(String, String, long, long)} also the \Recent mark before the caller's claim
     * ({@code recentFloor}, -1 when nothing was claimed).
     */
    record Changes(long highestModSeq, List<MessageInfo> changed, List<Long> expunged, long recentFloor) {
        public Changes(long highestModSeq, List<MessageInfo> changed, List<Long> expunged) {
            this(highestModSeq, changed, expunged, -1);
        }
    }

    Changes changes(String session, String mailboxId, long modSeq);

    /**
     * {@link #changes(String, String, long)} and, when a changed message has a UID above {@code
     * claimAbove} (the highest UID the caller knows; negative: claim nothing), the \Recent claim
     * of {@link #recent} up to the highest such UID, as one call: what a selected session asks after
     * a command when its mailbox changed. The store answers both in one transaction.
     */
    default Changes changes(String session, String mailboxId, long modSeq, long claimAbove) {
        Changes c = changes(session, mailboxId, modSeq);
        long upTo = claimUpTo(c.changed(), claimAbove);
        if (upTo < 0) return c;
        return new Changes(c.highestModSeq(), c.changed(), c.expunged(), recent(session, mailboxId, upTo, true));
    }

    /**
     * The UID up to which {@link #changes(String, String, long, long)} claims \Recent: the highest
     * changed UID when it is above {@code claimAbove}; -1 when nothing is to be claimed (no claim
     * asked, or nothing new above what the caller knows).
     */
    static long claimUpTo(List<MessageInfo> changed, long claimAbove) {
        if (claimAbove < 0) return -1;
        long upTo = changed.stream().mapToLong(MessageInfo::uid).max().orElse(-1);
        return upTo > claimAbove ? upTo : -1;
    }

    /**
     * The RFC 822 texts of messages, byte for byte as they will always be served, by UID: those of
     * {@code uids} from the first on, as many as a bounded batch holds (at least one); a UID that
     * is gone is left out.
     */
    Map<Long, byte[]> texts(String session, String mailboxId, List<Long> uids);

    /**
     * What the IMAP layer derived from messages' texts and asked the store to keep
     * ({@code MessageFacts}: ENVELOPE, BODY, BODYSTRUCTURE, address fields), by UID: those of
     * {@code uids} that have it. Derived data lives as long as the text it was made from.
     */
    Map<Long, String> derived(String session, String mailboxId, List<Long> uids);

    /**
     * Keeps derived data beside messages (by UID; a UID that is gone is skipped). Not a change of
     * the message: no new MODSEQ, no notice to other sessions. A store that converts texts anew on
     * every read (imap_store_rfc822 = no) keeps nothing.
     */
    void keepDerived(String session, String mailboxId, Map<Long, String> values);

    /**
     * SEARCH SUBJECT without reading the messages: the UIDs whose subject (decoded, as the store
     * keeps it for its tables) contains {@code text}, case-insensitively.
     */
    Set<Long> subjectMatches(String session, String mailboxId, String text);

    enum FlagMode { SET, ADD, REMOVE }

    /**
     * Changes flags; messages whose MODSEQ is above {@code unchangedSince} (0: no condition) are
     * left alone and reported in {@code failed} (CONDSTORE). {@code updated} holds every other
     * message of {@code uids} still there, with its flags now; a message whose flags did change
     * gets a new, higher MODSEQ, one whose flags stayed the same keeps its MODSEQ.
     */
    record StoreResult(List<MessageInfo> updated, List<Long> failed) {
    }

    StoreResult store(String session, String mailboxId, List<Long> uids, FlagMode mode, Set<String> flags,
            long unchangedSince);

    /** COPY or MOVE: the destination's UIDVALIDITY and the new UIDs in the order of the source UIDs (UIDPLUS). */
    record CopyResult(long uidValidity, List<Long> sourceUids, List<Long> destinationUids) {
    }

    CopyResult copy(String session, String mailboxId, List<Long> uids, String destination, boolean move);

    /** Removes messages flagged \Deleted (all, or only those of {@code uids} when not null); returns their UIDs. */
    List<Long> expunge(String session, String mailboxId, List<Long> uids);

    record AppendResult(long uidValidity, long uid) {
    }

    /**
     * Stores a message. {@code message} is its RFC 822 text, read by the store within the call
     * (the gateway keeps a large one in a temporary file rather than in memory, security review
     * #1); the caller closes it. The message gets the flags and the internal date given; a mailbox
     * that does not exist is a NONEXISTENT (or TRYCREATE) failure.
     */
    AppendResult append(String session, String mailbox, InputStream message, Set<String> flags, long internalDate);

    /**
     * The code of a failure that ends the connection: the login is no longer valid (the user was
     * deactivated, deleted, given a new password, lost the imap feature). RFC 5530 EXPIRED.
     */
    String EXPIRED = "EXPIRED";

    /** A failure the client hears as {@code NO [code] text} (RFC 5530 codes: NONEXISTENT, ALREADYEXISTS, NOPERM, OVERQUOTA, CANNOT, ...). */
    final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String code;

        public Failure(String code, String text) {
            super(text);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
