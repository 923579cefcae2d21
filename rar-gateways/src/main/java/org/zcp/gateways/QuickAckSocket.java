package org.zcp.gateways;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketOption;

/**
 * An accepted connection that asks the kernel, before every read, to acknowledge what arrives at
 * once (Linux TCP_QUICKACK) instead of delaying the ACK. A client that writes one message in two
 * pieces with nothing to answer in between (Python's imaplib sends an APPEND literal, then its
 * CRLF) otherwise waits with the second piece for the delayed ACK of the first, 40 ms per
 * command with Nagle's algorithm on its side. TLS layered on this socket reads through the same
 * stream. Where the option does not exist, reads are plain reads.
 */
final class QuickAckSocket extends Socket {
    private static final SocketOption<Boolean> QUICKACK = find();
    private volatile boolean quickAck = QUICKACK != null;

    /** A listening socket whose accepted connections are {@link QuickAckSocket}s. */
    static ServerSocket server() throws IOException {
        return new ServerSocket() {
            @Override
            public Socket accept() throws IOException {
                Socket s = new QuickAckSocket();
                implAccept(s);
                return s;
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static SocketOption<Boolean> find() {
        try (Socket probe = new Socket()) {
            for (SocketOption<?> o : probe.supportedOptions()) {
                if (o.name().equals("TCP_QUICKACK") && o.type() == Boolean.class) return (SocketOption<Boolean>) o;
            }
        } catch (IOException ignored) {
            // no such option here
        }
        return null;
    }

    private void quickAck() {
        if (!quickAck) return;
        try {
            setOption(QUICKACK, true);
        } catch (IOException | UnsupportedOperationException e) {
            quickAck = false;
        }
    }

    @Override
    public InputStream getInputStream() throws IOException {
        return new FilterInputStream(super.getInputStream()) {
            @Override
            public int read() throws IOException {
                quickAck();
                return super.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                quickAck();
                return super.read(b, off, len);
            }
        };
    }
}
