package org.zcp.protocols.imap;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.zcp.protocols.imap.parse.ImapReader;
import org.zcp.protocols.imap.parse.ParseException;
import org.zcp.protocols.imap.parse.RawCommand;
import org.zcp.protocols.imap.parse.RejectedCommandException;
import org.zcp.protocols.tls.Peers;
import org.zcp.protocols.tls.TlsUpgrade;
import org.zcp.protocols.log.LogText;

/**
 * One IMAP4rev1 conversation (RFC 3501) over a connected stream, with LITERAL+, SASL-IR,
 * AUTH=PLAIN, STARTTLS, ENABLE, IDLE, ID, NAMESPACE, UIDPLUS, MOVE, UNSELECT, CHILDREN, SPECIAL-USE,
 * CONDSTORE, QRESYNC and ESEARCH. Commands come from {@link ImapReader}; {@link CommandRegistry} says in which states
 * each is valid and which handler runs it. In the selected state a {@link SelectedMailbox} keeps
 * the client's view and, before every tagged OK, polls the store and sends the untagged updates
 * the client is owed.
 *
 * <p>Errors: a store {@link ImapBackend.Failure} is {@code NO [code] text}; any other store
 * exception {@code NO [UNAVAILABLE]} without its text; syntax errors, unknown commands and commands
 * in the wrong state are {@code BAD}. {@link Options#maxFailCommands()} such errors (and refused
 * logins) in a row end the session with {@code * BYE}. Passwords never reach the log.
 */
public final class ImapSession {
    static final Logger LOG = Logger.getLogger(ImapSession.class.getName());

    /**
     * Session policy.
     *
     * @param disablePlaintextAuth LOGINDISABLED and no AUTH=PLAIN until TLS is active
     * @param maxFailCommands imap_max_fail_commands: errors in a row before the connection is closed
     * @param maxLiteral imap_max_messagesize: the largest literal accepted
     * @param idlePollSeconds how often IDLE asks the store for changes
     * @param idle imap_capability_idle: whether IDLE is offered at all
     */
    public record Options(boolean disablePlaintextAuth, int maxFailCommands, long maxLiteral, int idlePollSeconds,
            boolean idle) {
        public Options {
            if (maxFailCommands < 1) throw new IllegalArgumentException("maxFailCommands < 1");
            if (maxLiteral < 0) throw new IllegalArgumentException("maxLiteral < 0");
        }

        public Options(boolean disablePlaintextAuth, int maxFailCommands, long maxLiteral, int idlePollSeconds) {
            this(disablePlaintextAuth, maxFailCommands, maxLiteral, idlePollSeconds, true);
        }

        /** No plaintext logins before STARTTLS (except from loopback), as gateway.cfg's default. */
        public static Options defaults() {
            return new Options(true, 10, 64L * 1024 * 1024, 30);
        }
    }

    /** RFC 3501 section 3. */
    enum State {
        NOT_AUTHENTICATED, AUTHENTICATED, SELECTED, LOGOUT
    }

    final ImapBackend backend;
    final String hostname;
    final Options options;
    final String peer;
    final TlsUpgrade starttls;
    boolean tlsActive;
    private InputStream rawIn;
    private ImapReader reader;
    private ImapOutput out;

    State state = State.NOT_AUTHENTICATED;
    /** The backend's handle from a successful login. */
    String handle;
    String user;
    SelectedMailbox selected;
    /** CONDSTORE enabled (ENABLE, SELECT (CONDSTORE), or a MODSEQ/CHANGEDSINCE use). */
    boolean condstore;
    /** QRESYNC enabled (RFC 7162): VANISHED instead of EXPUNGE, resynchronisation at SELECT. */
    boolean qresync;
    boolean closing;
    private int failures;
    /** Told once the client has logged in (the listener lifts its pre-login limits). */
    private Runnable onLogin;
    /** The store's change signals; null: IDLE asks the store every {@link Options#idlePollSeconds()}. */
    MailboxEvents events;
    /**
     * With {@link #events}: the selected mailbox's signals, and whether one came since the store
     * was last asked. A command's closing updates ask the store only then, so a session that
     * FETCHes, SEARCHes or NOOPs in an unchanged mailbox costs no store work (the session's own
     * STORE or APPEND signals too: its commit publishes before the call returns).
     */
    private MailboxEvents.Watch selectedWatch;
    private volatile boolean selectedChanged = true;
    /** The name of the command being handled, e.g. {@code UID FETCH}. */
    private String current = "";

    public ImapSession(ImapBackend backend, String hostname, Options options, InputStream in, OutputStream out,
            String peer, TlsUpgrade starttls, boolean tlsActive) {
        this.backend = backend;
        this.hostname = hostname;
        this.options = options;
        this.peer = peer;
        this.starttls = starttls;
        this.tlsActive = tlsActive;
        streams(in, out);
    }

    /**
     * Runs {@code hook} after a successful login, before the tagged OK: the listener uses it to
     * end the short pre-login timeout and to stop counting the connection as unauthenticated.
     */
    public ImapSession onLogin(Runnable hook) {
        this.onLogin = hook;
        return this;
    }

