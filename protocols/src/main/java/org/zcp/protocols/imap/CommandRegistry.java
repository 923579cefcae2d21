package org.zcp.protocols.imap;

import static org.zcp.protocols.imap.ImapSession.State.AUTHENTICATED;
import static org.zcp.protocols.imap.ImapSession.State.NOT_AUTHENTICATED;
import static org.zcp.protocols.imap.ImapSession.State.SELECTED;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.zcp.protocols.imap.ImapSession.State;

/**
 * Every command the session knows, with the states it is valid in (RFC 3501 section 6) as data,
 * so the state check happens in one place and handlers only do their work.
 */
final class CommandRegistry {
    /** A command's states and handler. */
    record Entry(Set<State> states, ImapCommand handler) {
    }

    private static final Set<State> ANY = EnumSet.of(NOT_AUTHENTICATED, AUTHENTICATED, SELECTED);
    private static final Set<State> NOT_AUTH = EnumSet.of(NOT_AUTHENTICATED);
    private static final Set<State> AUTH = EnumSet.of(AUTHENTICATED, SELECTED);
    private static final Set<State> AUTH_ONLY = EnumSet.of(AUTHENTICATED);
    private static final Set<State> SEL = EnumSet.of(SELECTED);

    private static final Map<String, Entry> COMMANDS = Map.ofEntries(
            Map.entry("CAPABILITY", new Entry(ANY, CapabilityCommand::handle)),
            Map.entry("NOOP", new Entry(ANY, NoopCommand::handle)),
            Map.entry("ID", new Entry(ANY, IdCommand::handle)),
            Map.entry("LOGOUT", new Entry(ANY, LogoutCommand::handle)),
            Map.entry("STARTTLS", new Entry(NOT_AUTH, StartTlsCommand::handle)),
            Map.entry("LOGIN", new Entry(NOT_AUTH, LoginCommand::handle)),
            Map.entry("AUTHENTICATE", new Entry(NOT_AUTH, AuthenticateCommand::handle)),
            Map.entry("ENABLE", new Entry(AUTH_ONLY, EnableCommand::handle)),
            Map.entry("NAMESPACE", new Entry(AUTH, NamespaceCommand::handle)),
            Map.entry("LIST", new Entry(AUTH, ListCommand::handle)),
            Map.entry("LSUB", new Entry(AUTH, ListCommand::handle)),
            Map.entry("SELECT", new Entry(AUTH, SelectCommand::handle)),
            Map.entry("EXAMINE", new Entry(AUTH, SelectCommand::handle)),
            Map.entry("STATUS", new Entry(AUTH, StatusCommand::handle)),
            Map.entry("CREATE", new Entry(AUTH, MailboxCommands::create)),
            Map.entry("DELETE", new Entry(AUTH, MailboxCommands::delete)),
            Map.entry("RENAME", new Entry(AUTH, MailboxCommands::rename)),
            Map.entry("SUBSCRIBE", new Entry(AUTH, MailboxCommands::subscribe)),
            Map.entry("UNSUBSCRIBE", new Entry(AUTH, MailboxCommands::subscribe)),
            Map.entry("APPEND", new Entry(AUTH, AppendCommand::handle)),
            Map.entry("IDLE", new Entry(AUTH, IdleCommand::handle)),
            Map.entry("CHECK", new Entry(SEL, NoopCommand::handle)),
            Map.entry("CLOSE", new Entry(SEL, CloseCommand::handle)),
            Map.entry("UNSELECT", new Entry(SEL, CloseCommand::handle)),
            Map.entry("EXPUNGE", new Entry(SEL, ExpungeCommand::handle)),
            Map.entry("UID EXPUNGE", new Entry(SEL, ExpungeCommand::handle)),
            Map.entry("FETCH", new Entry(SEL, FetchCommand::handle)),
            Map.entry("UID FETCH", new Entry(SEL, FetchCommand::handle)),
            Map.entry("STORE", new Entry(SEL, StoreCommand::handle)),
            Map.entry("UID STORE", new Entry(SEL, StoreCommand::handle)),
            Map.entry("SEARCH", new Entry(SEL, SearchCommand::handle)),
            Map.entry("UID SEARCH", new Entry(SEL, SearchCommand::handle)),
            Map.entry("COPY", new Entry(SEL, CopyCommand::handle)),
            Map.entry("UID COPY", new Entry(SEL, CopyCommand::handle)),
            Map.entry("MOVE", new Entry(SEL, CopyCommand::handle)),
            Map.entry("UID MOVE", new Entry(SEL, CopyCommand::handle)));

    private CommandRegistry() {
    }

    /** The command of that (upper-case) name, or null. */
    static Entry get(String name) {
        return COMMANDS.get(name);
    }

    /**
     * Commands during which no EXPUNGE may be sent (RFC 3501 section 7.4.1): FETCH, STORE and
     * SEARCH without UID, whose client relies on sequence numbers staying put.
     */
    static boolean expungeAllowed(String name) {
        return !(name.equals("FETCH") || name.equals("STORE") || name.equals("SEARCH"));
    }
}
