package org.zcp.tools.server;

import java.util.ArrayList;
import java.util.List;
import org.zcp.api.config.Config;
import org.zcp.tools.soap.Loopback;

/**
 * Start-up warnings for listeners that expose secrets or unauthenticated services beyond this
 * host (review findings #14 and #27). They do not stop the start: the original's defaults are
 * the same, but the administrator should know.
 */
final class ListenerWarnings {
    private ListenerWarnings() {
    }

    static List<String> of(Config server, Config gateway, Config dagent) {
        List<String> w = new ArrayList<>();
        String soapBind = bind(server.get("server_bind"));
        if (server.getBool("server_tcp_enabled") && !Loopback.isLoopback(soapBind)) {
            w.add("SOAP listens in plaintext (HTTP) on " + soapBind + ":" + server.getInt("server_tcp_port")
                    + ": passwords and session ids cross the network unencrypted. Use server_bind = 127.0.0.1, or"
                    + " server_tcp_enabled = no with server_ssl_enabled = yes (" + server.file() + ")");
        }
        String gwBind = bind(gateway.get("server_bind"));
        if (!gateway.getBool("disable_plaintext_auth") && !Loopback.isLoopback(gwBind)) {
            for (String service : List.of("imap", "pop3")) {
                if (!gateway.getBool(service + "_enable")) continue;
                w.add(service.toUpperCase(java.util.Locale.ROOT) + " on " + gwBind + ":" + gateway.getInt(service + "_port")
                        + " accepts passwords in plaintext before STARTTLS (disable_plaintext_auth = no in "
                        + gateway.file() + ")");
            }
        }
        String lmtpBind = dagent.get("server_bind").isBlank() ? "127.0.0.1" : dagent.get("server_bind").strip();
        if (!Loopback.isLoopback(lmtpBind)) {
            w.add("LMTP (port " + dagent.getInt("lmtp_port") + ") and the recipient lookup (port "
                    + dagent.getInt("lookup_port") + ") listen on " + lmtpBind + " without any access control: anyone"
                    + " who reaches them can deliver mail with any sender and test addresses. Use server_bind ="
                    + " 127.0.0.1 in " + dagent.file() + " unless a firewall restricts them");
        }
        return w;
    }

    /**
     * zarafa-ical (manual 4.10): CalDAV clients send the password with every request (HTTP Basic),
     * so the plain service beyond loopback gives it away; the manual recommends the secure one only.
     */
    static List<String> ical(Config ical) {
        String icalBind = bind(ical.get("server_bind"));
        if (!ical.getBool("ical_enable") || Loopback.isLoopback(icalBind)) return List.of();
        return List.of("iCal/CalDAV listens in plaintext (HTTP) on " + icalBind + ":" + ical.getInt("ical_port")
                + ": calendar clients send their passwords with every request unencrypted. Use server_bind ="
                + " 127.0.0.1, or ical_enable = no with icals_enable = yes (" + ical.file() + ")");
    }

    /**
     * WebAccess (docs/webaccess.md): the logon page sends the password, and every request the
     * session cookie, so the plain listener beyond loopback gives both away.
     */
    static List<String> webaccess(Config web) {
        String webBind = bind(web.get("server_bind"));
        if (!web.getBool("http_enable") || Loopback.isLoopback(webBind)) return List.of();
        return List.of("WebAccess listens in plaintext (HTTP) on " + webBind + ":" + web.getInt("http_port")
                + ": passwords at logon and session cookies cross the network unencrypted. Use http_enable = no"
                + " with https_enable = yes, or server_bind = 127.0.0.1 behind a TLS proxy (" + web.file() + ")");
    }

    private static String bind(String value) {
        return value == null || value.isBlank() ? "0.0.0.0" : value.strip();
    }
}
