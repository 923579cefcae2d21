package org.zcp.protocols.tls;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** What the sessions need to know about the client's address. */
public final class Peers {
    private Peers() {
    }

    /**
     * Whether {@code peer} (a numeric address as the listener reports it) is a loopback address.
     * A loopback connection never crosses a network, so a password sent over it in clear is as
     * safe as over TLS; Dovecot treats it as secure for {@code disable_plaintext_auth} in the
     * same way. Only literals are parsed, never resolved: a name is not loopback.
     */
    public static boolean isLoopback(String peer) {
        if (peer == null || peer.isEmpty()) return false;
        // digits and dots (IPv4) or a colon (IPv6) are parsed as literals without any lookup
        boolean ipv4 = peer.chars().allMatch(c -> c == '.' || c >= '0' && c <= '9');
        if (!ipv4 && peer.indexOf(':') < 0) return false;
        try {
            return InetAddress.getByName(peer).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
