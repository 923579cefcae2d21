package org.zcp.protocols.log;

/**
 * Client-supplied text (user names, addresses, mechanism names, command arguments) made safe for
 * one log line (security review #23). A user name sent as an IMAP literal or inside a SASL PLAIN
 * message may hold CR/LF: logged verbatim, it would start a forged line of its own in
 * gateway.log. Every control character (C0, DEL, C1) and the Unicode line and paragraph
 * separators are written as escapes instead, and the backslash as {@code \\} so an escape in the
 * log cannot be mistaken for one the client typed. Long text is cut, since a log line needs no
 * more than a name can reasonably be.
 */
public final class LogText {
    /** More characters than any user name or address; the rest is replaced by an ellipsis. */
    static final int MAX = 256;

    private LogText() {
    }

    /** {@code text} as one safe log token; {@code null} stays the word {@code null}. */
    public static String safe(String text) {
        if (text == null) return "null";
        int n = Math.min(text.length(), MAX);
        StringBuilder b = new StringBuilder(n + 8);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\r' -> b.append("\\r");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20 || c >= 0x7f && c <= 0x9f || c == '\u2028' || c == '\u2029') {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        if (text.length() > MAX) b.append("...");
        return b.toString();
    }
}
