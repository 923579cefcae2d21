package org.zcp.protocols.imap;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.zcp.protocols.imap.parse.Args;
import org.zcp.protocols.imap.parse.Flags;
import org.zcp.protocols.imap.parse.ParseException;
import org.zcp.protocols.imap.parse.RawCommand;
import org.zcp.protocols.imap.parse.SequenceSet;

/**
 * SELECT and EXAMINE (RFC 3501 sections 6.3.1, 6.3.2), with the CONDSTORE and QRESYNC
 * parameters and HIGHESTMODSEQ of RFC 7162. A failed SELECT leaves no mailbox selected.
 */
final class SelectCommand {
    static final String SYSTEM_FLAGS =
            Flags.ANSWERED + " " + Flags.FLAGGED + " " + Flags.DELETED + " " + Flags.SEEN + " " + Flags.DRAFT;

    private SelectCommand() {
    }

    static void handle(ImapSession s, RawCommand c) throws IOException, ParseException {
        Args args = c.cursor();
        String name = args.mailbox();
        Resync resync = null;
        if (args.hasNext()) {
            Args params = args.list();
            while (params.hasNext()) {
                String p = params.keyword();
                if (p.equals("CONDSTORE")) {
                    s.condstore = true;
                } else if (p.equals("QRESYNC")) {
                    if (!s.qresync) throw new ParseException("QRESYNC is not enabled");
                    resync = Resync.parse(params.list());
                } else {
                    throw new ParseException("Unknown select parameter");
                }
            }
        }
        args.end();
        boolean examine = c.name().equals("EXAMINE");
        // RFC 7162 section 3.2.11: the client learns where the old mailbox's responses end
        if (s.selected != null) s.untagged("OK [CLOSED] Previous mailbox closed");
        s.select(null);
        ImapBackend.MailboxState state = s.backend.open(s.handle, name);
        List<ImapBackend.MessageInfo> list = s.backend.messages(s.handle, state.id());
        SelectedMailbox mailbox = new SelectedMailbox(name, state, list, examine || state.readOnly());
        mailbox.vanished = s.qresync;
        // SELECT takes the messages no session was shown yet as its \Recent ones; EXAMINE only looks
        mailbox.recentAbove(s.backend.recent(s.handle, state.id(), mailbox.maxUid(), !examine), !examine);
        // the mailbox's keywords as the store knows them and those its messages show
        mailbox.announceAtSelect(mailbox.keywords(state.keywords()), s.out());
        s.untagged(mailbox.exists() + " EXISTS");
        s.untagged(mailbox.recent() + " RECENT");
        for (int i = 1; i <= mailbox.exists(); i++) {
            if (!mailbox.get(i).flags.contains(Flags.SEEN)) {
                s.untagged("OK [UNSEEN " + i + "] First unseen");
                break;
            }
        }
        s.untagged("OK [UIDVALIDITY " + state.uidValidity() + "] UIDs valid");
        s.untagged("OK [UIDNEXT " + state.uidNext() + "] Predicted next UID");
        s.untagged("OK [HIGHESTMODSEQ " + state.highestModSeq() + "] Highest");
        if (resync != null && resync.uidValidity() == state.uidValidity()) resync(s, mailbox, resync);
        s.select(mailbox);
        s.ok(c.tag(), mailbox.readOnly ? "READ-ONLY" : "READ-WRITE", (examine ? "EXAMINE" : "SELECT") + " completed");
    }

    /** The QRESYNC select parameter: {@code (uidvalidity modseq [known-uids [(seqs uids)]])}. */
    record Resync(long uidValidity, long modSeq, SequenceSet knownUids) {
        static Resync parse(Args a) throws ParseException {
            long validity = a.nzNumber();
            long modSeq = a.modSequence();
            SequenceSet known = a.hasNext() && !a.nextIsList() ? a.sequenceSet() : null;
            if (a.hasNext()) a.list(); // sequence match data: only an optimisation for the server
            a.end();
            return new Resync(validity, modSeq, known);
        }
    }

    /**
     * RFC 7162 section 3.2.5.1: what left since the client's MODSEQ as {@code VANISHED (EARLIER)}
     * (limited to the UIDs it knows), then the messages changed since as FETCH with UID, FLAGS and
     * MODSEQ.
     */
    private static void resync(ImapSession s, SelectedMailbox mailbox, Resync r) throws IOException {
        ImapBackend.Changes changes = s.backend.changes(s.handle, mailbox.id, r.modSeq());
        List<Long> gone = new ArrayList<>();
        for (long uid : new java.util.TreeSet<>(changes.expunged())) {
            if (mailbox.seqOf(uid) > 0) continue; // moved back or still there
            if (r.knownUids() == null || r.knownUids().contains(uid, Long.MAX_VALUE)) gone.add(uid);
        }
        if (!gone.isEmpty()) s.untagged("VANISHED (EARLIER) " + SelectedMailbox.uidSet(gone));
        for (int seq = 1; seq <= mailbox.exists(); seq++) {
            SelectedMailbox.Message m = mailbox.get(seq);
            if (m.modSeq > r.modSeq()) {
                s.untagged(seq + " FETCH (UID " + m.uid + " FLAGS " + ImapOutput.flags(m.flags) + " MODSEQ ("
                        + m.modSeq + "))");
            }
        }
    }
}
