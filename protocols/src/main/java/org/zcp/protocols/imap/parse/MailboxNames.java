package org.zcp.protocols.imap.parse;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The modified UTF-7 of RFC 3501 section 5.1.3, in which IMAP4rev1 carries mailbox names:
 * printable US-ASCII stands for itself, {@code &} is written {@code &-}, and every other run of
 * characters is UTF-16 in a base64 variant ({@code ,} instead of {@code /}, no padding) between
 * {@code &} and {@code -}. Decoding is strict, because two spellings of one name would let a client
 * create mailboxes that look alike but are distinct in the store.
 */
public final class MailboxNames {
    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,".toCharArray();

    private MailboxNames() {
    }

    /**
     * The name with INBOX spelled {@code INBOX}: the name INBOX is case-insensitive (RFC 3501
     * section 5.1), and so is its use as the first level of a hierarchy ({@code inbox/Work}).
     */
    public static String canonicalInbox(String name) {
        if (name.length() >= 5 && name.regionMatches(true, 0, "INBOX", 0, 5)
                && (name.length() == 5 || name.charAt(5) == '/')) {
            return "INBOX" + name.substring(5);
        }
        return name;
    }

    /** The name as sent on the wire. */
    public static String encode(String name) {
        StringBuilder out = new StringBuilder(name.length() + 8);
        int i = 0;
        while (i < name.length()) {
            char c = name.charAt(i);
            if (c == '&') {
                out.append("&-");
                i++;
            } else if (c >= 0x20 && c <= 0x7e) {
                out.append(c);
                i++;
            } else {
                int end = i;
                while (end < name.length() && (name.charAt(end) < 0x20 || name.charAt(end) > 0x7e)) end++;
                out.append('&');
                base64(name.substring(i, end).getBytes(StandardCharsets.UTF_16BE), out);
                out.append('-');
                i = end;
            }
        }
        return out.toString();
    }

    /**
     * The name a client sent, decoded.
     *
     * @throws IllegalArgumentException when it is not valid modified UTF-7
     */
    public static String decode(String wire) {
        StringBuilder out = new StringBuilder(wire.length());
        int i = 0;
        while (i < wire.length()) {
            char c = wire.charAt(i);
            if (c < 0x20 || c > 0x7e) throw new IllegalArgumentException("character not allowed in mailbox name");
            if (c != '&') {
                out.append(c);
                i++;
                continue;
            }
            int end = wire.indexOf('-', i + 1);
            if (end < 0) throw new IllegalArgumentException("unterminated & sequence");
            if (end == i + 1) {
                out.append('&');
            } else {
                out.append(unbase64(wire.substring(i + 1, end)));
            }
            i = end + 1;
        }
        return out.toString();
    }

    private static void base64(byte[] data, StringBuilder out) {
        int bits = 0;
        int acc = 0;
        for (byte b : data) {
            acc = (acc << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 6) {
                bits -= 6;
                out.append(ALPHABET[(acc >> bits) & 0x3f]);
            }
        }
        if (bits > 0) out.append(ALPHABET[(acc << (6 - bits)) & 0x3f]);
    }

    private static String unbase64(String s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int bits = 0;
        int acc = 0;
        for (int i = 0; i < s.length(); i++) {
            int v = value(s.charAt(i));
            acc = (acc << 6) | v;
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                bytes.write((acc >> bits) & 0xff);
            }
        }
        if (bits >= 6 || (acc & ((1 << bits) - 1)) != 0) throw new IllegalArgumentException("bad base64 padding");
        byte[] utf16 = bytes.toByteArray();
        if (utf16.length % 2 != 0) throw new IllegalArgumentException("odd UTF-16 length");
        String text;
        try {
            text = StandardCharsets.UTF_16BE.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf16)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("invalid UTF-16");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c <= 0x7e) throw new IllegalArgumentException("printable ASCII must not be encoded");
        }
        return text;
    }

    private static int value(char c) {
        if (c >= 'A' && c <= 'Z') return c - 'A';
        if (c >= 'a' && c <= 'z') return c - 'a' + 26;
        if (c >= '0' && c <= '9') return c - '0' + 52;
        if (c == '+') return 62;
        if (c == ',') return 63;
        throw new IllegalArgumentException("invalid base64 character");
    }
}
