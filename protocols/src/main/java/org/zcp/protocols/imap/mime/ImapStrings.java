package org.zcp.protocols.imap.mime;

import java.nio.charset.StandardCharsets;

/**
 * Renders the string forms of IMAP4rev1 (RFC 3501 §4.3, §4.5): NIL, quoted strings and literals.
 *
 * <p>All strings here are <em>octet strings</em>: each {@code char} stands for one byte
 * (ISO-8859-1), because header values are taken from the stored message bytes without any
 * charset decoding and must reach the client unchanged. A quoted string may hold only 7-bit
 * characters other than CR, LF and NUL, with {@code \} and {@code "} escaped; anything else is
 * sent as a literal {@code {n}\r\n...} whose length counts octets. Use {@link #bytes(String)}
 * to put a rendered response on the wire.
 */
public final class ImapStrings {
    /** The IMAP nil atom. */
    public static final String NIL = "NIL";

    private ImapStrings() {
    }

    /** NIL for null, otherwise {@link #string(String)}. */
    public static String nstring(String value) {
        return value == null ? NIL : string(value);
    }

    /** A quoted string when the value allows it, otherwise a literal. */
    public static String string(String value) {
        return needsLiteral(value) ? literal(value) : quoted(value);
    }

    /** Appends {@link #nstring(String)} to {@code out}. */
    public static void appendNString(StringBuilder out, String value) {
        out.append(nstring(value));
    }

    /**
     * True when the value cannot be a quoted string: it holds CR, LF, NUL or an octet above 0x7F
     * (RFC 3501 §9: QUOTED-CHAR is 7-bit TEXT-CHAR only).
     */
    public static boolean needsLiteral(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == 0 || c > 0x7f) {
                return true;
            }
        }
        return false;
    }

    /** The value in double quotes with {@code \} and {@code "} escaped; caller checked it fits. */
    public static String quoted(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append('"').toString();
    }

    /** A synchronizing literal: {@code {octets}CRLF} followed by the value itself. */
    public static String literal(String value) {
        return "{" + bytes(value).length + "}\r\n" + value;
    }

    /** The octets of an octet string (see the class comment); chars above 0xFF become UTF-8. */
    public static byte[] bytes(String octets) {
        for (int i = 0; i < octets.length(); i++) {
            if (octets.charAt(i) > 0xff) {
                return octets.getBytes(StandardCharsets.UTF_8);
            }
        }
        return octets.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The octet string (see the class comment) of some bytes. */
    static String octets(byte[] data, int from, int to) {
        return new String(data, from, to - from, StandardCharsets.ISO_8859_1);
    }
}
