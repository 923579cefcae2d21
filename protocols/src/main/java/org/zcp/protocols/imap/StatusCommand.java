package org.zcp.protocols.imap;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.zcp.protocols.imap.parse.Args;
import org.zcp.protocols.imap.parse.ParseException;
import org.zcp.protocols.imap.parse.RawCommand;
import org.zcp.protocols.imap.parse.StatusItems;

/** STATUS (RFC 3501 section 6.3.10) with HIGHESTMODSEQ (RFC 7162) and SIZE (RFC 8438). */
final class StatusCommand {
    private StatusCommand() {
    }

    static void handle(ImapSession s, RawCommand c) throws IOException, ParseException {
        Args args = c.cursor();
        String name = args.mailbox();
        StatusItems items = StatusItems.parse(args);
        args.end();
        if (items.items().contains(StatusItems.Item.HIGHESTMODSEQ)) s.enableCondstore();
        status(s, name, items);
        s.ok(c.tag(), null, "STATUS completed");
    }

    /** Writes {@code * STATUS name (...)} in the RFC's item order. */
    static void status(ImapSession s, String name, StatusItems items) throws IOException {
        ImapBackend.MailboxState st = s.backend.open(s.handle, name);
        List<String> out = new ArrayList<>();
        for (StatusItems.Item item : StatusItems.Item.values()) {
            if (!items.items().contains(item)) continue;
            long value = switch (item) {
                case MESSAGES -> st.messages();
                case RECENT -> st.recent();
                case UIDNEXT -> st.uidNext();
                case UIDVALIDITY -> st.uidValidity();
                case UNSEEN -> st.unseen();
                case HIGHESTMODSEQ -> st.highestModSeq();
                case SIZE -> s.backend.messages(s.handle, st.id()).stream()
                        .mapToLong(ImapBackend.MessageInfo::size).sum();
            };
            out.add(item.name() + " " + value);
        }
        s.untagged("STATUS " + ImapOutput.mailbox(name) + " (" + String.join(" ", out) + ")");
    }
}
