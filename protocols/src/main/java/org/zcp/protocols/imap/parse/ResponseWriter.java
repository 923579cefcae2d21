package org.zcp.protocols.imap.parse;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes server responses (RFC 3501 section 7). Output is buffered and flushed only where the
 * client waits for it: after a tagged response (the command is done), after a continuation
 * request (the client waits before sending a literal) and on {@link #flush()}. So the untagged
 * responses of a command go out in as few packets as possible.
 *
 * <p>Strings are rendered as the grammar allows: {@link #string} as a quoted string when it is
 * 7-bit without CR, LF or NUL and not very long, otherwise as a literal of its UTF-8 octets, which
 * any client can read; with {@link #utf8Accept} (RFC 6855) 8-bit text may be quoted too.
 */
public final class ResponseWriter {
    /** Longer strings go as literals, so a line never becomes huge because of quoting. */
    static final int MAX_QUOTED = 1024;

    public enum Status {
        OK, NO, BAD, PREAUTH, BYE
    }

    private final OutputStream out;
    private boolean utf8;

    public ResponseWriter(OutputStream out) {
        this.out = new BufferedOutputStream(out, 16 * 1024);
    }

    /** After ENABLE UTF8=ACCEPT: quoted strings may hold UTF-8. */
    public void utf8Accept(boolean enabled) {
        this.utf8 = enabled;
    }

    /** {@code * text} with CRLF. */
    public ResponseWriter untagged(String text) throws IOException {
        return raw("* ").raw(text).crlf();
    }

    /** {@code tag status [code] text}, then flushes: the command is complete. */
    public ResponseWriter tagged(String tag, Status status, String code, String text) throws IOException {
        raw(tag).raw(" ").raw(status.name()).raw(" ");
        if (code != null) raw("[").raw(code).raw("] ");
        raw(text).crlf();
        flush();
        return this;
    }

    /** {@code + text}, then flushes: the client is waiting for it. */
    public ResponseWriter continuation(String text) throws IOException {
        raw("+ ").raw(text).crlf();
        flush();
        return this;
    }

    /** Text written as is: atoms, numbers, parentheses, the start of a response. */
    public ResponseWriter raw(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public ResponseWriter crlf() throws IOException {
        out.write('\r');
        out.write('\n');
        return this;
    }

    /** A string, quoted or as literal. */
    public ResponseWriter string(String s) throws IOException {
        if (quotable(s, utf8)) return raw(quote(s));
        return literal(s.getBytes(StandardCharsets.UTF_8));
    }

    /** An nstring: {@code NIL} for null. */
    public ResponseWriter nstring(String s) throws IOException {
        return s == null ? raw("NIL") : string(s);
    }

    /** A mailbox name: INBOX as such, others in modified UTF-7 unless UTF8=ACCEPT. */
    public ResponseWriter mailbox(String name) throws IOException {
        return string(utf8 || name.equals("INBOX") ? name : MailboxNames.encode(name));
    }

    /** {@code {n}} CRLF and the octets. */
    public ResponseWriter literal(byte[] data) throws IOException {
        raw("{" + data.length + "}").crlf();
        out.write(data);
        return this;
    }

    public void flush() throws IOException {
        out.flush();
    }

    /**
     * The rendering {@link #string} would use, as text, when it can be a quoted string; null when
     * it must be a literal. For building response lines elsewhere.
     */
    public static String quotedOrNull(String s) {
        return quotable(s, false) ? quote(s) : null;
    }

    static boolean quotable(String s, boolean utf8) {
        if (s.length() > MAX_QUOTED) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0 || c == '\r' || c == '\n') return false;
            if (c > 0x7e && !utf8) return false;
        }
        return true;
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') b.append('\\');
            b.append(c);
        }
        return b.append('"').toString();
    }
}
