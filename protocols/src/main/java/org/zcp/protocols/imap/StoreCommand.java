package org.zcp.protocols.imap;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.zcp.protocols.imap.parse.ParseException;
import org.zcp.protocols.imap.parse.RawCommand;
import org.zcp.protocols.imap.parse.StoreRequest;

/**
 * STORE and UID STORE (RFC 3501 section 6.4.6) with UNCHANGEDSINCE and the MODIFIED response code
 * (RFC 7162 section 3.1.3). Without .SILENT each changed message is reported with its new flags;
 * with CONDSTORE on, every report carries UID and MODSEQ and .SILENT still reports them. A keyword
 * the mailbox did not have yet is announced in FLAGS first. The flags may be a list or bare:
 * {@code +FLAGS NIL} sets the keyword NIL, as in Dovecot.
 */
final class StoreCommand {
    private StoreCommand() {
    }

    static void handle(ImapSession s, RawCommand c) throws IOException, ParseException {
        boolean uid = s.uidCommand();
        StoreRequest r = StoreRequest.parse(c.cursor());
        SelectedMailbox mb = s.selected;
        if (mb.readOnly) {
            s.no(c.tag(), "READ-ONLY", "Mailbox is read-only");
            return;
        }
        if (r.unchangedSince() >= 0) s.enableCondstore();
        List<Long> uids = new ArrayList<>();
        for (int seq : mb.resolve(r.set(), uid)) {
            if (!mb.get(seq).expunged) uids.add(mb.get(seq).uid);
        }
        List<Long> failed = List.of();
        if (!uids.isEmpty()) {
            ImapBackend.FlagMode mode = switch (r.mode()) {
                case REPLACE -> ImapBackend.FlagMode.SET;
                case ADD -> ImapBackend.FlagMode.ADD;
                case REMOVE -> ImapBackend.FlagMode.REMOVE;
            };
            // UNCHANGEDSINCE 0 can never hold; the backend takes 0 as "no condition"
            long since = r.unchangedSince() < 0 ? 0 : r.unchangedSince();
            ImapBackend.StoreResult result;
            if (r.unchangedSince() == 0) {
                result = new ImapBackend.StoreResult(List.of(), uids);
            } else {
                result = s.backend.store(s.handle, mb.id, uids, mode, r.flags(), since);
            }
            failed = result.failed();
            // a keyword new to the mailbox is announced before a FETCH shows it (RFC 3501 7.2.6)
            Set<String> shown = new HashSet<>();
            for (ImapBackend.MessageInfo info : result.updated()) shown.addAll(info.flags());
            mb.announce(shown, s.out());
            for (ImapBackend.MessageInfo info : result.updated()) {
                mb.update(info);
                int seq = mb.seqOf(info.uid());
                if (seq < 0) continue;
                List<String> items = new ArrayList<>();
                if (!r.silent()) items.add("FLAGS " + ImapOutput.flags(mb.get(seq).flags)); // with \Recent
                if (uid || s.condstore) items.add("UID " + info.uid());
                if (s.condstore) items.add("MODSEQ (" + info.modSeq() + ")");
                if (!r.silent() || s.condstore) s.untagged(seq + " FETCH (" + String.join(" ", items) + ")");
            }
        }
        if (failed.isEmpty()) {
            s.ok(c.tag(), null, c.name() + " completed");
            return;
        }
        List<Long> numbers = new ArrayList<>();
        for (long u : failed) {
            if (uid) {
                numbers.add(u);
            } else if (mb.seqOf(u) > 0) {
                numbers.add((long) mb.seqOf(u));
            }
        }
        numbers.sort(null);
        s.ok(c.tag(), "MODIFIED " + SelectedMailbox.uidSet(numbers), "Conditional STORE failed");
    }
}
