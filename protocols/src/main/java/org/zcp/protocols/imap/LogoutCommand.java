package org.zcp.protocols.imap;

import java.io.IOException;
import org.zcp.protocols.imap.parse.ParseException;
import org.zcp.protocols.imap.parse.RawCommand;

/** LOGOUT (RFC 3501 section 6.1.3): {@code * BYE}, the tagged OK, then the connection closes. */
final class LogoutCommand {
    private LogoutCommand() {
    }

    static void handle(ImapSession s, RawCommand c) throws IOException, ParseException {
        c.cursor().end();
        s.untagged("BYE " + s.hostname + " IMAP4rev1 server signing off");
        s.select(null);
        s.state = ImapSession.State.LOGOUT;
        s.closing = true;
        s.ok(c.tag(), null, "LOGOUT completed");
    }
}
