package org.zcp.protocols.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Switches a plaintext connection to TLS in the middle of a line-protocol session (STARTTLS:
 * RFC 3207 for SMTP/LMTP, RFC 3501 section 6.2.1 for IMAP, RFC 2595 for POP3). The session
 * calls it after it has sent and flushed its "go ahead" reply and no longer reads the
 * plaintext stream; the transport (the resource adapter's listener) does the server-side
 * handshake on the same connection and hands back the protected streams.
 *
 * <p>The session must build fresh readers on the returned streams: anything it buffered from the
 * plaintext stream after the STARTTLS command is discarded, never read as if it came through TLS
 * (the STARTTLS command-injection attack, CVE-2011-0411).
 */
@FunctionalInterface
public interface TlsUpgrade {
    /**
     * Performs the TLS handshake as the server and returns the streams of the protected channel.
     * Any exception (handshake failure, timeout, client gone) ends the session; the caller then
     * closes the connection.
     */
    Streams upgrade() throws IOException;

    /** The two directions of the connection after the handshake. */
    record Streams(InputStream in, OutputStream out) {}
}
