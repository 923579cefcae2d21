package org.zcp.protocols.imap;

import java.io.IOException;
import org.zcp.protocols.imap.parse.ParseException;
import org.zcp.protocols.imap.parse.RawCommand;
import org.zcp.protocols.tls.TlsUpgrade;

/**
 * STARTTLS (RFC 3501 section 6.2.1): OK, the handshake, then fresh reader and writer on the
 * protected streams, so plaintext pipelined behind the command is never read as if it came
 * through TLS (CVE-2011-0411).
 */
final class StartTlsCommand {
    private StartTlsCommand() {
    }

    static void handle(ImapSession s, RawCommand c) throws IOException, ParseException {
        c.cursor().end();
        if (s.tlsActive) {
            s.bad(c.tag(), "TLS is already active");
            return;
        }
        s.ok(c.tag(), null, "Begin TLS negotiation now");
        if (s.reader().buffered() > 0) {
            ImapSession.LOG.warning("discarding plaintext pipelined after STARTTLS by " + s.peer
                    + " (command injection?)");
        }
        TlsUpgrade.Streams tls = s.starttls.upgrade();
        s.streams(tls.in(), tls.out());
        s.tlsActive = true;
    }
}
