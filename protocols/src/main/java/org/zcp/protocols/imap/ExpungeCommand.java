package org.zcp.protocols.imap;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.zcp.protocols.imap.parse.Args;
import org.zcp.protocols.imap.parse.ParseException;
import org.zcp.protocols.imap.parse.RawCommand;

/** EXPUNGE (RFC 3501 section 6.4.3) and UID EXPUNGE (RFC 4315): EXPUNGE responses in descending order. */
final class ExpungeCommand {
    private ExpungeCommand() {
    }

    static void handle(ImapSession s, RawCommand c) throws IOException, ParseException {
        Args args = c.cursor();
        SelectedMailbox mb = s.selected;
        List<Long> uids = null;
        if (s.uidCommand()) {
            var set = args.sequenceSet();
            uids = new ArrayList<>();
            for (int seq : mb.resolve(set, true)) uids.add(mb.get(seq).uid);
        }
        args.end();
        if (mb.readOnly) {
            s.no(c.tag(), "READ-ONLY", "Mailbox is read-only");
            return;
        }
        if (uids == null || !uids.isEmpty()) {
            mb.expunged(s.backend.expunge(s.handle, mb.id, uids), s.out());
        }
        s.ok(c.tag(), null, c.name() + " completed");
    }
}
