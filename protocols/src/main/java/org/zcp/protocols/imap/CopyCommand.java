package org.zcp.protocols.imap;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.zcp.protocols.imap.parse.Args;
import org.zcp.protocols.imap.parse.ParseException;
import org.zcp.protocols.imap.parse.RawCommand;
import org.zcp.protocols.imap.parse.SequenceSet;

/**
 * COPY, UID COPY, MOVE and UID MOVE (RFC 3501 section 6.4.7, RFC 6851), with COPYUID (RFC 4315).
 * MOVE reports COPYUID untagged, then the EXPUNGEs of the moved messages. A destination that does
 * not exist is {@code NO [TRYCREATE]}.
 */
final class CopyCommand {
    private CopyCommand() {
    }

    static void handle(ImapSession s, RawCommand c) throws IOException, ParseException {
        boolean uid = s.uidCommand();
        boolean move = c.name().endsWith("MOVE");
        Args args = c.cursor();
        SequenceSet set = args.sequenceSet();
        String destination = args.mailbox();
        args.end();
        SelectedMailbox mb = s.selected;
        if (move && mb.readOnly) {
            s.no(c.tag(), "READ-ONLY", "Mailbox is read-only");
            return;
        }
        List<Long> uids = new ArrayList<>();
        for (int seq : mb.resolve(set, uid)) {
            if (!mb.get(seq).expunged) uids.add(mb.get(seq).uid);
        }
        if (uids.isEmpty()) {
            s.ok(c.tag(), null, "No messages");
            return;
        }
        ImapBackend.CopyResult r;
        try {
            r = s.backend.copy(s.handle, mb.id, uids, destination, move);
        } catch (ImapBackend.Failure e) {
            if (!"NONEXISTENT".equals(e.code())) throw e;
            s.no(c.tag(), "TRYCREATE", "Mailbox does not exist");
            return;
        }
        String code = r.destinationUids().isEmpty() ? null : "COPYUID " + r.uidValidity() + " "
                + SelectedMailbox.uidSet(r.sourceUids()) + " " + SelectedMailbox.uidSet(r.destinationUids());
        if (!move) {
            s.ok(c.tag(), code, c.name() + " completed");
            return;
        }
        if (code != null) s.untagged("OK [" + code + "] Moved");
        mb.expunged(r.sourceUids().isEmpty() ? uids : r.sourceUids(), s.out());
        s.ok(c.tag(), null, c.name() + " completed");
    }
}
