package org.zcp.protocols.imap;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.zcp.protocols.imap.parse.Args;
import org.zcp.protocols.imap.parse.ParseException;
import org.zcp.protocols.imap.parse.RawCommand;

/**
 * ENABLE (RFC 5161): CONDSTORE and QRESYNC (RFC 7162; QRESYNC implies CONDSTORE) can be enabled;
 * others are ignored. {@code ENABLED} lists what this command newly turned on.
 */
final class EnableCommand {
    private EnableCommand() {
    }

    static void handle(ImapSession s, RawCommand c) throws IOException, ParseException {
        Args args = c.cursor();
        if (!args.hasNext()) throw new ParseException("Missing argument");
        List<String> enabled = new ArrayList<>();
        while (args.hasNext()) {
            String ext = args.keyword();
            if (ext.equals("CONDSTORE") && !s.condstore) {
                s.condstore = true;
                enabled.add(ext);
            } else if (ext.equals("QRESYNC") && !s.qresync) {
                s.qresync = true;
                s.condstore = true;
                if (s.selected != null) s.selected.vanished = true;
                enabled.add(ext);
            }
        }
        s.untagged(enabled.isEmpty() ? "ENABLED" : "ENABLED " + String.join(" ", enabled));
        s.ok(c.tag(), null, "ENABLE completed");
    }
}
