package org.zcp.protocols.imap.mime;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text SEARCH compares with (RFC 3501 section 6.4.4: "the server ... decodes as necessary"):
 * header values with RFC 2047 encoded words decoded, and the text parts of a body with their
 * transfer encoding (base64, quoted-printable) undone and their charset applied. Whatever cannot
 * be decoded is kept as it stands, read as Latin-1, so a search never fails on broken mail.
 */
public final class SearchText {
    private static final Pattern WORD = Pattern.compile("=\\?([^?\\s]+)\\?([bBqQ])\\?([^?\\s]*)\\?=");
    private static final Pattern BETWEEN_WORDS = Pattern.compile("(=\\?[^?\\s]+\\?[bBqQ]\\?[^?\\s]*\\?=)\\s+(?==\\?)");

    private SearchText() {
    }

    /** A header value unfolded, its encoded words decoded (whitespace between two of them dropped). */
    public static String header(String raw) {
        if (raw == null) return "";
        String v = raw.replaceAll("\r?\n[ \t]", " ");
        if (!v.contains("=?")) return v;
        v = BETWEEN_WORDS.matcher(v).replaceAll("$1");
        Matcher m = WORD.matcher(v);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(word(m.group(1), m.group(2), m.group(3), m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * An address header as SEARCH FROM/TO/CC/BCC compare with it besides its text (as Dovecot,
     * which searches the addresses written anew): each address as {@code Display Name
     * <mailbox@host>} or {@code mailbox@host}, a group as its name and a colon, separated by
     * {@code ", "}; comments are gone (one standing for a missing display name is the name),
     * quoting undone, encoded words decoded.
     */
    public static String addresses(String raw) {
        if (raw == null) return "";
        StringBuilder out = new StringBuilder();
        for (Address a : AddressParser.parse(raw)) {
            if (a.host() == null) { // group start (its name as mailbox) or end
                if (a.mailbox() != null) out.append(header(a.mailbox())).append(": ");
                continue;
            }
            String addr = a.mailbox() + (a.host().isEmpty() ? "" : "@" + a.host());
            if (a.name() != null) out.append(header(a.name())).append(" <").append(addr).append('>');
            else out.append(addr);
            out.append(", ");
        }
        return out.toString();
    }

    private static String word(String charsetName, String encoding, String text, String asIs) {
        Charset cs = charset(charsetName.replaceFirst("\\*.*$", ""), null); // RFC 2231 language suffix
        if (cs == null) return asIs;
        try {
            byte[] bytes = encoding.equalsIgnoreCase("B") ? base64(text)
                    : quotedPrintable(text.replace('_', ' ').getBytes(StandardCharsets.ISO_8859_1));
            return new String(bytes, cs);
        } catch (IllegalArgumentException e) {
            return asIs;
        }
    }

    /** Strict base64 of an encoded word, padding optional. */
    private static byte[] base64(String text) {
        String t = text.replace("=", "");
        if (!t.matches("[A-Za-z0-9+/]*")) throw new IllegalArgumentException("not base64");
        return Base64.getDecoder().decode(t + "==".substring(0, (4 - t.length() % 4) % 4));
    }

    /**
     * The decoded text of a body part: every text part below it (and the headers and text of
     * attached messages), one after the other.
     */
    public static String body(MimePart part) {
        StringBuilder out = new StringBuilder();
        collect(part, out);
        return out.toString();
    }

    private static void collect(MimePart part, StringBuilder out) {
        if (part.isMultipart()) {
            for (MimePart child : part.children()) collect(child, out);
            return;
        }
        if (part.message() != null) {
            for (HeaderField f : part.message().fields()) out.append(f.name()).append(": ").append(header(f.value())).append('\n');
            collect(part.message(), out);
            return;
        }
        ContentType type = part.contentType();
        if (!type.isText()) return;
        byte[] data = part.bodyBytes();
        String cte = part.contentTransferEncoding() == null ? "" : part.contentTransferEncoding().toLowerCase(Locale.ROOT);
        try {
            if (cte.equals("base64")) data = Base64.getMimeDecoder().decode(data);
            else if (cte.equals("quoted-printable")) data = quotedPrintable(data);
        } catch (IllegalArgumentException e) {
            // broken encoding: searched as it stands
        }
        out.append(new String(data, charset(type.parameter("charset"), StandardCharsets.ISO_8859_1))).append('\n');
    }

    private static Charset charset(String name, Charset fallback) {
        if (name == null || name.isBlank()) return fallback;
        try {
            return Charset.forName(name.trim());
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    /** Quoted-printable (RFC 2045 section 6.7), lenient: a malformed escape stays as it is. */
    static byte[] quotedPrintable(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        for (int i = 0; i < in.length; i++) {
            byte b = in[i];
            if (b != '=') {
                out.write(b);
                continue;
            }
            if (i + 1 < in.length && in[i + 1] == '\n') {
                i += 1; // soft line break
            } else if (i + 2 < in.length && in[i + 1] == '\r' && in[i + 2] == '\n') {
                i += 2;
            } else if (i + 2 < in.length && hex(in[i + 1]) >= 0 && hex(in[i + 2]) >= 0) {
                out.write(hex(in[i + 1]) * 16 + hex(in[i + 2]));
                i += 2;
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    private static int hex(byte b) {
        return Character.digit((char) b, 16);
    }
}
