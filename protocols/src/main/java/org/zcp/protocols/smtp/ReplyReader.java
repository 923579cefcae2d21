package org.zcp.protocols.smtp;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads server replies (RFC 5321 section 4.2): lines of a three-digit code, then {@code '-'} on
 * every line but the last and {@code ' '} or nothing on the last. Anything else, an overlong line
 * or a reply of endless lines is a protocol violation reported at once, so a client talking to
 * something that is not an SMTP server fails instead of waiting for its timeout.
 */
final class ReplyReader {
    /** RFC 5321 allows 512 octets per reply line; real servers stay far below this. */
    static final int MAX_LINE = 4096;
    static final int MAX_LINES = 1000;

    private final InputStream in;

    ReplyReader(InputStream in) {
        this.in = in;
    }

    SmtpReply read() throws IOException {
        List<String> texts = new ArrayList<>();
        int code = -1;
        while (true) {
            String line = readLine();
            if (line == null) {
                throw new EOFException(texts.isEmpty() ? "connection closed by the SMTP server"
                        : "connection closed by the SMTP server in the middle of a reply");
            }
            int lineCode = code(line);
            if (code >= 0 && lineCode != code) {
                throw new SmtpException("reply code changes within a multi-line reply: " + quote(line));
            }
            code = lineCode;
            texts.add(line.length() > 4 ? line.substring(4) : "");
            if (line.length() == 3 || line.charAt(3) == ' ') return SmtpReply.of(code, texts);
            if (texts.size() >= MAX_LINES) throw new SmtpException("multi-line reply longer than " + MAX_LINES + " lines");
        }
    }

    private static int code(String line) throws SmtpException {
        boolean valid = line.length() >= 3 && line.charAt(0) >= '2' && line.charAt(0) <= '5' && digit(line.charAt(1))
                && digit(line.charAt(2)) && (line.length() == 3 || line.charAt(3) == ' ' || line.charAt(3) == '-');
        if (!valid) throw new SmtpException("malformed SMTP reply line: " + quote(line));
        return Integer.parseInt(line.substring(0, 3));
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    /** A line without its CRLF (or bare LF), or null at end of stream. */
    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                byte[] b = line.toByteArray();
                int n = b.length > 0 && b[b.length - 1] == '\r' ? b.length - 1 : b.length;
                return new String(b, 0, n, StandardCharsets.UTF_8);
            }
            if (line.size() >= MAX_LINE) throw new SmtpException("SMTP reply line longer than " + MAX_LINE + " bytes");
            line.write(c);
        }
        return null;
    }

    /** The line for an error message: shortened, control characters escaped. */
    static String quote(String line) {
        String s = line.length() > 100 ? line.substring(0, 100) + "..." : line;
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c < 0x20 || c == 0x7f) sb.append(String.format("\\x%02x", (int) c));
            else sb.append(c);
        }
        return sb.append('"').toString();
    }
}