    /**
     * Lets IDLE wait for the store's change events instead of polling: with them, an idle session
     * costs no store work until something in its mailbox changes.
     */
    public ImapSession events(MailboxEvents signals) {
        this.events = signals;
        return this;
    }

    /** (Re)builds reader and writer; after STARTTLS on the protected streams. */
    void streams(InputStream in, OutputStream o) {
        rawIn = in;
        out = new ImapOutput(o);
        int maxLiteral = (int) Math.min(options.maxLiteral(), Integer.MAX_VALUE - 8);
        ImapReader.Limits d = ImapReader.Limits.defaults();
        reader = new ImapReader(in, new ImapReader.Limits(d.maxLineLength(), maxLiteral, d.maxDiscard()),
                () -> out.line("+ Ready for literal data").flush());
        reader.authenticated(state != State.NOT_AUTHENTICATED);
    }

    /**
     * Runs the conversation until LOGOUT, end of input, a read timeout or too many errors, then
     * releases the backend handle. A failed TLS upgrade or a broken connection surfaces as its
     * IOException; the caller closes the connection.
     */
    public void run() throws IOException {
        try {
            out.line("* OK [CAPABILITY " + capabilities() + "] " + hostname + " IMAP4rev1 gateway ready").flush();
            while (!closing) {
                RawCommand command;
                try {
                    command = reader.read();
                } catch (RejectedCommandException e) {
                    LOG.fine(() -> peer + ": rejected command: " + e.getMessage());
                    out.line(e.response());
                    if (e.closeConnection()) {
                        out.line(e.bye());
                        closing = true;
                    } else {
                        failed();
                    }
                    out.flush();
                    continue;
                }
                if (command == null) {
                    LOG.fine(() -> peer + " closed the connection");
                    return;
                }
                try (command) {
                    dispatch(command);
                }
            }
        } catch (SocketTimeoutException e) {
            LOG.fine(() -> peer + " timed out");
            out.line("* BYE Autologout; idle for too long");
        } catch (EOFException e) {
            LOG.fine(() -> peer + " closed the connection in the middle of a command");
        } finally {
            try {
                out.flush();
            } catch (IOException e) {
                LOG.log(Level.FINE, "could not flush the last response to " + peer, e);
            }
            logout();
        }
    }

    private void dispatch(RawCommand command) throws IOException {
        String tag = command.tag();
        String name = command.name();
        current = name;
        CommandRegistry.Entry entry = CommandRegistry.get(name);
        LOG.fine(() -> peer + ": " + tag + " " + name);
        if (entry == null || name.equals("STARTTLS") && starttls == null) {
            bad(tag, "Unknown command");
            return;
        }
        if (!entry.states().contains(state)) {
            bad(tag, name + " not allowed " + (state == State.NOT_AUTHENTICATED ? "before login"
                    : state == State.SELECTED || entry.states().contains(State.SELECTED) ? "now" : "after login"));
            return;
        }
        try {
            entry.handler().handle(this, command);
        } catch (ParseException e) {
            if (e.code() != null) no(tag, e.code(), e.getMessage());
            else bad(tag, e.getMessage());
        } catch (ImapBackend.Failure e) {
            if (ImapBackend.EXPIRED.equals(e.code())) {
                // the login is void now (also during IDLE): RFC 3501 7.1.5 BYE, then the connection ends
                out.line("* BYE [EXPIRED] Session ended by the server; log in again").flush();
                closing = true;
                return;
            }
            no(tag, e.code(), e.getMessage() == null ? "Failed" : e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, name + " for " + peer + " failed", e);
            no(tag, "UNAVAILABLE", "Server unavailable, try again later");
        }
    }

    /** Announced in the greeting, CAPABILITY and after login. */
    String capabilities() {
        StringBuilder b = new StringBuilder("IMAP4rev1 LITERAL+ SASL-IR");
        if (plaintextAllowed()) {
            b.append(" AUTH=PLAIN");
        } else {
            b.append(" LOGINDISABLED");
        }
        if (starttls != null && !tlsActive) b.append(" STARTTLS");
        b.append(options.idle() ? " ENABLE IDLE" : " ENABLE");
        b.append(" ID NAMESPACE UIDPLUS MOVE UNSELECT CHILDREN SPECIAL-USE CONDSTORE QRESYNC ESEARCH");
        return b.toString();
    }

    /**
     * With disable_plaintext_auth, LOGIN and AUTHENTICATE PLAIN only over TLS or from loopback,
     * which never crosses a network (RFC 3501 section 6.2.3, LOGINDISABLED).
     */
    boolean plaintextAllowed() {
        return tlsActive || !options.disablePlaintextAuth() || Peers.isLoopback(peer);
    }

    // ---- responses ----

    ImapOutput out() {
        return out;
    }

    ImapReader reader() {
        return reader;
    }

    void untagged(String text) throws IOException {
        out.line("* " + text);
    }

    /** Completes a command: the updates the client is owed, then the tagged OK. */
    void ok(String tag, String code, String text) throws IOException {
        failures = 0;
        sendUpdates();
        tagged(tag, "OK", code, text);
    }

