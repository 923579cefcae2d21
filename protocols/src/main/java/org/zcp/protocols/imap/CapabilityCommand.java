package org.zcp.protocols.imap;

import java.io.IOException;
import org.zcp.protocols.imap.parse.ParseException;
import org.zcp.protocols.imap.parse.RawCommand;

/** CAPABILITY (RFC 3501 section 6.1.1). */
final class CapabilityCommand {
    private CapabilityCommand() {
    }

    static void handle(ImapSession s, RawCommand c) throws IOException, ParseException {
        c.cursor().end();
        s.untagged("CAPABILITY " + s.capabilities());
        s.ok(c.tag(), null, "CAPABILITY completed");
    }
}
