package org.zcp.protocols.imap.parse;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.zcp.protocols.imap.parse.RejectedCommandException.Status;

/**
 * Reads IMAP commands (RFC 3501 section 9) from a client, one complete command per {@link #read}:
 * tag, name and arguments, with every literal's octets already read.
 *
 * <p>Literals: for a synchronizing literal {@code {n}} the client waits for a continuation request
 * before it sends the octets, so the reader calls {@link Continuation#sendContinuation()} at
 * exactly that moment and the session writes and flushes {@code + Ready for literal data}. A
 * non-synchronizing literal {@code {n+}} (LITERAL+, RFC 7888) follows at once. A literal8
 * {@code ~{n}} (RFC 3516, APPEND only) is read like a literal and marked binary.
 *
 * <p>Limits (security review #1): no literal is allocated before its octets arrive; an in-memory
 * literal grows with the data, so announcing {@code {134217000+}} costs nothing until the octets
 * are really sent. Before login ({@link #authenticated}) a literal may hold at most
 * {@link Limits#maxPreAuthLiteral()} octets (8 KiB, as Dovecot), enough for any user name and
 * password. After login only APPEND's message may be larger than {@link Limits#maxInMemoryLiteral()};
 * up to {@link Limits#maxLiteralSize()} (imap_max_messagesize) it is spooled to a private
 * temporary file while it arrives ({@link Token.Literal#spooled()}). All other octets a command
 * keeps in memory, lines and literals, count against a per-command budget. A line longer than
 * {@link Limits#maxLineLength()} or a literal over its limit is refused before it is kept in
 * memory. An oversized {@code {n}} gets a tagged {@code NO [TOOBIG]} instead of the continuation,
 * so the client never sends it. A {@code {n+}} is already on its way when its size is seen; RFC
 * 7888 section 4 then requires a tagged {@code BAD [TOOBIG]} and lets the server either read and
 * ignore the data or close the connection. The reader discards up to {@link Limits#maxDiscard()}
 * octets (through its fixed buffer), so a client that is slightly over the limit can go on, and
 * asks for the connection to be closed beyond that, so a client cannot make the server read
 * gigabytes in vain.
 *
 * <p>Errors: a command that breaks the grammar is skipped to its end (including the octets of
 * non-synchronizing literals announced by its broken lines) and reported as a
 * {@link RejectedCommandException} carrying the tag when one was read, so the session can answer
 * {@code <tag> BAD ...} and go on with the next, possibly pipelined, command.
 *
 * <p>Line ends: CRLF, and a bare LF is accepted because some clients and every manual telnet
 * session send one; a CR anywhere else is a syntax error. Empty lines between commands are
 * ignored.
 *
 * <p>The reader buffers its input, so after it has been created the session must read the client
 * only through it ({@link #readLine()} for IDLE's {@code DONE} and AUTHENTICATE responses).
 */
public final class ImapReader {
    private static final Logger LOG = Logger.getLogger(ImapReader.class.getName());
    private static final int RING = 40;
    private static final int BUFFER = 8192;
    private static final int TAIL = 32;
    private static final Pattern NON_SYNC_MARKER = Pattern.compile("\\{(\\d{1,10})\\+\\}$");

