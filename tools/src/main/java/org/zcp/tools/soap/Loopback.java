package org.zcp.tools.soap;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Whether a host name or address stays on this machine (127.0.0.0/8, ::1, a name resolving only there). */
public final class Loopback {
    private Loopback() {
    }

    /**
     * True when {@code host} (a literal address, possibly in brackets, or a name) is a loopback
     * address; a name must resolve to loopback addresses only. The wildcard (empty, 0.0.0.0,
     * ::) and unresolvable names are not loopback.
     */
    public static boolean isLoopback(String host) {
        if (host == null) return false;
        String h = host.strip();
        if (h.startsWith("[") && h.endsWith("]")) h = h.substring(1, h.length() - 1);
        if (h.isEmpty()) return false;
        try {
            InetAddress[] all = InetAddress.getAllByName(h);
            for (InetAddress a : all) {
                if (!a.isLoopbackAddress()) return false;
            }
            return all.length > 0;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
