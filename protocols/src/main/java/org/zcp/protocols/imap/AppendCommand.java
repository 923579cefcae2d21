package org.zcp.protocols.imap;

import java.io.IOException;
import java.io.InputStream;
import org.zcp.protocols.imap.parse.AppendRequest;
import org.zcp.protocols.imap.parse.ParseException;
import org.zcp.protocols.imap.parse.RawCommand;

/**
 * APPEND (RFC 3501 section 6.3.11) with APPENDUID (RFC 4315); a mailbox that does not exist is
 * {@code NO [TRYCREATE]}. Without a date the internal date is now. A large message comes spooled
 * in a temporary file ({@link org.zcp.protocols.imap.parse.ImapReader}), which the session deletes
 * after the command.
 */
final class AppendCommand {
    private AppendCommand() {
    }

    static void handle(ImapSession s, RawCommand c) throws IOException, ParseException {
        AppendRequest r = AppendRequest.parse(c.cursor());
        long date = r.internalDate() == null ? System.currentTimeMillis() : r.internalDate().toInstant().toEpochMilli();
        ImapBackend.AppendResult result;
        try (InputStream message = r.message().openStream()) {
            result = s.backend.append(s.handle, r.mailbox(), message, r.flags(), date);
        } catch (ImapBackend.Failure e) {
            if (!"NONEXISTENT".equals(e.code()) && !"TRYCREATE".equals(e.code())) throw e;
            s.no(c.tag(), "TRYCREATE", "Mailbox does not exist");
            return;
        }
        s.ok(c.tag(), "APPENDUID " + result.uidValidity() + " " + result.uid(), "APPEND completed");
    }
}