    /**
     * Resource limits.
     *
     * @param maxLineLength octets in one line of a command, CRLF and literal octets not counted
     * @param maxLiteralSize octets in one literal after login (imap_max_messagesize); only APPEND's
     *     message may be larger than {@code maxInMemoryLiteral}, and is then spooled
     * @param maxDiscard how many octets of a refused non-synchronizing literal are read and thrown
     *     away to stay in step with the client; above it the connection is closed
     * @param maxPreAuthLiteral octets in one literal before login
     * @param maxInMemoryLiteral the largest literal kept in memory; the budget of one command is
     *     {@code maxLineLength} plus twice this (before login: twice {@code maxPreAuthLiteral})
     * @param spoolDir where spooled literals are written; null for {@code java.io.tmpdir}
     */
    public record Limits(int maxLineLength, int maxLiteralSize, long maxDiscard, int maxPreAuthLiteral,
            int maxInMemoryLiteral, Path spoolDir) {
        public Limits {
            if (maxLineLength < 64) throw new IllegalArgumentException("maxLineLength < 64");
            if (maxLiteralSize < 0 || maxLiteralSize > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("maxLiteralSize out of range");
            }
            if (maxDiscard < 0) throw new IllegalArgumentException("maxDiscard < 0");
            if (maxPreAuthLiteral < 0 || maxInMemoryLiteral < 0) throw new IllegalArgumentException("negative limit");
        }

        /** 8 KiB literals before login, 1 MiB in memory after it, spooled in {@code java.io.tmpdir}. */
        public Limits(int maxLineLength, int maxLiteralSize, long maxDiscard) {
            this(maxLineLength, maxLiteralSize, maxDiscard, 8 * 1024, 1024 * 1024, null);
        }

        /** 64 KiB lines (as Dovecot), 64 MiB literals, 1 MiB discarded at most. */
        public static Limits defaults() {
            return new Limits(64 * 1024, 64 * 1024 * 1024, 1024 * 1024);
        }
    }

    /** Called when a synchronizing literal may be sent; writes and flushes {@code + ...}. */
    @FunctionalInterface
    public interface Continuation {
        void sendContinuation() throws IOException;
    }

    /** A physical line without its line end; {@code tail} holds its last octets even when cut. */
    private record Line(byte[] bytes, boolean overflow, byte[] tail) {
    }

    private final InputStream in;
    private final Limits limits;
    private final Continuation continuation;
    private final LiteralSpool spool;
    private final byte[] buf = new byte[BUFFER];
    private int pos;
    private int lim;
    private boolean authenticated;
    /** Octets of the command being read that are kept in memory. */
    private long held;
    /** The largest array allocated for one in-memory literal so far. */
    private int largestLiteralBuffer;

