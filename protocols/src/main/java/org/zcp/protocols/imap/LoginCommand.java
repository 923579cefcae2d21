package org.zcp.protocols.imap;

import java.io.IOException;
import org.zcp.protocols.imap.parse.Args;
import org.zcp.protocols.imap.parse.ParseException;
import org.zcp.protocols.imap.parse.RawCommand;

/** LOGIN (RFC 3501 section 6.2.3); refused while LOGINDISABLED. */
final class LoginCommand {
    private LoginCommand() {
    }

    static void handle(ImapSession s, RawCommand c) throws IOException, ParseException {
        Args args = c.cursor();
        String user = args.astring();
        String password = args.astring();
        args.end();
        if (!s.plaintextAllowed()) {
            s.no(c.tag(), "PRIVACYREQUIRED", "Plaintext authentication disallowed on non-secure connections");
            s.failed();
            return;
        }
        s.login(c.tag(), user, password);
    }
}
