package org.zcp.tools.server;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.zcp.api.config.Config;

/**
 * gateway.cfg (manual 4.11) turned into the system properties of the gateway listeners: POP3 on
 * pop3_port with STARTTLS, POP3S on pop3s_port with implicit TLS; a disabled service listens on
 * port 0, i.e. not at all. The certificate is ssl_certificate_file with ssl_private_key_file
 * (PEM), or, when they do not exist, the server's self-signed certificate, with a warning.
 */
final class GatewayConfig {
    /** The gateway's listeners, each configured by {@code <name>_enable} and {@code <name>_port}. */
    private static final List<String> LISTENERS = List.of("pop3", "pop3s", "imap", "imaps");
    private GatewayConfig() {
    }

    static List<String> check(Config g) {
        List<String> problems = new ArrayList<>();
        for (String key : List.of("pop3_port", "pop3s_port", "imap_port", "imaps_port")) {
            int port = g.getInt(key);
            if (port < 1 || port > 65535) problems.add(g.file() + ": " + key + " must be a port number");
        }
        if (g.getInt("gateway_max_connections") < 1) {
            problems.add(g.file() + ": gateway_max_connections must be at least 1");
        }
        if (g.getInt("gateway_max_connections_per_ip") < 0) {
            problems.add(g.file() + ": gateway_max_connections_per_ip must be 0 (no limit) or more");
        }
        if (g.getInt("gateway_login_timeout") < 1) {
            problems.add(g.file() + ": gateway_login_timeout must be at least 1 second");
        }
        return problems;
    }

    /** The zcp.pop3.* and zcp.pop3s.* properties; the key store is made here when TLS needs one. */
    static Map<String, String> properties(Config g, Path run, Path dataDir, ServerLauncher launcher, PrintStream err)
            throws IOException {
        Map<String, String> p = new LinkedHashMap<>();
        String bind = g.get("server_bind").isBlank() ? "0.0.0.0" : g.get("server_bind").trim();
        String threads = Integer.toString(g.getInt("gateway_max_connections"));
        for (String service : LISTENERS) {
            p.put("zcp." + service + ".bind", bind);
            p.put("zcp." + service + ".port",
                    g.getBool(service + "_enable") ? Integer.toString(g.getInt(service + "_port")) : "0");
            p.put("zcp." + service + ".threads", threads);
            p.put("zcp." + service + ".perip", Integer.toString(g.getInt("gateway_max_connections_per_ip")));
            p.put("zcp." + service + ".logintimeout", Integer.toString(g.getInt("gateway_login_timeout")));
        }
        p.put("zcp.imap.idle", Boolean.toString(g.getBool("imap_capability_idle")));
        p.put("zcp.imap.maxfail", Integer.toString(g.getInt("imap_max_fail_commands")));
        p.put("zcp.imap.maxliteral", Long.toString(g.getSize("imap_max_messagesize")));
        p.put("zcp.gateway.plaintext", Boolean.toString(!g.getBool("disable_plaintext_auth")));
        p.put("zcp.gateway.hostname", g.get("server_hostname"));
        // logging (manual 7.2) of the gateway: its own file and level, or syslog with the server's
        boolean syslog = ServerLauncher.logsToSyslog(g);
        p.put("zcp.gateway.log.file", ServerLauncher.logFile(g, dataDir, "gateway.log").toString());
        p.put("zcp.gateway.log.level", syslog ? "OFF" : ServerLauncher.julLevel(g.getInt("log_level")));
        p.put("zcp.gateway.log.parent", Boolean.toString(syslog));
        String password = KeyStores.randomPassword();
        Path store = keyStore(g, run, dataDir, password, launcher, err);
        for (String service : LISTENERS) {
            p.put("zcp." + service + ".keystore", store.toString());
            p.put("zcp." + service + ".keystore.password", password);
        }
        return p;
    }

    private static Path keyStore(Config g, Path run, Path dataDir, String password, ServerLauncher launcher,
            PrintStream err) throws IOException {
        Path target = run.resolve("zarafa-gateway-ssl.p12");
        Path key = Path.of(g.get("ssl_private_key_file"));
        Path cert = Path.of(g.get("ssl_certificate_file"));
        if (Files.isReadable(key) && Files.isReadable(cert)) {
            KeyStores.fromPem(cert, key, null, "gateway", target, password);
            return target;
        }
        err.println("zarafa-server: warning: gateway.cfg ssl_certificate_file " + cert + " or ssl_private_key_file "
                + key + " does not exist; POP3S and STARTTLS use the self-signed certificate");
        launcher.selfSigned(g.get("server_hostname"), dataDir, target, password);
        return target;
    }
}
