package org.zcp.protocols.pop3;

import static org.zcp.protocols.pop3.Pop3Session.State.AUTHORIZATION;
import static org.zcp.protocols.pop3.Pop3Session.State.TRANSACTION;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import org.zcp.protocols.sasl.SaslPlain;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.zcp.protocols.io.LineReader;
import org.zcp.protocols.tls.Peers;
import org.zcp.protocols.tls.TlsUpgrade;
import org.zcp.protocols.log.LogText;

/**
 * One POP3 conversation (RFC 1939) over a connected stream, with the extensions mail clients
 * expect: CAPA, RESP-CODES, PIPELINING (RFC 2449), STLS (RFC 2595), AUTH with SASL PLAIN (RFC
 * 5034, RFC 4616), and the AUTH and SYS/TEMP response codes (RFC 3206) so a client can tell a wrong
 * password from a store that is away and does not ask the user for a new password in vain.
 *
 * <p>After login the session works on a snapshot of the Inbox taken at that moment: message
 * numbers stay fixed while the session lasts, DELE only marks, and the marked messages are deleted
 * in the store at QUIT, all at once (the UPDATE state). A session that ends any other way
 * (timeout, connection lost, too many errors) deletes nothing.
 *
 * <p>Every command is an entry of {@link Command} with the states it is allowed in and its argument
 * syntax, so state and syntax checks happen in one place and each handler only does its work.
 * Malformed lines, unknown commands and commands in the wrong state get {@code -ERR} and the
 * session goes on, up to {@link Options#maxBadCommands()} in a row. Replies never carry exception
 * text: failures are logged and the client sees a fixed message.
 */