    /** A NO the client caused by asking for something impossible or not allowed. */
    void no(String tag, String code, String text) throws IOException {
        tagged(tag, "NO", code, text);
    }

    /** A BAD; counts towards {@link Options#maxFailCommands()}. */
    void bad(String tag, String text) throws IOException {
        tagged(tag, "BAD", null, text);
        failed();
    }

    /** A refused login also counts as a failed command. */
    void failed() throws IOException {
        if (++failures >= options.maxFailCommands() && !closing) {
            out.line("* BYE Too many errors");
            closing = true;
        }
        out.flush();
    }

    private void tagged(String tag, String status, String code, String text) throws IOException {
        out.line(tag + " " + status + " " + (code == null ? "" : "[" + code + "] ") + text).flush();
    }

    /** Polls the store for the selected mailbox and writes EXISTS, EXPUNGE and FETCH updates. */
    void sendUpdates() throws IOException {
        if (state != State.SELECTED || selected == null) return;
        if (selectedWatch == null || selectedChanged) {
            selectedChanged = false; // before asking: a signal meanwhile asks again next time
            try {
                selected.poll(backend, handle);
            } catch (ImapBackend.Failure e) {
                selectedChanged = true;
                if (ImapBackend.EXPIRED.equals(e.code())) throw e; // dispatch says BYE
                LOG.log(Level.FINE, "polling changes for " + peer + " failed", e);
            } catch (RuntimeException e) {
                selectedChanged = true;
                LOG.log(Level.FINE, "polling changes for " + peer + " failed", e);
            }
        }
        selected.emit(out, CommandRegistry.expungeAllowed(current), condstore);
    }

    /**
     * A CONDSTORE enabling command was used (RFC 7162 section 3.1: SELECT/EXAMINE (CONDSTORE),
     * STATUS (HIGHESTMODSEQ), FETCH of MODSEQ or with CHANGEDSINCE, STORE with UNCHANGEDSINCE,
     * SEARCH MODSEQ, ENABLE): from now on every untagged FETCH carries UID and MODSEQ, and the
     * first such command with a mailbox selected reports its HIGHESTMODSEQ, as Dovecot and James
     * do, so the client has a starting point for the MODSEQs that follow.
     */
    void enableCondstore() throws IOException {
        if (condstore) return;
        condstore = true;
        if (selected != null) untagged("OK [HIGHESTMODSEQ " + selected.highestModSeq() + "] Highest");
    }

    /** True when the command being handled has the UID prefix. */
    boolean uidCommand() {
        return current.startsWith("UID ");
    }

    void select(SelectedMailbox mailbox) {
        unwatch();
        selected = mailbox;
        state = mailbox == null ? State.AUTHENTICATED : State.SELECTED;
        // the first updates after SELECT ask the store (what committed before the watch began)
        selectedChanged = true;
        if (mailbox != null && events != null && handle != null) {
            selectedWatch = events.watch(mailbox.uidValidity, handle, this::mailboxChanged);
        }
    }

    /** A change signal for the selected mailbox (from any watch): the next updates ask the store. */
    void mailboxChanged() {
        selectedChanged = true;
    }

    private void unwatch() {
        if (selectedWatch != null) {
            selectedWatch.close();
            selectedWatch = null;
        }
    }

    // ---- login ----

    /** Checks credentials; answers OK (entering AUTHENTICATED) or NO. */
    void login(String tag, String name, String password) throws IOException {
        ImapBackend.Login result;
        try {
            result = backend.login(name, password, peer, tlsActive);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "login of " + LogText.safe(name) + " from " + peer + " failed", e);
            result = null;
        }
        ImapBackend.Status status = result == null || result.status() == null ? ImapBackend.Status.UNAVAILABLE
                : result.status();
        if (status == ImapBackend.Status.OK && result.session() == null) status = ImapBackend.Status.UNAVAILABLE;
        String detail = result == null || result.message() == null ? "" : ": " + LogText.safe(result.message());
        switch (status) {
            case DENIED -> {
                LOG.info(() -> "login of " + LogText.safe(name) + " from " + peer + " refused" + detail);
                no(tag, "AUTHENTICATIONFAILED", "Authentication failed");
                failed();
            }
            case UNAVAILABLE -> {
                LOG.warning("login of " + LogText.safe(name) + " from " + peer + " not possible" + detail);
                no(tag, "UNAVAILABLE", "Server unavailable, try again later");
            }
            case OK -> {
                handle = result.session();
                user = name;
                state = State.AUTHENTICATED;
                reader.authenticated(true);
                if (onLogin != null) onLogin.run();
                LOG.info(() -> LogText.safe(name) + " logged in from " + peer + (tlsActive ? " with TLS" : ""));
                ok(tag, "CAPABILITY " + capabilities(), "Logged in");
            }
        }
    }

    private void logout() {
        unwatch();
        if (handle == null) return;
        String h = handle;
        handle = null;
        try {
            backend.logout(h);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "logout for " + peer + " failed", e);
        }
    }
}
