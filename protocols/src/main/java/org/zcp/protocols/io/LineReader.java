package org.zcp.protocols.io;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads CRLF (or bare LF) terminated lines as bytes, so 8-bit message data passes unchanged, for
 * the line protocols (LMTP, POP3). A line may hold up to a limit of octets, its line end not
 * counted: the reader's own limit, or one given per read (a command line, a SASL response and a
 * DATA line have different limits). An over-long line is consumed to its end without being kept
 * and reported as {@link LineTooLongException}, so the session can answer it and read the next
 * line in step with the client. At the end of input an unterminated last line is returned like a
 * terminated one (its trailing CR dropped), but never a truncated one.
 */
public final class LineReader {
    /** A line was longer than the limit; it has been read to its end and dropped. */
    public static final class LineTooLongException extends IOException {
        private static final long serialVersionUID = 1L;

        public LineTooLongException() {
            super("line too long");
        }
    }

    private final BufferedInputStream in;
    private final int limit;

    /**
     * @param limit octets in a line, its CRLF not counted, for {@link #readLine()}
     * @param bufferSize the read buffer (pipelined commands and DATA come in large reads)
     */
    public LineReader(InputStream in, int limit, int bufferSize) {
        if (limit < 0) throw new IllegalArgumentException("limit < 0");
        this.in = in instanceof BufferedInputStream b ? b : new BufferedInputStream(in, bufferSize);
        this.limit = limit;
    }

    /** The next line of at most this reader's limit, without its line end; null at the end of input. */
    public byte[] readLine() throws IOException {
        return readLine(limit);
    }

    /** The next line of at most {@code limit} octets without its line end; null at the end of input. */
    public byte[] readLine(int limit) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        boolean overflow = false;
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') return checked(line, overflow, limit);
            // one octet over the limit is kept: it may be the CR of a line that just fits
            if (line.size() <= limit) line.write(c);
            else overflow = true;
        }
        if (line.size() == 0 && !overflow) return null;
        return checked(line, overflow, limit);
    }

    /** Whether more input is already here, so a reply may wait in the buffer (pipelining). */
    public boolean hasBufferedInput() throws IOException {
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
