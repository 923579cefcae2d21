package org.zcp.protocols.imap;

import java.io.IOException;
import org.zcp.protocols.imap.parse.ParseException;
import org.zcp.protocols.imap.parse.RawCommand;

/** NAMESPACE (RFC 2342): one personal namespace, delimiter "/". */
final class NamespaceCommand {
    private NamespaceCommand() {
    }

    static void handle(ImapSession s, RawCommand c) throws IOException, ParseException {
        c.cursor().end();
        s.untagged("NAMESPACE ((\"\" \"/\")) NIL NIL");
        s.ok(c.tag(), null, "NAMESPACE completed");
    }
}
