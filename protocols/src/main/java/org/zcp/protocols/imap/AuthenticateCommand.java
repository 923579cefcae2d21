package org.zcp.protocols.imap;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.zcp.protocols.imap.parse.Args;
import org.zcp.protocols.imap.parse.ParseException;
import org.zcp.protocols.imap.parse.RawCommand;
import org.zcp.protocols.imap.parse.RejectedCommandException;

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
        String[] plain = plain(decoded);
        Arrays.fill(decoded, (byte) 0);
        if (plain == null) {
            s.bad(c.tag(), "Invalid PLAIN authentication response");
        } else if (!plain[0].isEmpty() && !plain[0].equals(plain[1])) {
            ImapSession.LOG.info(() -> "login of " + plain[1] + " as " + plain[0] + " refused: no proxy logins");
            s.no(c.tag(), "AUTHORIZATIONFAILED", "Authorization failed");
            s.failed();
        } else {
            s.login(c.tag(), plain[1], plain[2]);
        }
    }

    /** {@code [authzid] NUL authcid NUL passwd}; the three parts, or null when malformed. */
    static String[] plain(byte[] message) {
        int first = indexOf(message, 0);
        int second = first < 0 ? -1 : indexOf(message, first + 1);
        if (second < 0 || indexOf(message, second + 1) >= 0) return null;
        if (second == first + 1 || second == message.length - 1) return null;
        try {
            var utf8 = StandardCharsets.UTF_8.newDecoder();
            return new String[] {utf8.decode(ByteBuffer.wrap(message, 0, first)).toString(),
                    utf8.decode(ByteBuffer.wrap(message, first + 1, second - first - 1)).toString(),
                    utf8.decode(ByteBuffer.wrap(message, second + 1, message.length - second - 1)).toString()};
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static int indexOf(byte[] b, int from) {
        for (int i = from; i < b.length; i++) if (b[i] == 0) return i;
        return -1;
    }
}
