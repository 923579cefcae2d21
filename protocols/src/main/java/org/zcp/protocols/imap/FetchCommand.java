package org.zcp.protocols.imap;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.zcp.protocols.imap.parse.Args;
import org.zcp.protocols.imap.parse.FetchAttributes;
import org.zcp.protocols.imap.parse.Flags;
import org.zcp.protocols.imap.parse.ParseException;
import org.zcp.protocols.imap.parse.RawCommand;
import org.zcp.protocols.imap.parse.SequenceSet;

/**
 * FETCH and UID FETCH (RFC 3501 sections 6.4.5, 6.4.8) with CHANGEDSINCE and MODSEQ (RFC 7162).
 * A non-PEEK body item sets \Seen in the store first (in one call for all messages), and the new
 * flags go out with the message. Each item is rendered by {@link FetchRenderer}.
 */
final class FetchCommand {
    private FetchCommand() {
    }

    static void handle(ImapSession s, RawCommand c) throws IOException, ParseException {
        Args args = c.cursor();
        boolean uid = s.uidCommand();
        SequenceSet set = args.sequenceSet();
        FetchAttributes fa = FetchAttributes.parse(args);
        if (fa.vanished() && (!s.qresync || !uid || fa.changedSince() < 0)) {
            throw new ParseException("VANISHED needs QRESYNC, UID FETCH and CHANGEDSINCE");
        }
        for (FetchAttributes.FetchAttribute a : fa.items()) {
            if (a instanceof FetchAttributes.Binary) throw new ParseException("BINARY is not supported");
        }
        if (fa.includesModSeq()) s.enableCondstore();
        SelectedMailbox mb = s.selected;
        List<Integer> seqs = mb.resolve(set, uid);
        if (fa.vanished()) vanishedEarlier(s, mb, set, fa.changedSince());
        Set<Long> seen = markSeen(s, mb, seqs, fa);
        List<Integer> wanted = new ArrayList<>();
        List<Long> uids = new ArrayList<>();
        for (int seq : seqs) {
            SelectedMailbox.Message m = mb.get(seq);
            if (m.expunged || fa.changedSince() >= 0 && m.modSeq <= fa.changedSince()) continue;
            wanted.add(seq);
            uids.add(m.uid);
        }
        MessageTexts texts = new MessageTexts(s, mb, uids);
        KeptFacts facts = FetchRenderer.readsText(fa) ? null : new KeptFacts(s, mb, uids, texts);
        boolean flags = fa.items().contains(new FetchAttributes.SimpleAttribute(FetchAttributes.Simple.FLAGS));
        try {
            for (int seq : wanted) {
                SelectedMailbox.Message m = mb.get(seq);
                boolean flagsChanged = seen.contains(m.uid);
                if (flags || flagsChanged) mb.announce(m.flags, s.out());
                s.out().bytes(FetchRenderer.render(seq, m, fa, uid, flagsChanged, s.condstore, texts, facts));
            }
        } finally {
            if (facts != null) facts.keep();
        }
        s.ok(c.tag(), null, c.name() + " completed");
    }

    /** RFC 7162 section 3.2.6: the UIDs of the set that left since CHANGEDSINCE, before the FETCHes. */
    private static void vanishedEarlier(ImapSession s, SelectedMailbox mb, SequenceSet set, long since)
            throws IOException {
        ImapBackend.Changes changes = s.backend.changes(s.handle, mb.id, since);
        List<Long> gone = new ArrayList<>();
        for (long u : new java.util.TreeSet<>(changes.expunged())) {
            if (mb.seqOf(u) < 0 && set.contains(u, Long.MAX_VALUE)) gone.add(u);
        }
        if (!gone.isEmpty()) s.untagged("VANISHED (EARLIER) " + SelectedMailbox.uidSet(gone));
    }

    /** Sets \Seen on the messages a non-PEEK item reads; the UIDs whose flags changed. */
    private static Set<Long> markSeen(ImapSession s, SelectedMailbox mb, List<Integer> seqs, FetchAttributes fa) {
        Set<Long> changed = new HashSet<>();
        if (!fa.setsSeen() || mb.readOnly) return changed;
        List<Long> uids = new ArrayList<>();
        for (int seq : seqs) {
            SelectedMailbox.Message m = mb.get(seq);
            if (!m.expunged && !m.flags.contains(Flags.SEEN)) uids.add(m.uid);
        }
        if (uids.isEmpty()) return changed;
        ImapBackend.StoreResult r = s.backend.store(s.handle, mb.id, uids, ImapBackend.FlagMode.ADD,
                Set.of(Flags.SEEN), 0);
        for (ImapBackend.MessageInfo info : r.updated()) {
            mb.update(info);
            changed.add(info.uid());
        }
        return changed;
    }
}
