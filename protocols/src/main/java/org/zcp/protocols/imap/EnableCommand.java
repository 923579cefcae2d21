package org.zcp.protocols.imap;

import java.io.IOException;
import org.zcp.protocols.imap.parse.Args;
import org.zcp.protocols.imap.parse.ParseException;
import org.zcp.protocols.imap.parse.RawCommand;

/** ENABLE (RFC 5161): CONDSTORE is the one extension that can be enabled; others are ignored. */
final class EnableCommand {
    private EnableCommand() {
    }

    static void handle(ImapSession s, RawCommand c) throws IOException, ParseException {
        Args args = c.cursor();
        if (!args.hasNext()) throw new ParseException("Missing argument");
        boolean condstore = false;
        while (args.hasNext()) {
            if (args.keyword().equals("CONDSTORE")) condstore = true;
        }
        if (condstore && !s.condstore) {
            s.condstore = true;
            s.untagged("ENABLED CONDSTORE");
        } else {
            s.untagged("ENABLED");
        }
        s.ok(c.tag(), null, "ENABLE completed");
    }
}
