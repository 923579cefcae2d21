package org.zcp.protocols.lmtp;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads CRLF (or bare LF) terminated lines as bytes, so 8-bit message data passes unchanged.
 * Command lines longer than the limit are consumed and reported; data lines may be longer (RFC
 * 5321 allows 1000, real mail breaks that) up to a hard limit that protects memory.
 */
final class LineReader {
    static final int MAX_DATA_LINE = 1 << 20;

    static final class LineTooLongException extends IOException {
        private static final long serialVersionUID = 1L;

        LineTooLongException() {
            super("line too long");
        }
    }

    private final BufferedInputStream in;
    private final int maxCommand;

    LineReader(InputStream in, int maxCommand) {
        this.in = in instanceof BufferedInputStream b ? b : new BufferedInputStream(in, 65536);
        this.maxCommand = maxCommand;
    }

    byte[] readLine() throws IOException {
        return read(maxCommand);
    }

    byte[] readDataLine() throws IOException {
        return read(MAX_DATA_LINE);
    }

    boolean hasBufferedInput() throws IOException {
        return in.available() > 0;
    }

    private byte[] read(int limit) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        boolean overflow = false;
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                if (overflow) throw new LineTooLongException();
                byte[] b = line.toByteArray();
                int n = b.length;
                if (n > 0 && b[n - 1] == '\r') return java.util.Arrays.copyOf(b, n - 1);
                return b;
            }
            if (line.size() < limit) line.write(c);
            else overflow = true;
        }
        return line.size() == 0 && !overflow ? null : line.toByteArray();
    }
}
