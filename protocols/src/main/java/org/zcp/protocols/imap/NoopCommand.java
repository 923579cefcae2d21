package org.zcp.protocols.imap;

import java.io.IOException;
import org.zcp.protocols.imap.parse.ParseException;
import org.zcp.protocols.imap.parse.RawCommand;

/** NOOP and CHECK (RFC 3501 sections 6.1.2, 6.4.1): nothing but the pending updates. */
final class NoopCommand {
    private NoopCommand() {
    }

    static void handle(ImapSession s, RawCommand c) throws IOException, ParseException {
        c.cursor().end();
        s.ok(c.tag(), null, c.name() + " completed");
    }
}
