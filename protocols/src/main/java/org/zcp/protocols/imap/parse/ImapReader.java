package org.zcp.protocols.imap.parse;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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
 * <p>Limits: a line longer than {@link Limits#maxLineLength()} or a literal larger than
 * {@link Limits#maxLiteralSize()} is refused before it is kept in memory. An oversized {@code {n}}
 * gets a tagged {@code NO [TOOBIG]} instead of the continuation, so the client never sends it. A
 * {@code {n+}} is already on its way when its size is seen; RFC 7888 section 4 then requires a
 * tagged {@code BAD [TOOBIG]} and lets the server either read and ignore the data or close the
 * connection. The reader discards up to {@link Limits#maxDiscard()} octets, so a client that is
 * slightly over the limit can go on, and asks for the connection to be closed beyond that, so a
 * client cannot make the server read gigabytes in vain.
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
    private static final int RING = 40;
    private static final int TAIL = 32;
    private static final Pattern NON_SYNC_MARKER = Pattern.compile("\\{(\\d{1,10})\\+\\}$");

    /**
     * Resource limits.
     *
     * @param maxLineLength octets in one line of a command, CRLF and literal octets not counted
     * @param maxLiteralSize octets in one literal; literals are kept in memory
     * @param maxDiscard how many octets of a refused non-synchronizing literal are read and thrown
     *     away to stay in step with the client; above it the connection is closed
     */
    public record Limits(int maxLineLength, int maxLiteralSize, long maxDiscard) {
        public Limits {
            if (maxLineLength < 64) throw new IllegalArgumentException("maxLineLength < 64");
            if (maxLiteralSize < 0 || maxLiteralSize > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("maxLiteralSize out of range");
            }
            if (maxDiscard < 0) throw new IllegalArgumentException("maxDiscard < 0");
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
    private final byte[] buf = new byte[8192];
    private int pos;
    private int lim;

    public ImapReader(InputStream in, Limits limits, Continuation continuation) {
        this.in = in;
        this.limits = limits;
        this.continuation = continuation;
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
        try {
            if (tag.length() >= line.bytes.length) throw new ParseException("Missing command name");
            Tokenizer.LiteralSpec literal = tokens.feed(line.bytes, tag.length() + 1);
            String name = commandName(tokens.topLevel());
            while (literal != null) {
                checkSize(tag, literal);
                if (literal.sync()) continuation.sendContinuation();
                tokens.literal(Token.Literal.wrap(readFully((int) literal.size()), literal.binary()));
                line = readRawLine();
                if (line == null) throw new EOFException("Connection closed in the middle of a command");
                if (line.overflow) throw new ParseException("Command line too long");
                literal = tokens.feed(line.bytes, 0);
            }
            List<Token> all = tokens.finish();
            List<Token> args = all.subList(1, all.size());
            if (name.equals("UID") && !args.isEmpty() && args.get(0) instanceof Token.Atom sub) {
                name = "UID " + sub.text().toUpperCase(Locale.ROOT);
                args = args.subList(1, args.size());
            }
            return new RawCommand(tag, name, args);
        } catch (ParseException e) {
            throw rejected(tag, e.getMessage(), line);
        }
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

    private void checkSize(String tag, Tokenizer.LiteralSpec literal) throws IOException, RejectedCommandException {
        if (literal.size() <= limits.maxLiteralSize()) return;
        if (literal.sync()) {
            throw new RejectedCommandException(tag, Status.NO, "TOOBIG", "Literal too large", false);
        }
        boolean inStep = literal.size() <= limits.maxDiscard();
        if (inStep) {
            skip(literal.size());
            Line next = readRawLine();
            if (next == null) throw new EOFException("Connection closed in the middle of a command");
            inStep = skipCommand(next);
        }
        throw new RejectedCommandException(tag, Status.BAD, "TOOBIG", "Literal too large", !inStep);
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

    private byte[] readFully(int size) throws IOException {
        byte[] data = new byte[size];
        int have = Math.min(size, lim - pos);
        System.arraycopy(buf, pos, data, 0, have);
        pos += have;
        while (have < size) {
            int r = in.read(data, have, size - have);
            if (r < 0) throw new EOFException("Connection closed in the middle of a literal");
            have += r;
        }
        return data;
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
