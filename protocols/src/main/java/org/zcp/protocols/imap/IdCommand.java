package org.zcp.protocols.imap;

import java.io.IOException;
import org.zcp.protocols.imap.parse.IdRequest;
import org.zcp.protocols.imap.parse.ParseException;
import org.zcp.protocols.imap.parse.RawCommand;
import org.zcp.protocols.log.LogText;

/**
 * ID (RFC 2971), in any state: the client's identification goes to the log, the server answers
 * with its name and version only (section 3.3 leaves out what is not wanted; the host and OS are
 * nobody's business before login).
 */
final class IdCommand {
    static final String RESPONSE = "ID (\"name\" \"zarafa-gateway\" \"version\" \"7.1\")";

    private IdCommand() {
    }

    static void handle(ImapSession s, RawCommand c) throws IOException, ParseException {
        IdRequest r = IdRequest.parse(c.cursor());
        if (!r.params().isEmpty()) {
            ImapSession.LOG.fine(() -> s.peer + ": ID " + LogText.safe(r.params().toString()));
        }
        s.untagged(RESPONSE);
        s.ok(c.tag(), null, "ID completed");
    }
}
