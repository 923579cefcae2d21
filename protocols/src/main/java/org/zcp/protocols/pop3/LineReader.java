package org.zcp.protocols.pop3;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads CRLF (or bare LF) terminated lines as bytes, each up to a limit given per read (a command
 * line and a SASL response have different limits). An over-long line is consumed to its end and
 * reported, so the session can answer it and read the next command in step with the client.
 */
final class LineReader {
    static final class LineTooLongException extends IOException {
        private static final long serialVersionUID = 1L;

        LineTooLongException() {
            super("line too long");
        }
    }

    private final BufferedInputStream in;

    LineReader(InputStream in) {
        this.in = in instanceof BufferedInputStream b ? b : new BufferedInputStream(in, 8192);
    }

    /** The next line without its line end, or null at the end of input. */
    byte[] readLine(int limit) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        boolean overflow = false;
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                return checked(line, overflow, limit);
            }
            // one octet over the limit is kept: it may be the CR of a line that just fits
            if (line.size() <= limit) line.write(c);
            else overflow = true;
        }
        if (line.size() == 0 && !overflow) return null;
        // an unterminated last line is still a command, but never a truncated one
        return checked(line, overflow, limit);
    }

    /** Whether more input is already here, so a reply may wait in the buffer (pipelining). */
    boolean hasBufferedInput() throws IOException {
        return in.available() > 0;
    }

    private static byte[] checked(ByteArrayOutputStream line, boolean overflow, int limit)
            throws LineTooLongException {
        byte[] b = line.toByteArray();
        int n = b.length;
        if (n > 0 && b[n - 1] == '\r') b = Arrays.copyOf(b, --n);
        if (overflow || n > limit) throw new LineTooLongException();
        return b;
    }
}