public final class Pop3Session {
    private static final Logger LOG = Logger.getLogger(Pop3Session.class.getName());
    /** RFC 2449 section 4: 255 octets including the CRLF. */
    static final int MAX_COMMAND = 255 - 2;
    /** A SASL response is not a command line; this only bounds memory. */
    static final int MAX_SASL_RESPONSE = 8192;
    static final String PLAINTEXT_DISALLOWED =
            "-ERR [AUTH] Plaintext authentication disallowed on non-secure connections";
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] END = {'.', '\r', '\n'};

    /**
     * Session policy.
     *
     * @param disablePlaintextAuth refuse USER/PASS and AUTH PLAIN until the connection is
     *     encrypted (gateway.cfg {@code disable_plaintext_auth}), so passwords never cross the
     *     network in clear
     * @param maxBadCommands how many rejected commands in a row are tolerated; one more and the
     *     connection is closed, so a confused or hostile client cannot keep it busy
     * @param maxAuthFailures after this many refused logins the connection is closed, which slows
     *     down password guessing
     */
    public record Options(boolean disablePlaintextAuth, int maxBadCommands, int maxAuthFailures) {
        public Options {
            if (maxBadCommands < 0) throw new IllegalArgumentException("maxBadCommands < 0");
            if (maxAuthFailures < 1) throw new IllegalArgumentException("maxAuthFailures < 1");
        }

        /** With the usual three failed logins before the connection is closed. */
        public Options(boolean disablePlaintextAuth, int maxBadCommands) {
            this(disablePlaintextAuth, maxBadCommands, 3);
        }

        /** No plaintext logins before STLS (except from loopback), 20 bad commands, 3 failed logins. */
        public static Options defaults() {
            return new Options(true, 20, 3);
        }
    }

    /** RFC 1939 section 3; UPDATE lasts only for the QUIT that enters it. */
    enum State {
        AUTHORIZATION, TRANSACTION, UPDATE
    }

    /** How the text after the keyword is split into arguments, and how many there must be. */
    enum Syntax {
        NONE(0, 0), NUMBER(1, 1), OPTIONAL_NUMBER(0, 1), TWO_NUMBERS(2, 2), MECHANISM(0, 2),
        /** The rest of the line as one argument, spaces included (RFC 1939: passwords may have them). */
        TEXT(1, 1);

        final int min;
        final int max;

        Syntax(int min, int max) {
            this.min = min;
            this.max = max;
        }

        /** The arguments, or null when their number is wrong. */
        List<String> parse(String rest) {
            if (this == TEXT) return rest.isEmpty() ? null : List.of(rest);
            String t = rest.trim();
            List<String> args = t.isEmpty() ? List.of() : List.of(t.split(" +"));
            return args.size() < min || args.size() > max ? null : args;
        }
    }

    @FunctionalInterface
    interface Handler {
        void handle(Pop3Session session, List<String> args) throws IOException;
    }

    private static final Set<State> BOTH = EnumSet.of(AUTHORIZATION, TRANSACTION);
    private static final Set<State> AUTH_ONLY = EnumSet.of(AUTHORIZATION);
    private static final Set<State> LOGGED_IN = EnumSet.of(TRANSACTION);

    /** The commands, each with the states it is valid in, its syntax and its handler. */
    enum Command {
        CAPA(BOTH, Syntax.NONE, "CAPA", Pop3Session::capa),
        USER(AUTH_ONLY, Syntax.TEXT, "USER name", Pop3Session::user),
        PASS(AUTH_ONLY, Syntax.TEXT, "PASS password", Pop3Session::pass),
        AUTH(AUTH_ONLY, Syntax.MECHANISM, "AUTH [mechanism [initial-response]]", Pop3Session::auth),
        STLS(AUTH_ONLY, Syntax.NONE, "STLS", Pop3Session::stls),
        QUIT(BOTH, Syntax.NONE, "QUIT", Pop3Session::quit),
        STAT(LOGGED_IN, Syntax.NONE, "STAT", Pop3Session::stat),
        LIST(LOGGED_IN, Syntax.OPTIONAL_NUMBER, "LIST [msg]", Pop3Session::list),
        UIDL(LOGGED_IN, Syntax.OPTIONAL_NUMBER, "UIDL [msg]", Pop3Session::uidl),
        RETR(LOGGED_IN, Syntax.NUMBER, "RETR msg", Pop3Session::retr),
        TOP(LOGGED_IN, Syntax.TWO_NUMBERS, "TOP msg lines", Pop3Session::top),
        DELE(LOGGED_IN, Syntax.NUMBER, "DELE msg", Pop3Session::dele),
        NOOP(LOGGED_IN, Syntax.NONE, "NOOP", Pop3Session::noop),
        RSET(LOGGED_IN, Syntax.NONE, "RSET", Pop3Session::rset);

        static final Map<String, Command> BY_NAME =
                Stream.of(values()).collect(Collectors.toUnmodifiableMap(Enum::name, Function.identity()));

        final Set<State> states;
        final Syntax syntax;
        final String usage;
        final Handler handler;

        Command(Set<State> states, Syntax syntax, String usage, Handler handler) {
            this.states = states;
            this.syntax = syntax;
            this.usage = usage;
            this.handler = handler;
        }

        /** The command as it may appear in the log: never a password or a SASL response. */
        String loggable(List<String> args) {
            return switch (this) {
                case PASS -> "PASS ***";
                case AUTH -> "AUTH" + (args.isEmpty() ? "" : " " + args.get(0)) + (args.size() > 1 ? " ***" : "");
                default -> args.isEmpty() ? name() : name() + " " + String.join(" ", args);
            };
        }
    }

    private final Pop3Backend backend;
    private final String hostname;
    private final Options options;
    private final String peer;
    /** Null when STLS is not offered (no certificate, or the connection is TLS already). */
    private final TlsUpgrade starttls;
    private LineReader in;
    private OutputStream out;
    private boolean tlsActive;
    private Runnable onLogin;

    private State state = AUTHORIZATION;
    /** The name from USER, waiting for PASS. */
    private String user;
    private int authFailures;
    private int badCommands;
    private boolean closing;
    /** The backend's handle; set from a successful login until logout. */
    private String mailbox;
    private List<Pop3Backend.Entry> messages = List.of();
    private boolean[] deleted = new boolean[0];

    /**
     * A session on a connected stream.
     *
     * @param peer the client's IP address, for the log and the backend's login check
     * @param starttls offers STLS when not null; called at most once, after the {@code +OK} to STLS
     *     has been flushed
     * @param tlsActive whether the connection is encrypted already (POP3S, implicit TLS)
     */
    public Pop3Session(Pop3Backend backend, String hostname, Options options, InputStream in, OutputStream out,
            String peer, TlsUpgrade starttls, boolean tlsActive) {
        this.backend = backend;
        this.hostname = hostname;
        this.options = options;
        this.in = new LineReader(in, MAX_COMMAND, 8192);
        this.out = new BufferedOutputStream(out, 8192);
        this.peer = peer;
        this.starttls = starttls;
        this.tlsActive = tlsActive;
    }

    /**
     * Runs {@code hook} after a successful login, before the +OK: the listener uses it to end the
     * short pre-login timeout and to stop counting the connection as not logged in.
     */
    public Pop3Session onLogin(Runnable hook) {
        this.onLogin = hook;
        return this;
    }

    /**
     * Runs the conversation until QUIT, end of input, a read timeout or too many errors, then
     * releases the backend handle. A failed TLS upgrade or a broken connection surfaces as its
     * IOException; the caller closes the connection.
     */
    public void run() throws IOException {
        try {
            ok("+OK " + hostname + " POP3 gateway ready");
            while (!closing) {
                byte[] raw;
                try {
                    raw = in.readLine(MAX_COMMAND);
                } catch (LineReader.LineTooLongException e) {
                    error("-ERR line too long");
                    continue;
                }
                if (raw == null) {
                    LOG.fine(() -> peer + " closed the connection");
                    return;
                }
                command(new String(raw, StandardCharsets.UTF_8));
            }
        } catch (SocketTimeoutException e) {
            // RFC 1939 section 3: the autologout timer ends the session without UPDATE
            LOG.fine(() -> peer + " timed out");
            fail("-ERR disconnected for inactivity");
        } finally {
            try {
                out.flush();
            } catch (IOException e) {
                LOG.log(Level.FINE, "could not flush the last reply to " + peer, e);
            }
            logout();
        }
    }

    /** Handles one command line: checks it against the command table, then runs its handler. */
    void command(String line) throws IOException {
        int sp = line.indexOf(' ');
        String verb = (sp < 0 ? line : line.substring(0, sp)).toUpperCase(Locale.ROOT);
        String rest = sp < 0 ? "" : line.substring(sp + 1);
        Command c = Command.BY_NAME.get(verb);
        if (c == null || (c == Command.STLS && starttls == null)) {
            // only the fact goes to the log: a line nobody understood may be a mistyped password
            LOG.fine(() -> peer + ": unknown command");
            error("-ERR unknown command");
            return;
        }
        List<String> args = c.syntax.parse(rest);
        LOG.fine(() -> peer + ": " + LogText.safe(args == null ? verb + " (bad syntax)" : c.loggable(args)));
        if (!c.states.contains(state)) {
            error("-ERR " + verb + " not allowed " + (state == AUTHORIZATION ? "before" : "after") + " login");
        } else if (args == null) {
            error("-ERR syntax: " + c.usage);
        } else {
            c.handler.handle(this, args);
        }
    }

    // ---- AUTHORIZATION ----

    /** RFC 2449 section 5: what is available in AUTHORIZATION is announced in both states. */
    private void capa(List<String> args) throws IOException {
        List<String> lines = new ArrayList<>(List.of("+OK Capability list follows", "TOP", "UIDL"));
        if (plaintextAllowed()) {
            lines.add("USER");
            lines.add("SASL PLAIN");
        }
        // RFC 2595 section 4: not offered once TLS is up
        if (starttls != null && !tlsActive) lines.add("STLS");
        lines.addAll(List.of("RESP-CODES", "AUTH-RESP-CODE", "PIPELINING", "IMPLEMENTATION ZCP", "."));
        ok(lines.toArray(String[]::new));
    }

    /** With disable_plaintext_auth only over TLS or from loopback, which never crosses a network. */
    private boolean plaintextAllowed() {
        return tlsActive || !options.disablePlaintextAuth() || Peers.isLoopback(peer);
    }

    /** Always +OK: the answer must not tell whether the user exists. */
    private void user(List<String> args) throws IOException {
        if (!plaintextAllowed()) {
            error(PLAINTEXT_DISALLOWED);
            return;
        }
        String name = args.get(0).trim();
        if (name.isEmpty()) {
            error("-ERR syntax: " + Command.USER.usage);
            return;
        }
        user = name;
        ok("+OK send PASS");
    }

    private void pass(List<String> args) throws IOException {
        if (!plaintextAllowed()) {
            error(PLAINTEXT_DISALLOWED);
            return;
        }
        if (user == null) {
            error("-ERR send USER first");
            return;
        }
        String name = user;
        user = null;
        login(name, args.get(0));
    }

    /**
     * RFC 5034: {@code AUTH PLAIN} with the response on the command line or after a {@code +}
     * continuation; {@code AUTH} alone lists the mechanisms (the older RFC 1734 form that Outlook
     * uses to probe).
     */
    private void auth(List<String> args) throws IOException {
        if (args.isEmpty()) {
            ok(plaintextAllowed() ? new String[] {"+OK", "PLAIN", "."} : new String[] {"+OK", "."});
            return;
        }
        if (!args.get(0).equalsIgnoreCase("PLAIN")) {
            error("-ERR unsupported authentication mechanism");
            return;
        }
        if (!plaintextAllowed()) {
            error(PLAINTEXT_DISALLOWED);
            return;
        }
        user = null;
        String response;
        if (args.size() == 2) {
            // "=" is an empty initial response (RFC 5034 section 4)
            response = args.get(1).equals("=") ? "" : args.get(1);
        } else {
            send(true, "+ ");
            byte[] raw;
            try {
                raw = in.readLine(MAX_SASL_RESPONSE);
            } catch (LineReader.LineTooLongException e) {
                error("-ERR authentication response too long");
                return;
            }
            if (raw == null) {
                closing = true;
                return;
            }
            response = new String(raw, StandardCharsets.US_ASCII).trim();
        }
        if (response.equals("*")) {
            error("-ERR authentication cancelled");
            return;
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(response);
        } catch (IllegalArgumentException e) {
            error("-ERR invalid base64 in authentication response");
            return;
        }
        String[] plain = SaslPlain.decode(decoded);
        Arrays.fill(decoded, (byte) 0);
        if (plain == null) {
            error("-ERR invalid PLAIN authentication response");
        } else if (!plain[0].isEmpty() && !plain[0].equals(plain[1])) {
            // acting as another user needs rights the store does not model
            LOG.info(() -> "login of " + LogText.safe(plain[1]) + " as " + LogText.safe(plain[0]) + " from " + peer
                    + " refused: no proxy logins");
            authFailed();
        } else {
            login(plain[1], plain[2]);
        }
    }

    /**
     * Checks the credentials and opens the maildrop. The store being away ends the session: the
     * client would get the same answer again, and it should retry later rather than ask the user
     * for another password.
     */
    private void login(String name, String password) throws IOException {
        Pop3Backend.Login result;
        try {
            result = backend.login(name, password, peer, tlsActive);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "login of " + LogText.safe(name) + " from " + peer + " failed", e);
            result = null;
        }
        Pop3Backend.Status status = result == null || result.status() == null ? Pop3Backend.Status.UNAVAILABLE
                : result.status();
        if (status == Pop3Backend.Status.OK && result.mailbox() == null) {
            LOG.warning("login of " + LogText.safe(name) + " returned no mailbox handle");
            status = Pop3Backend.Status.UNAVAILABLE;
        }
        String detail = result == null || result.message() == null ? "" : ": " + LogText.safe(result.message());
        switch (status) {
            case DENIED -> {
                LOG.info(() -> "login of " + LogText.safe(name) + " from " + peer + " refused" + detail);
                authFailed();
            }
            case UNAVAILABLE -> {
                LOG.warning("login of " + LogText.safe(name) + " from " + peer + " not possible" + detail);
                fail("-ERR [SYS/TEMP] Server unavailable, try again later");
                closing = true;
            }
            case OK -> open(name, result.mailbox());
        }
    }

    /** Takes the snapshot of the maildrop that the session's message numbers refer to. */
    private void open(String name, String handle) throws IOException {
        mailbox = handle;
        List<Pop3Backend.Entry> list;
        try {
            list = List.copyOf(backend.list(handle));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "listing the maildrop of " + LogText.safe(name) + " failed", e);
            fail("-ERR [SYS/TEMP] Cannot open the maildrop, try again later");
            closing = true;
            return;
        }
        messages = list;
        deleted = new boolean[list.size()];
        state = TRANSACTION;
        if (onLogin != null) onLogin.run();
        LOG.info(() -> LogText.safe(name) + " logged in from " + peer + (tlsActive ? " with TLS" : "") + ", "
                + list.size() + " messages");
        ok("+OK " + summary());
    }

    private void authFailed() throws IOException {
        authFailures++;
        error("-ERR [AUTH] Authentication failed");
        if (authFailures >= options.maxAuthFailures() && !closing) {
            fail("-ERR [AUTH] Too many authentication failures");
            closing = true;
        }
    }

    /**
     * RFC 2595 section 4: +OK, handshake, then the AUTHORIZATION state again with a fresh reader,
     * so plaintext pipelined behind STLS is never read as if it came through TLS.
     */
    private void stls(List<String> args) throws IOException {
        if (tlsActive) {
            error("-ERR Command not permitted when TLS active");
            return;
        }
        send(true, "+OK Begin TLS negotiation");
        badCommands = 0;
        if (in.hasBufferedInput()) {
            LOG.warning("discarding plaintext pipelined after STLS by " + peer + " (command injection?)");
        }
        TlsUpgrade.Streams tls = starttls.upgrade();
        in = new LineReader(tls.in(), MAX_COMMAND, 8192);
        out = new BufferedOutputStream(tls.out(), 8192);
        tlsActive = true;
        user = null;
    }

    /**
     * In AUTHORIZATION just goodbye; in TRANSACTION the UPDATE state: the marked messages are
     * deleted, all of them or (on failure) none.
     */
    private void quit(List<String> args) throws IOException {
        closing = true;
        if (state == AUTHORIZATION) {
            ok("+OK " + hostname + " POP3 server signing off");
            return;
        }
        state = State.UPDATE;
        List<String> uids = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) if (deleted[i]) uids.add(messages.get(i).uid());
        if (uids.isEmpty()) {
            ok("+OK " + hostname + " POP3 server signing off (" + messages.size() + " messages left)");
            return;
        }
        boolean done;
        try {
            done = backend.delete(mailbox, List.copyOf(uids));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "deleting " + uids.size() + " messages for " + peer + " failed", e);
            done = false;
        }
        if (done) {
            ok("+OK " + hostname + " POP3 server signing off (" + uids.size() + " messages deleted)");
        } else {
            fail("-ERR [SYS/TEMP] Some deleted messages not removed, try again later");
        }
    }

    private void logout() {
        if (mailbox == null) return;
        String handle = mailbox;
        mailbox = null;
        try {
            backend.logout(handle);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "logout for " + peer + " failed", e);
        }
    }

    // ---- TRANSACTION ----

    private void stat(List<String> args) throws IOException {
        ok("+OK " + count() + " " + octets());
    }

    private void list(List<String> args) throws IOException {
        if (!args.isEmpty()) {
            int i = message(args.get(0));
            if (i >= 0) ok("+OK " + (i + 1) + " " + messages.get(i).size());
            return;
        }
        List<String> lines = new ArrayList<>();
        lines.add("+OK " + summary());
        for (int i = 0; i < messages.size(); i++) if (!deleted[i]) lines.add((i + 1) + " " + messages.get(i).size());
        lines.add(".");
        ok(lines.toArray(String[]::new));
    }

    private void uidl(List<String> args) throws IOException {
        if (!args.isEmpty()) {
            int i = message(args.get(0));
            if (i >= 0) ok("+OK " + (i + 1) + " " + messages.get(i).uid());
            return;
        }
        List<String> lines = new ArrayList<>();
        lines.add("+OK unique-id listing follows");
        for (int i = 0; i < messages.size(); i++) if (!deleted[i]) lines.add((i + 1) + " " + messages.get(i).uid());
        lines.add(".");
        ok(lines.toArray(String[]::new));
    }

    private void retr(List<String> args) throws IOException {
        int i = message(args.get(0));
        if (i < 0) return;
        byte[] data = fetch(i);
        if (data == null) return;
        ok(false, "+OK " + data.length + " octets");
        multiline(data, data.length);
    }

    /** RFC 1939 section 7: the header, the blank line, then the first {@code lines} body lines. */
    private void top(List<String> args) throws IOException {
        int i = message(args.get(0));
        if (i < 0) return;
        long lines = number(args.get(1), 0);
        if (lines < 0) {
            error("-ERR invalid number of lines");
            return;
        }
        byte[] data = fetch(i);
        if (data == null) return;
        ok(false, "+OK top of message follows");
        multiline(data, topLength(data, lines));
    }

    private void dele(List<String> args) throws IOException {
        int i = message(args.get(0));
        if (i < 0) return;
        deleted[i] = true;
        ok("+OK message " + (i + 1) + " deleted");
    }

    private void noop(List<String> args) throws IOException {
        ok("+OK");
    }

    private void rset(List<String> args) throws IOException {
        Arrays.fill(deleted, false);
        ok("+OK " + summary());
    }

    private String summary() {
        return "maildrop has " + count() + " messages (" + octets() + " octets)";
    }

    private int count() {
        int n = 0;
        for (boolean d : deleted) if (!d) n++;
        return n;
    }

    private long octets() {
        long n = 0;
        for (int i = 0; i < messages.size(); i++) if (!deleted[i]) n += messages.get(i).size();
        return n;
    }

    /**
     * The index of the message numbered {@code arg} (1-based over the snapshot), or -1 after an
     * -ERR when it is not a number, out of range or marked deleted.
     */
    private int message(String arg) throws IOException {
        long n = number(arg, 1);
        if (n < 0) {
            error("-ERR invalid message number");
        } else if (n > messages.size()) {
            error("-ERR no such message, only " + messages.size() + " messages in maildrop");
        } else if (deleted[(int) n - 1]) {
            error("-ERR message " + n + " already deleted");
        } else {
            return (int) n - 1;
        }
        return -1;
    }

    /**
     * A decimal number (digits only: no sign, no spaces) of at least {@code min}, capped at
     * Integer.MAX_VALUE since no maildrop or message is larger; -1 if it is none.
     */
    static long number(String s, long min) {
        if (s.isEmpty() || !s.chars().allMatch(c -> c >= '0' && c <= '9')) return -1;
        long n = s.length() > 18 ? Long.MAX_VALUE : Long.parseLong(s);
        return n < min ? -1 : Math.min(n, Integer.MAX_VALUE);
    }

    /** The message from the store, or null after an -ERR (store away, or deleted meanwhile). */
    private byte[] fetch(int i) throws IOException {
        byte[] data;
        try {
            data = backend.retrieve(mailbox, messages.get(i).uid());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "retrieving message " + messages.get(i).uid() + " for " + peer + " failed", e);
            fail("-ERR [SYS/TEMP] Cannot read the message, try again later");
            return null;
        }
        if (data == null) fail("-ERR message " + (i + 1) + " no longer exists");
        return data;
    }

    /**
     * The length of the part of {@code data} that TOP sends: everything up to and including the
     * first empty line, then {@code lines} more lines. A message without an empty line is all
     * header and is sent whole.
     */
    static int topLength(byte[] data, long lines) {
        int pos = 0;
        while (pos < data.length) {
            int end = lineEnd(data, pos);
            boolean empty = end - pos == 1 || (end - pos == 2 && data[pos] == '\r');
            pos = end;
            if (empty) break;
        }
        for (long k = 0; k < lines && pos < data.length; k++) pos = lineEnd(data, pos);
        return pos;
    }

    /** The index after the LF that ends the line starting at {@code pos} (or the data's end). */
    private static int lineEnd(byte[] data, int pos) {
        while (pos < data.length && data[pos] != '\n') pos++;
        return Math.min(pos + 1, data.length);
    }

    /**
     * Sends the first {@code len} octets as the body of a multi-line response: unchanged (8-bit
     * clean) except that a line starting with '.' gets another one, with a CRLF before the final
     * dot when the data does not end with one.
     */
    private void multiline(byte[] data, int len) throws IOException {
        int start = 0;
        boolean lineStart = true;
        for (int i = 0; i < len; i++) {
            if (lineStart && data[i] == '.') {
                out.write(data, start, i - start);
                out.write('.');
                start = i;
            }
            lineStart = data[i] == '\n';
        }
        out.write(data, start, len - start);
        if (len > 0 && (len < 2 || data[len - 2] != '\r' || data[len - 1] != '\n')) out.write(CRLF);
        out.write(END);
        flushIfIdle();
    }

    // ---- replies ----

    /** A positive reply: the client is back on track, the bad-command count starts over. */
    private void ok(String... lines) throws IOException {
        ok(true, lines);
    }

    private void ok(boolean flush, String... lines) throws IOException {
        badCommands = 0;
        write(lines);
        if (flush) flushIfIdle();
    }

    /** A negative reply to a client mistake; one too many in a row and the session ends. */
    private void error(String line) throws IOException {
        write(line);
        if (++badCommands > options.maxBadCommands() && !closing) {
            write("-ERR too many errors");
            closing = true;
        }
        flushIfIdle();
    }

    /** A negative reply that is not the client's fault (store away, message gone). */
    private void fail(String line) throws IOException {
        write(line);
        flushIfIdle();
    }

    private void send(boolean flush, String line) throws IOException {
        write(line);
        if (flush) out.flush();
    }

    private void write(String... lines) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String l : lines) sb.append(l).append("\r\n");
        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** With PIPELINING, replies may wait while more commands are buffered (RFC 2449 section 6.6). */
    private void flushIfIdle() throws IOException {
        if (closing || !in.hasBufferedInput()) out.flush();
    }
}
