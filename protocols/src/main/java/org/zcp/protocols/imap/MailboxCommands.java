package org.zcp.protocols.imap;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.zcp.protocols.imap.parse.Args;
import org.zcp.protocols.imap.parse.MailboxNames;
import org.zcp.protocols.imap.parse.ParseException;
import org.zcp.protocols.imap.parse.RawCommand;

/**
 * The mailbox management commands of RFC 3501 sections 6.3.3 to 6.3.7: CREATE, DELETE, RENAME,
 * SUBSCRIBE and UNSUBSCRIBE. A trailing delimiter is dropped (CREATE "a/" creates "a"); CREATE and
 * RENAME make missing superiors first and refuse, with {@code NO [CANNOT]}, only names the store
 * cannot hold.
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
        if (name.indexOf('/') > 0) superiors(s, name, names(s));
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
        if (to.indexOf('/') > 0) {
            Set<String> existing = names(s);
            if (!existing.contains(from)) { // before any superior of the new name is made
                s.no(c.tag(), "NONEXISTENT", "No such mailbox");
                return;
            }
            superiors(s, to, existing);
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

    /**
     * Creates the missing superiors of {@code name} (RFC 3501 section 6.3.3: the server SHOULD
     * create any superior hierarchical names needed), so {@code CREATE a/b/c} works without
     * {@code a}.
     */
    private static void superiors(ImapSession s, String name, Set<String> existing) {
        for (int slash = name.indexOf('/'); slash > 0; slash = name.indexOf('/', slash + 1)) {
            String parent = name.substring(0, slash);
            if (existing.contains(parent)) continue;
            try {
                s.backend.create(s.handle, parent);
            } catch (ImapBackend.Failure e) {
                if (!"ALREADYEXISTS".equals(e.code())) throw e; // made by another session meanwhile
            }
        }
    }

    private static Set<String> names(ImapSession s) {
        Set<String> names = new HashSet<>();
        for (ImapBackend.Folder f : s.backend.folders(s.handle)) names.add(f.name());
        return names;
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
