package org.zcp.tools.server;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.zcp.api.config.Config;
import org.zcp.tools.soap.Loopback;

/**
 * What the files of the HTTP services inside the server (ical.cfg, webaccess.cfg) check and
 * turn into properties alike: a plain and a secure listener, and the service's own log (manual 7.2).
 */
final class ServiceChecks {
    private ServiceChecks() {
    }

    /** Both ports are port numbers, and two enabled listeners do not share one. */
    static void listeners(Config c, String plain, String secure, List<String> problems) {
        String where = c.file() + ": ";
        for (String key : List.of(plain + "_port", secure + "_port")) {
            int port = c.getInt(key);
            if (port < 1 || port > 65535) problems.add(where + key + " must be a port number (1-65535), not " + port);
        }
        if (c.getBool(plain + "_enable") && c.getBool(secure + "_enable")
                && c.getInt(plain + "_port") == c.getInt(secure + "_port")) {
            problems.add(where + plain + "_port and " + secure + "_port are both " + c.getInt(plain + "_port")
                    + "; the plain and the secure service need a port each");
        }
    }

    /**
     * trust_proxy_headers = yes makes the HTTP listener take the client's address from
     * X-Forwarded-For: only a proxy on this machine may reach such a listener, so its server_bind
     * must be a loopback address (otherwise any client could name itself anyone, past the logon
     * throttle and into the audit log as someone else's address).
     */
    static void proxy(Config c, List<String> problems) {
        if (!c.getBool("trust_proxy_headers")) return;
        String bind = c.get("server_bind").trim();
        if (!Loopback.isLoopback(bind)) {
            problems.add(c.file() + ": trust_proxy_headers = yes needs server_bind = 127.0.0.1 (the proxy's side only), not '"
                    + (bind.isEmpty() ? "every address" : bind) + "'");
        }
    }

    /** log_method is file or syslog, log_level 0 to 6. */
    static void log(Config c, List<String> problems) {
        String where = c.file() + ": ";
        String method = c.get("log_method").toLowerCase(Locale.ROOT);
        if (!method.equals("file") && !method.equals("syslog")) {
            problems.add(where + "log_method must be 'file' or 'syslog', not '" + method + "'");
        }
        int level = c.getInt("log_level");
        if (level < 0 || level > 6) problems.add(where + "log_level must be 0 to 6, not " + level);
    }

    /**
     * The service's log: its own file and level ({@code prefix}.log.file, .log.level), or, with
     * log_method = syslog, its records handed up to the server's handlers (.log.parent).
     */
    static Map<String, String> logProperties(Config c, Path dataDir, String prefix, String defaultFile)
            throws java.io.IOException {
        Map<String, String> p = new LinkedHashMap<>();
        boolean syslog = ServerLauncher.logsToSyslog(c);
        p.put(prefix + ".log.file", ServerLauncher.logFile(c, dataDir, defaultFile).toString());
        p.put(prefix + ".log.level", syslog ? "OFF" : ServerLauncher.julLevel(c.getInt("log_level")));
        p.put(prefix + ".log.parent", Boolean.toString(syslog));
        return p;
    }
}