    public ImapReader(InputStream in, Limits limits, Continuation continuation) {
        this.in = in;
        this.limits = limits;
        this.continuation = continuation;
        this.spool = new LiteralSpool(limits.spoolDir() != null ? limits.spoolDir()
                : Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** The session has logged in: larger literals are allowed from now on. */
    public void authenticated(boolean yes) {
        this.authenticated = yes;
    }

    /**
     * The size of the largest array allocated for one in-memory literal so far, to check that
     * nothing is allocated ahead of the octets (tests, fuzzing).
     */
    public int largestLiteralBuffer() {
        return largestLiteralBuffer;
    }

    /**
     * The next command, or null at end of input between commands.
     *
     * @throws RejectedCommandException the command is malformed or too large; it has been skipped
     * @throws EOFException the connection ended in the middle of a command
     */
    public RawCommand read() throws IOException, RejectedCommandException {
        Line line;
        do {
            line = readRawLine();
            if (line == null) return null;
        } while (line.bytes.length == 0 && !line.overflow);
        String tag = tagOf(line.bytes);
        if (line.overflow) throw rejected(tag, "Command line too long", line);
        if (tag == null) throw rejected(null, "Missing or invalid tag", line);
        Tokenizer tokens = new Tokenizer();
        held = line.bytes.length;
        List<Token> spooled = new ArrayList<>();
        boolean complete = false;
        try {
            if (tag.length() >= line.bytes.length) throw new ParseException("Missing command name");
            Tokenizer.LiteralSpec literal = tokens.feed(line.bytes, tag.length() + 1);
            String name = commandName(tokens.topLevel());
            while (literal != null) {
                Token.Literal octets = literal(tag, name, literal);
                if (octets.spooled()) spooled.add(octets);
                tokens.literal(octets);
                line = readRawLine();
                if (line == null) throw new EOFException("Connection closed in the middle of a command");
                if (line.overflow) throw new ParseException("Command line too long");
                held += line.bytes.length;
                if (held > budget()) throw new ParseException("Command too long");
                literal = tokens.feed(line.bytes, 0);
            }
            List<Token> all = tokens.finish();
            List<Token> args = all.subList(1, all.size());
            if (name.equals("UID") && !args.isEmpty() && args.get(0) instanceof Token.Atom sub) {
                name = "UID " + sub.text().toUpperCase(Locale.ROOT);
                args = args.subList(1, args.size());
            }
            RawCommand command = new RawCommand(tag, name, args);
            complete = true;
            return command;
        } catch (ParseException e) {
            throw rejected(tag, e.getMessage(), line);
        } finally {
            // a command that is not returned leaves no spooled literal behind
            if (!complete) RawCommand.release(spooled);
        }
    }

    /**
     * Reads the octets of {@code literal} after checking its size against what the state and the
     * command allow: in memory, or spooled when it is APPEND's large message.
     */
    private Token.Literal literal(String tag, String name, Tokenizer.LiteralSpec literal)
            throws IOException, RejectedCommandException {
        long size = literal.size();
        long max = authenticated ? limits.maxLiteralSize()
                : Math.min(limits.maxPreAuthLiteral(), limits.maxLiteralSize());
        boolean spooled = authenticated && name.equals("APPEND") && size > limits.maxInMemoryLiteral();
        if (size > max || !spooled && (size > limits.maxInMemoryLiteral() || held + size > budget())) {
            throw refused(tag, literal, "TOOBIG", "Literal too large");
        }
        if (!spooled) {
            if (literal.sync()) continuation.sendContinuation();
            held += size;
            return Token.Literal.wrap(readInMemory((int) size), literal.binary());
        }
        Path file;
        try {
            file = spool.create();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot spool a literal of " + size + " octets", e);
            throw refused(tag, literal, "UNAVAILABLE", "Cannot take the message now");
        }
        try {
            if (literal.sync()) continuation.sendContinuation();
            try (OutputStream out = Files.newOutputStream(file)) {
                copy(size, out);
            }
            return Token.Literal.spooled(file, size, literal.binary());
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /** Octets the command being read may keep in memory, lines and literals together. */
    private long budget() {
        return limits.maxLineLength() + 2L * (authenticated ? limits.maxInMemoryLiteral() : limits.maxPreAuthLiteral());
    }

    /**
     * One line that is not a command: IDLE's {@code DONE}, an AUTHENTICATE response. Null at end
     * of input.
     */
    public String readLine() throws IOException, RejectedCommandException {
        Line line = readRawLine();
        if (line == null) return null;
        if (line.overflow) throw RejectedCommandException.bad(null, "Line too long");
        return new String(line.bytes, StandardCharsets.UTF_8);
    }

    /**
     * Octets received but not yet consumed. After STARTTLS this must be zero: anything else is
     * plaintext injected before the handshake (CVE-2011-0411 class) and must not be obeyed.
     */
    public int buffered() {
        return lim - pos;
    }

    /**
     * Refuses a literal: a synchronizing one before the client sends it, a non-synchronizing one
     * by skipping its octets and the rest of the command, or by asking for the connection to be
     * closed when that is more than {@link Limits#maxDiscard()}.
     */
    private RejectedCommandException refused(String tag, Tokenizer.LiteralSpec literal, String code, String text)
            throws IOException {
        if (literal.sync()) return new RejectedCommandException(tag, Status.NO, code, text, false);
        boolean inStep = literal.size() <= limits.maxDiscard();
        if (inStep) {
            skip(literal.size());
            Line next = readRawLine();
            if (next == null) throw new EOFException("Connection closed in the middle of a command");
            inStep = skipCommand(next);
        }
        return new RejectedCommandException(tag, Status.BAD, code, text, !inStep);
    }

    private RejectedCommandException rejected(String tag, String message, Line line) throws IOException {
        boolean inStep = skipCommand(line);
        return new RejectedCommandException(tag, Status.BAD, null, message, !inStep);
    }

    /**
     * Skips what the client sends of a command that was refused after {@code line}: each
     * non-synchronizing literal announced at a line end is already on its way and is read and
     * dropped, up to the line without one. A synchronizing literal ends the command, since the
     * client waits for a continuation that will not come. False when the data to skip is more
     * than the limit allows.
     */
    private boolean skipCommand(Line line) throws IOException {
        long discarded = 0;
        while (true) {
            Matcher m = NON_SYNC_MARKER.matcher(new String(line.tail, StandardCharsets.ISO_8859_1));
            if (!m.find()) return true;
            long size = Long.parseLong(m.group(1));
            discarded += size;
            if (discarded > limits.maxDiscard()) return false;
            skip(size);
            line = readRawLine();
            if (line == null) throw new EOFException("Connection closed in the middle of a command");
        }
    }

    /** The tag at the start of the line, or null when it is missing or has characters not allowed. */
    static String tagOf(byte[] line) {
        int i = 0;
        while (i < line.length && line[i] != ' ') {
            if (!isAstringChar(line[i]) || line[i] == '+') return null;
            i++;
        }
        return i == 0 ? null : new String(line, 0, i, StandardCharsets.US_ASCII);
    }

    private static String commandName(List<Token> top) throws ParseException {
        if (top.isEmpty()) throw new ParseException("Missing command name");
        if (!(top.get(0) instanceof Token.Atom atom)) throw new ParseException("Invalid command name");
        for (char c : atom.text().toCharArray()) {
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                throw new ParseException("Invalid command name");
            }
        }
        return atom.text().toUpperCase(Locale.ROOT);
    }

    /** ATOM-CHAR of RFC 3501 section 9. */
    static boolean isAtomChar(int c) {
        return c > 0x20 && c < 0x7f && "(){%*\"\\]".indexOf(c) < 0;
    }

    /** ASTRING-CHAR: ATOM-CHAR or {@code ]}. */
    static boolean isAstringChar(int c) {
        return c == ']' || isAtomChar(c);
    }

    private Line readRawLine() throws IOException {
        int cap = limits.maxLineLength() + 1;
        byte[] head = new byte[Math.min(cap, 256)];
        int len = 0;
        long total = 0;
        byte[] ring = new byte[RING];
        while (true) {
            if (pos == lim && !fill()) {
                if (total == 0) return null;
                throw new EOFException("Connection closed in the middle of a command");
            }
            byte c = buf[pos++];
            if (c == '\n') break;
            ring[(int) (total % RING)] = c;
            total++;
            if (len < cap) {
                if (len == head.length) head = Arrays.copyOf(head, Math.min(cap, head.length * 2));
                head[len++] = c;
            }
        }
        long lineLength = total > 0 && ring[(int) ((total - 1) % RING)] == '\r' ? total - 1 : total;
        if (lineLength <= limits.maxLineLength()) {
            byte[] bytes = Arrays.copyOf(head, (int) lineLength);
            return new Line(bytes, false, bytes);
        }
        int n = TAIL;
        byte[] tail = new byte[n];
        for (int i = 0; i < n; i++) tail[i] = ring[(int) ((lineLength - n + i) % RING)];
        return new Line(Arrays.copyOf(head, limits.maxLineLength()), true, tail);
    }

    private boolean fill() throws IOException {
        int r = in.read(buf, 0, buf.length);
        if (r <= 0) return false;
        pos = 0;
        lim = r;
        return true;
    }

    /** Reads {@code size} octets into an array that grows as they arrive, never ahead of them. */
    private byte[] readInMemory(int size) throws IOException {
        byte[] data = new byte[Math.min(size, BUFFER)];
        int have = 0;
        while (have < size) {
            if (pos == lim && !fill()) throw new EOFException("Connection closed in the middle of a literal");
            int n = Math.min(size - have, lim - pos);
            if (have + n > data.length) {
                data = Arrays.copyOf(data, (int) Math.min(size, Math.max(have + n, 2L * data.length)));
            }
            System.arraycopy(buf, pos, data, have, n);
            pos += n;
            have += n;
        }
        largestLiteralBuffer = Math.max(largestLiteralBuffer, data.length);
        return data;
    }

    /** Copies {@code size} octets to {@code out} through the fixed buffer. */
    private void copy(long size, OutputStream out) throws IOException {
        long left = size;
        while (left > 0) {
            if (pos == lim && !fill()) throw new EOFException("Connection closed in the middle of a literal");
            int n = (int) Math.min(left, lim - pos);
            out.write(buf, pos, n);
            pos += n;
            left -= n;
        }
    }

    private void skip(long size) throws IOException {
        long left = size;
        while (left > 0) {
            if (pos == lim && !fill()) throw new EOFException("Connection closed in the middle of a literal");
            int n = (int) Math.min(left, lim - pos);
            pos += n;
            left -= n;
        }
    }
}
