package org.zcp.protocols.imap;

import java.io.IOException;
import org.zcp.protocols.imap.parse.Args;
import org.zcp.protocols.imap.parse.ParseException;
import org.zcp.protocols.imap.parse.RawCommand;

/**
 * The mailbox management commands of RFC 3501 sections 6.3.3 to 6.3.7: CREATE, DELETE, RENAME,
 * SUBSCRIBE and UNSUBSCRIBE. A trailing delimiter is dropped (CREATE "a/" creates "a").
 */
final class MailboxCommands {
    private MailboxCommands() {
    }

    static void create(ImapSession s, RawCommand c) throws IOException, ParseException {
        String name = oneMailbox(c);
        if (name.equals("INBOX")) {
            s.no(c.tag(), "ALREADYEXISTS", "INBOX always exists");
            return;
        }
        s.backend.create(s.handle, name);
        s.ok(c.tag(), null, "CREATE completed");
    }

    static void delete(ImapSession s, RawCommand c) throws IOException, ParseException {
        String name = oneMailbox(c);
        if (name.equals("INBOX")) {
            s.no(c.tag(), "CANNOT", "INBOX cannot be deleted");
            return;
        }
        if (s.selected != null && s.selected.name.equals(name)) {
            s.no(c.tag(), "INUSE", "Mailbox is selected");
            return;
        }
        s.backend.delete(s.handle, name);
        s.ok(c.tag(), null, "DELETE completed");
    }

    static void rename(ImapSession s, RawCommand c) throws IOException, ParseException {
        Args args = c.cursor();
        String from = strip(args.mailbox());
        String to = strip(args.mailbox());
        args.end();
        if (to.equals("INBOX")) {
            s.no(c.tag(), "ALREADYEXISTS", "INBOX always exists");
            return;
        }
        s.backend.rename(s.handle, from, to);
        s.ok(c.tag(), null, "RENAME completed");
    }

    /** SUBSCRIBE and UNSUBSCRIBE. */
    static void subscribe(ImapSession s, RawCommand c) throws IOException, ParseException {
        String name = oneMailbox(c);
        boolean on = c.name().equals("SUBSCRIBE");
        s.backend.subscribe(s.handle, name, on);
        s.ok(c.tag(), null, c.name() + " completed");
    }

    private static String oneMailbox(RawCommand c) throws ParseException {
        Args args = c.cursor();
        String name = strip(args.mailbox());
        args.end();
        if (name.isEmpty()) throw new ParseException("Empty mailbox name");
        return name;
    }

    private static String strip(String name) {
        String n = name;
        while (n.endsWith("/")) n = n.substring(0, n.length() - 1);
        return n.equalsIgnoreCase("INBOX") ? "INBOX" : n;
    }
}
