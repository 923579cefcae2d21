package org.zcp.protocols.imap;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.zcp.protocols.imap.parse.Flags;
import org.zcp.protocols.imap.parse.ParseException;
import org.zcp.protocols.imap.parse.SequenceSet;

/**
 * The client's view of the selected mailbox: the messages in sequence-number order with UID,
 * flags and MODSEQ, as the client was last told. Changes from the store ({@link #poll}) are held
 * until they may be sent ({@link #emit}): new messages as EXISTS, flag changes as
 * {@code FETCH (FLAGS ...)}, and removed messages as EXPUNGE in descending order, only where RFC
 * 3501 section 7.4.1 allows; until then an expunged message keeps its sequence number.
 */
final class SelectedMailbox {
    /** One message as the client knows it. */
    static final class Message {
        final long uid;
        final long size;
        final long internalDate;
        long modSeq;
        /** The flags the client sees: the store's, and \Recent when the message is recent to this session. */
        Set<String> flags;
        /** Recent to this session (RFC 3501 section 2.3.2): it was the first to be shown the message. */
        boolean recent;
        /** Gone from the store, EXPUNGE not yet sent. */
        boolean expunged;
        /** Flags changed elsewhere, FETCH not yet sent. */
        boolean flagsChanged;

        Message(ImapBackend.MessageInfo info) {
            uid = info.uid();
            size = info.size();
            internalDate = info.internalDate();
            modSeq = info.modSeq();
            flags = Set.copyOf(info.flags());
        }

        ImapBackend.MessageInfo info() {
            return new ImapBackend.MessageInfo(uid, modSeq, flags, size, internalDate);
        }

        /** The store's flags, shown with \Recent when the message is recent here. */
        Set<String> shown(Collection<String> stored) {
            if (!recent) return Set.copyOf(stored);
            Set<String> all = new LinkedHashSet<>(stored);
            all.add(Flags.RECENT);
            return Set.copyOf(all);
        }

        void markRecent() {
            recent = true;
            flags = shown(flags);
        }
    }

    final String name;
    final String id;
    final boolean readOnly;
    final long uidValidity;
    private long highestModSeq;
    /** QRESYNC: removals are reported as {@code VANISHED uid-set} rather than EXPUNGE per message. */
    boolean vanished;
    private final List<Message> messages = new ArrayList<>();
    private int reportedExists;
    /**
     * \Recent: with {@code claims} (SELECT) this session takes the messages no session was shown
     * yet, as they arrive; without (EXAMINE) it shows those above {@code recentFloor} as recent
     * and takes none (RFC 3501 section 6.3.2).
     */
    private boolean claims;
    private long recentFloor = Long.MAX_VALUE;
    /** The keywords the client was told of in FLAGS (RFC 3501 section 7.2.6), in that order. */
    private final Set<String> announced = new LinkedHashSet<>();

    SelectedMailbox(String name, ImapBackend.MailboxState state, List<ImapBackend.MessageInfo> list,
            boolean readOnly) {
        this.name = name;
        this.id = state.id();
        this.readOnly = readOnly;
        this.uidValidity = state.uidValidity();
        this.highestModSeq = state.highestModSeq();
        for (ImapBackend.MessageInfo m : list) messages.add(new Message(m));
        reportedExists = messages.size();
    }

    int exists() {
        return messages.size();
    }

    /**
     * Marks the messages recent to this session: those above {@code floor}, the mailbox's mark as
     * the store gave it at SELECT or EXAMINE ({@link ImapBackend#recent}); with {@code claims} the
     * session took them and takes the messages that arrive later as well.
     */
    void recentAbove(long floor, boolean claims) {
        this.claims = claims;
        this.recentFloor = floor;
        for (Message m : messages) if (m.uid > floor) m.markRecent();
    }

    /** How many messages are recent to this session (the RECENT response). */
    int recent() {
        int n = 0;
        for (Message m : messages) if (m.recent) n++; // as EXISTS, those awaiting EXPUNGE too
        return n;
    }

    long highestModSeq() {
        return highestModSeq;
    }

    /** The message with sequence number {@code seq} (1-based). */
    Message get(int seq) {
        return messages.get(seq - 1);
    }

