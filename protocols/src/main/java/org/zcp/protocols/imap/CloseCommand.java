package org.zcp.protocols.imap;

import java.io.IOException;
import org.zcp.protocols.imap.parse.ParseException;
import org.zcp.protocols.imap.parse.RawCommand;

/**
 * CLOSE (RFC 3501 section 6.4.2: silently expunges a read-write mailbox) and UNSELECT (RFC 3691:
 * does not); both return to the authenticated state.
 */
final class CloseCommand {
    private CloseCommand() {
    }

    static void handle(ImapSession s, RawCommand c) throws IOException, ParseException {
        c.cursor().end();
        SelectedMailbox mb = s.selected;
        s.select(null);
        if (c.name().equals("CLOSE") && !mb.readOnly) s.backend.expunge(s.handle, mb.id, null);
        s.ok(c.tag(), null, c.name() + " completed");
    }
}
