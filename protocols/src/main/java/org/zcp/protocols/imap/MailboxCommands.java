package org.zcp.protocols.imap;

import java.io.IOException;
import org.zcp.protocols.imap.parse.Args;
import org.zcp.protocols.imap.parse.MailboxNames;
import org.zcp.protocols.imap.parse.ParseException;
import org.zcp.protocols.imap.parse.RawCommand;

/**
 * The mailbox management commands of RFC 3501 sections 6.3.3 to 6.3.7: CREATE, DELETE, RENAME,
 * SUBSCRIBE and UNSUBSCRIBE. A trailing delimiter is dropped (CREATE "a/" creates "a"); CREATE and
 * RENAME refuse, with {@code NO [CANNOT]}, only names the store cannot hold. A missing superior is
 * not made (RFC 3501 6.3.3 says SHOULD): the store answers {@code NO [NONEXISTENT]}. Made on its
 * own, a superior of a name under "Public folders/" would land in the caller's own company's
 * public store, a folder the client never named (the authorization matrix holds the server to
 * that), and Thunderbird, Outlook and mbsync create parents one by one anyway.
 */
final class MailboxCommands {
    /** The longest folder name the store keeps (its display name). */
    static final int MAX_LEVEL = 255;

    private MailboxCommands() {
    }

    static void create(ImapSession s, RawCommand c) throws IOException, ParseException {
        String name = oneMailbox(c);
        if (name.equals("INBOX")) {
            s.no(c.tag(), "ALREADYEXISTS", "INBOX always exists");
            return;
        }
        checkStorable(name);
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
        checkStorable(to);
        if (to.startsWith(from + "/")) {
            s.no(c.tag(), "CANNOT", "A mailbox cannot be moved into itself");
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

    /**
     * Refuses a name the store cannot hold, {@code NO [CANNOT]} with the reason: every level a
     * folder name of 1 to {@value #MAX_LEVEL} characters, not blank, without control characters
     * (which no client can show). Any other astring is a name (RFC 3501 section 5.1), every atom
     * character included.
     */
    static void checkStorable(String name) throws ParseException {
        for (String level : name.split("/", -1)) {
            if (level.isBlank()) throw ParseException.refused("CANNOT", "Mailbox name has an empty level");
            if (level.length() > MAX_LEVEL) {
                throw ParseException.refused("CANNOT", "Mailbox name has a level longer than " + MAX_LEVEL + " characters");
            }
            if (level.chars().anyMatch(Character::isISOControl)) {
                throw ParseException.refused("CANNOT", "Mailbox name contains a control character");
            }
        }
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
        return MailboxNames.canonicalInbox(n);
    }
}