    /** The sequence number of a UID, or -1. */
    int seqOf(long uid) {
        int lo = 0;
        int hi = messages.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long u = messages.get(mid).uid;
            if (u == uid) return mid + 1;
            if (u < uid) lo = mid + 1;
            else hi = mid - 1;
        }
        return -1;
    }

    long maxUid() {
        return messages.isEmpty() ? 0 : messages.get(messages.size() - 1).uid;
    }

    /**
     * The sequence numbers, ascending, a set names: sequence numbers, or UIDs with {@code uid};
     * numbers without a message are left out.
     */
    List<Integer> resolve(SequenceSet set, boolean uid) throws ParseException {
        if (set.isSaved()) throw new ParseException("Saved search results are not supported");
        List<Integer> seqs = new ArrayList<>();
        if (uid) {
            long max = maxUid();
            for (int i = 0; i < messages.size(); i++) {
                if (set.contains(messages.get(i).uid, max)) seqs.add(i + 1);
            }
        } else {
            var it = set.iterator(messages.size());
            while (it.hasNext()) seqs.add((int) it.nextLong());
        }
        return seqs;
    }

    /** Whether a message is marked changed or expunged and not yet reported ({@link #emit}). */
    private boolean marked;

    /** Takes a message's new state from the session's own STORE (already reported to the client). */
    void update(ImapBackend.MessageInfo info) {
        int seq = seqOf(info.uid());
        if (seq < 0) return;
        Message m = get(seq);
        m.flags = m.shown(info.flags());
        m.modSeq = info.modSeq();
        m.flagsChanged = false;
    }

    /** Asks the store what changed since the view was last brought up to date. */
    void poll(ImapBackend backend, String session) {
        // with the \Recent claim for what arrived (SELECT, not EXAMINE), in the same call
        ImapBackend.Changes changes = backend.changes(session, id, highestModSeq, claims ? maxUid() : -1);
        List<Message> arrived = new ArrayList<>();
        for (ImapBackend.MessageInfo info : changes.changed()) {
            int seq = seqOf(info.uid());
            if (seq > 0) {
                Message m = get(seq);
                if (m.expunged) continue;
                Set<String> shown = m.shown(info.flags());
                if (!m.flags.equals(shown)) {
                    m.flagsChanged = true;
                    marked = true;
                }
                m.flags = shown;
                m.modSeq = Math.max(m.modSeq, info.modSeq());
            } else if (info.uid() > maxUid()) {
                Message m = new Message(info);
                messages.add(m);
                arrived.add(m);
            }
        }
        if (!arrived.isEmpty()) {
            // the first session to be told of a message has it as \Recent (SELECT takes them)
            long floor = claims ? changes.recentFloor() : recentFloor;
            for (Message m : arrived) if (m.uid > floor) m.markRecent();
        }
        for (long uid : changes.expunged()) {
            int seq = seqOf(uid);
            if (seq > 0) {
                get(seq).expunged = true;
                marked = true;
            }
        }
        highestModSeq = Math.max(highestModSeq, changes.highestModSeq());
    }

    /**
     * Sends what the client is owed: EXPUNGE (when allowed), FLAGS when a new or changed message
     * shows a keyword not announced yet, EXISTS, then flag changes. With CONDSTORE ({@code modSeq})
     * a flag change carries UID and MODSEQ (RFC 7162 section 3.1: in every untagged FETCH once a
     * CONDSTORE enabling command was used).
     */
    void emit(ImapOutput out, boolean expungeAllowed, boolean modSeq) throws IOException {
        if (expungeAllowed && marked) {
            List<Long> gone = new ArrayList<>();
            for (Message m : messages) if (m.expunged) gone.add(m.uid);
            remove(gone, out);
        }
        Set<String> shown = new LinkedHashSet<>();
        // nothing marked: only what arrived is owed (after every command, on lists of 10,000)
        for (int i = marked ? 0 : Math.min(reportedExists, messages.size()); i < messages.size(); i++) {
            Message m = messages.get(i);
            if (!m.expunged && (m.flagsChanged || i >= reportedExists)) shown.addAll(m.flags);
        }
        announce(shown, out);
        if (messages.size() != reportedExists) {
            out.line("* " + messages.size() + " EXISTS");
            // RFC 3501 section 7.3.2: RECENT comes with SELECT and when the mailbox's size changes
            out.line("* " + recent() + " RECENT");
            reportedExists = messages.size();
        }
        if (!marked) return;
        boolean expungedLeft = false;
        for (int i = 0; i < messages.size(); i++) {
            Message m = messages.get(i);
            expungedLeft |= m.expunged;
            if (m.flagsChanged && !m.expunged) {
                out.line("* " + (i + 1) + " FETCH (FLAGS " + ImapOutput.flags(m.flags)
                        + (modSeq ? " UID " + m.uid + " MODSEQ (" + m.modSeq + ")" : "") + ")");
                m.flagsChanged = false;
            }
        }
        marked = expungedLeft; // expunged messages wait for a command that may report them
    }

    /**
     * Announces the mailbox's keywords at SELECT: {@code * FLAGS} with the system flags and
     * {@code keywords}, and PERMANENTFLAGS with {@code \*} (any keyword may be created) unless
     * the mailbox is read-only.
     */
    void announceAtSelect(Collection<String> keywords, ImapOutput out) throws IOException {
        for (String k : keywords) if (isKeyword(k)) announced.add(k);
        out.line("* FLAGS (" + flagList() + ")");
        out.line("* OK [PERMANENTFLAGS (" + (readOnly ? "" : flagList() + " \\*") + ")] Flags permitted");
    }

    /**
     * Before a FETCH shows {@code flags}: a keyword among them the client has not been told of
     * makes a new {@code * FLAGS} (and PERMANENTFLAGS) response first (RFC 3501 section 7.2.6: the
     * FLAGS response lists the flags that apply to the mailbox; a client may ignore others).
     */
    void announce(Collection<String> flags, ImapOutput out) throws IOException {
        Set<String> fresh = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (String f : flags) if (isKeyword(f) && !announced.contains(f)) fresh.add(f);
        if (fresh.isEmpty()) return;
        announced.addAll(fresh); // in a stable order: a message's flags are a set
        out.line("* FLAGS (" + flagList() + ")");
        if (!readOnly) out.line("* OK [PERMANENTFLAGS (" + flagList() + " \\*)] Flags permitted");
    }

    private String flagList() {
        return SelectCommand.SYSTEM_FLAGS + (announced.isEmpty() ? "" : " " + String.join(" ", announced));
    }

    /** A keyword that may be written to the client ({@link Flags#wireSafe}). */
    private static boolean isKeyword(String flag) {
        return !flag.startsWith("\\") && Flags.wireSafe(flag);
    }

    /** Removes messages the session itself expunged or moved away, sending EXPUNGE at once. */
    void expunged(Collection<Long> uids, ImapOutput out) throws IOException {
        remove(uids, out);
    }

    /** Takes messages out of the view: EXPUNGE for each in descending order, or one VANISHED. */
    private void remove(Collection<Long> uids, ImapOutput out) throws IOException {
        if (uids.isEmpty()) return; // every poll comes here: no walk over the list for nothing
        Set<Long> gone = new HashSet<>(uids);
        List<Long> removed = new ArrayList<>();
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (gone.contains(messages.get(i).uid)) {
                if (!vanished) out.line("* " + (i + 1) + " EXPUNGE");
                removed.add(0, messages.remove(i).uid);
                reportedExists--;
            }
        }
        if (vanished && !removed.isEmpty()) out.line("* VANISHED " + uidSet(removed));
    }

    /** Keywords in use, for FLAGS and PERMANENTFLAGS; only those that are atoms ({@link Flags#wireSafe}). */
    Set<String> keywords(List<String> known) {
        Set<String> k = new LinkedHashSet<>(known);
        for (Message m : messages) {
            for (String f : m.flags) if (!f.startsWith("\\")) k.add(f);
        }
        k.removeIf(f -> f.startsWith("\\") || !Flags.wireSafe(f));
        return k;
    }

    /** The UIDs as a compact set, in the given order: {@code 3:5,9}. */
    static String uidSet(List<Long> uids) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (i < uids.size()) {
            int j = i;
            while (j + 1 < uids.size() && uids.get(j + 1) == uids.get(j) + 1) j++;
            if (b.length() > 0) b.append(',');
            b.append(uids.get(i));
            if (j > i) b.append(':').append(uids.get(j));
            i = j + 1;
        }
        return b.toString();
    }
}
