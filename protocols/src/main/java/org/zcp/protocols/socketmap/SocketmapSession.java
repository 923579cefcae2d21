package org.zcp.protocols.socketmap;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The server side of Postfix's socketmap protocol (socketmap_table(5)): each request is a
 * netstring "name key", each reply a netstring "OK value", "NOTFOUND ", "TEMP reason" or
 * "PERM reason". Postfix keeps the connection open for many lookups.
 */
public final class SocketmapSession {
    private static final Logger LOG = Logger.getLogger(SocketmapSession.class.getName());
    /** Postfix's own limit for a socketmap request or reply. */
    static final int MAX_NETSTRING = 100_000;

    private final LookupBackend backend;
    private final InputStream in;
    private final OutputStream out;

    public SocketmapSession(LookupBackend backend, InputStream in, OutputStream out) {
        this.backend = backend;
        this.in = in instanceof BufferedInputStream b ? b : new BufferedInputStream(in);
        this.out = out;
    }

    /** Answers requests until the client closes the connection or sends garbage. */
    public void run() throws IOException {
        while (true) {
            String request;
            try {
                request = readNetstring();
            } catch (ProtocolException e) {
                write("PERM " + e.getMessage());
                return;
            }
            if (request == null) return;
            int sp = request.indexOf(' ');
            if (sp <= 0) {
                write("PERM request must be 'name key'");
                continue;
            }
            String reply;
            try {
                reply = backend.lookup(request.substring(0, sp), request.substring(sp + 1));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "lookup failed", e);
                reply = "TEMP lookup failed";
            }
            write(reply == null ? "NOTFOUND " : reply);
        }
    }

    static final class ProtocolException extends IOException {
        private static final long serialVersionUID = 1L;

        ProtocolException(String message) {
            super(message);
        }
    }

    /** A netstring "len:bytes,"; null at a clean end of input. */
    String readNetstring() throws IOException {
        int len = 0;
        int digits = 0;
        int c;
        while ((c = in.read()) != ':') {
            if (c == -1) {
                if (digits == 0) return null;
                throw new ProtocolException("connection closed inside a netstring");
            }
            if (c < '0' || c > '9' || ++digits > 6) throw new ProtocolException("bad netstring length");
            len = len * 10 + (c - '0');
        }
        if (digits == 0 || len > MAX_NETSTRING) throw new ProtocolException("bad netstring length");
        byte[] data = in.readNBytes(len);
        if (data.length < len || in.read() != ',') throw new ProtocolException("netstring not terminated");
        return new String(data, StandardCharsets.UTF_8);
    }

    private void write(String reply) throws IOException {
        byte[] b = reply.getBytes(StandardCharsets.UTF_8);
        out.write((b.length + ":").getBytes(StandardCharsets.US_ASCII));
        out.write(b);
        out.write(',');
        out.flush();
    }
}
