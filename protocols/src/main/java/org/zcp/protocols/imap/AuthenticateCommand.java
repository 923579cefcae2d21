package org.zcp.protocols.imap;

import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;
import org.zcp.protocols.sasl.SaslPlain;
import org.zcp.protocols.imap.parse.Args;
import org.zcp.protocols.imap.parse.ParseException;
import org.zcp.protocols.imap.parse.RawCommand;
import org.zcp.protocols.imap.parse.RejectedCommandException;
import org.zcp.protocols.log.LogText;

/**
 * AUTHENTICATE PLAIN (RFC 3501 section 6.2.2, RFC 4616) with the initial response on the command
 * line (SASL-IR, RFC 4959, {@code =} for an empty one) or after a {@code +} continuation.
 */
final class AuthenticateCommand {
    private AuthenticateCommand() {
    }

    static void handle(ImapSession s, RawCommand c) throws IOException, ParseException {
        Args args = c.cursor();
        String mechanism = args.keyword();
        String response = args.hasNext() ? Args.astring(args.next()) : null;
        args.end();
        if (!mechanism.equals("PLAIN")) {
            s.no(c.tag(), "CANNOT", "Unsupported authentication mechanism");
            return;
        }
        if (!s.plaintextAllowed()) {
            s.no(c.tag(), "PRIVACYREQUIRED", "Plaintext authentication disallowed on non-secure connections");
            s.failed();
            return;
        }
        if (response == null) {
            s.out().line("+ ").flush();
            try {
                response = s.reader().readLine();
            } catch (RejectedCommandException e) {
                s.bad(c.tag(), "Authentication response too long");
                return;
            }
            if (response == null) {
                s.closing = true;
                return;
            }
            response = response.trim();
        } else if (response.equals("=")) {
            response = "";
        }
        if (response.equals("*")) {
            s.bad(c.tag(), "Authentication cancelled");
            return;
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(response);
        } catch (IllegalArgumentException e) {
            s.bad(c.tag(), "Invalid base64 in authentication response");
            return;
        }
        String[] plain = SaslPlain.decode(decoded);
        Arrays.fill(decoded, (byte) 0);
        if (plain == null) {
            s.bad(c.tag(), "Invalid PLAIN authentication response");
        } else if (!plain[0].isEmpty() && !plain[0].equals(plain[1])) {
            ImapSession.LOG.info(() -> "login of " + LogText.safe(plain[1]) + " as " + LogText.safe(plain[0])
                    + " from " + s.peer
                    + " refused: no proxy logins");
            s.no(c.tag(), "AUTHORIZATIONFAILED", "Authorization failed");
            s.failed();
        } else {
            s.login(c.tag(), plain[1], plain[2]);
        }
    }
}
