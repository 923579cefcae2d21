package org.zcp.protocols.imap;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.zcp.protocols.imap.parse.Args;
import org.zcp.protocols.imap.parse.Flags;
import org.zcp.protocols.imap.parse.ParseException;
import org.zcp.protocols.imap.parse.RawCommand;

/**
 * SELECT and EXAMINE (RFC 3501 sections 6.3.1, 6.3.2), with the CONDSTORE parameter and
 * HIGHESTMODSEQ of RFC 7162. A failed SELECT leaves no mailbox selected.
 */
final class SelectCommand {
    static final String SYSTEM_FLAGS =
            Flags.ANSWERED + " " + Flags.FLAGGED + " " + Flags.DELETED + " " + Flags.SEEN + " " + Flags.DRAFT;

    private SelectCommand() {
    }

    static void handle(ImapSession s, RawCommand c) throws IOException, ParseException {
        Args args = c.cursor();
        String name = args.mailbox();
        if (args.hasNext()) {
            Args params = args.list();
            while (params.hasNext()) {
                if (!params.keyword().equals("CONDSTORE")) throw new ParseException("Unknown select parameter");
                s.condstore = true;
            }
        }
        args.end();
        boolean examine = c.name().equals("EXAMINE");
        s.select(null);
        ImapBackend.MailboxState state = s.backend.open(s.handle, name);
        List<ImapBackend.MessageInfo> list = s.backend.messages(s.handle, state.id());
        SelectedMailbox mailbox = new SelectedMailbox(name, state, list, examine || state.readOnly());
        Set<String> keywords = mailbox.keywords(state.keywords());
        String flags = SYSTEM_FLAGS + (keywords.isEmpty() ? "" : " " + String.join(" ", keywords));
        s.untagged("FLAGS (" + flags + ")");
        s.untagged("OK [PERMANENTFLAGS (" + (mailbox.readOnly ? "" : flags + " \\*") + ")] Flags permitted");
        s.untagged(mailbox.exists() + " EXISTS");
        s.untagged("0 RECENT");
        for (int i = 1; i <= mailbox.exists(); i++) {
            if (!mailbox.get(i).flags.contains(Flags.SEEN)) {
                s.untagged("OK [UNSEEN " + i + "] First unseen");
                break;
            }
        }
        s.untagged("OK [UIDVALIDITY " + state.uidValidity() + "] UIDs valid");
        s.untagged("OK [UIDNEXT " + state.uidNext() + "] Predicted next UID");
        s.untagged("OK [HIGHESTMODSEQ " + state.highestModSeq() + "] Highest");
        s.select(mailbox);
        s.ok(c.tag(), mailbox.readOnly ? "READ-ONLY" : "READ-WRITE", (examine ? "EXAMINE" : "SELECT") + " completed");
    }
}
