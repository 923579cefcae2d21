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
 * The TLS policy options of server.cfg and gateway.cfg as system properties (review finding
 * #27): for SOAP, Elytron's server-ssl-context (protocols, cipher-suite-filter,
 * use-cipher-suites-order, a trust manager for client certificates, configure.cli); for IMAP and
 * POP3, the gateway's listeners (rar-gateways TlsPolicy).
 *
 * <ul>
 * <li>{@code server_ssl_protocols}/{@code ssl_protocols}, {@code server_ssl_ciphers}/{@code ssl_ciphers}:
 * see {@link TlsOptions}; empty means TLSv1.3 and TLSv1.2 with the JDK's default suites.
 * <li>{@code server_ssl_prefer_server_ciphers}/{@code ssl_prefer_server_ciphers}: the server's order
 * of suites wins over the client's.
 * <li>{@code server_ssl_ca_file}/{@code server_ssl_ca_path} (manual 4.7: the CA that signed the
 * clients' certificates): when either exists, SOAP asks clients for a certificate and a client
 * that sends one not signed by these CAs fails the handshake; a client without one is accepted,
 * as with the original's SSL_VERIFY_PEER. (Certificate logon, sslkeys_path, is not implemented.)
 * <li>{@code ssl_verify_client} with {@code ssl_verify_file}/{@code ssl_verify_path} (manual 4.10.1):
 * IMAP/POP3 clients must present a certificate signed by those CAs.
 * </ul>
 */
final class TlsSettings {
    private TlsSettings() {
    }

    /** The options that cannot be honoured, one message each. */
    static List<String> check(Config server, Config gateway) {
        List<String> problems = new ArrayList<>();
        translate(server, "server_ssl_protocols", "server_ssl_ciphers", problems);
        translate(gateway, "ssl_protocols", "ssl_ciphers", problems);
        if (gateway.getBool("ssl_verify_client") && gateway.get("ssl_verify_file").isBlank()
                && gateway.get("ssl_verify_path").isBlank()) {
            problems.add(gateway.file() + ": ssl_verify_client = yes needs ssl_verify_file or ssl_verify_path, the CA"
                    + " certificates to verify the clients' certificates with");
        }
        return problems;
    }

    /** Adds a problem when the OpenSSL-style {@code protocols} or {@code ciphers} option of {@code c} cannot be honoured. */
    static void translate(Config c, String protocols, String ciphers, List<String> problems) {
        try {
            TlsOptions.protocols(c.file() + ": " + protocols, c.get(protocols));
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        if (!c.get(ciphers).isBlank()) {
            try {
                TlsOptions.ciphers(c.file() + ": " + ciphers, c.get(ciphers), TlsOptions.available());
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
    }

    /**
     * A listener's TLS policy as system properties {@code prefix}protocol1/2, ciphers and
     * prefer.server, from the options {@code option}protocols, ciphers and prefer_server_ciphers
     * (server_ssl_ of server.cfg, ssl_ of the services' files).
     */
    static Map<String, String> policy(Config c, String option, String prefix) {
        Map<String, String> p = new LinkedHashMap<>();
        List<String> protocols = TlsOptions.protocols(option + "protocols", c.get(option + "protocols"));
        // Elytron's protocols is a list of two expressions; one protocol is named twice
        p.put(prefix + "protocol1", protocols.get(0));
        p.put(prefix + "protocol2", protocols.get(protocols.size() - 1));
        String ciphers = c.get(option + "ciphers");
        p.put(prefix + "ciphers", ciphers.isBlank() ? "DEFAULT"
                : String.join(":", TlsOptions.ciphers(option + "ciphers", ciphers, TlsOptions.available())));
        p.put(prefix + "prefer.server", Boolean.toString(c.getBool(option + "prefer_server_ciphers")));
        return p;
    }

    /** zcp.ssl.* of the SOAP listener's server-ssl-context (call {@link #check} first). */
    static Map<String, String> server(Config c, Path run, PrintStream err) throws IOException {
        Map<String, String> p = new LinkedHashMap<>(policy(c, "server_ssl_", "zcp.ssl."));
        Path trust = run.resolve("zarafa-server-trust.p12");
        String password = KeyStores.randomPassword();
        List<Path> files = c.get("server_ssl_ca_file").isBlank() ? List.of() : List.of(Path.of(c.get("server_ssl_ca_file")));
        List<Path> dirs = c.get("server_ssl_ca_path").isBlank() ? List.of() : List.of(Path.of(c.get("server_ssl_ca_path")));
        Files.deleteIfExists(trust);
        boolean want = c.getBool("server_ssl_enabled") && KeyStores.trustStore(files, dirs, trust, password) != null;
        // only worth a warning when the administrator named a CA: the default path is usually absent
        boolean named = c.isSet("server_ssl_ca_file") || c.isSet("server_ssl_ca_path");
        if (c.getBool("server_ssl_enabled") && !want && named) {
            err.println("zarafa-server: warning: neither server_ssl_ca_file " + c.get("server_ssl_ca_file")
                    + " nor server_ssl_ca_path " + c.get("server_ssl_ca_path")
                    + " exists; SOAP over TLS does not ask clients for certificates");
        }
        // without CAs the path names no file: Elytron then uses an empty store, never consulted
        p.put("zcp.ssl.truststore", trust.toString());
        p.put("zcp.ssl.truststore.password", password);
        p.put("zcp.ssl.want.client.auth", Boolean.toString(want));
        return p;
    }

    /** zcp.gateway.tls.* of the IMAP/POP3 listeners (call {@link #check} first). */
    static Map<String, String> gateway(Config g, Path run) throws IOException {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("zcp.gateway.tls.protocols", String.join(",", TlsOptions.protocols("ssl_protocols", g.get("ssl_protocols"))));
        String ciphers = g.get("ssl_ciphers");
        p.put("zcp.gateway.tls.ciphers", ciphers.isBlank() ? ""
                : String.join(",", TlsOptions.ciphers("ssl_ciphers", ciphers, TlsOptions.available())));
        p.put("zcp.gateway.tls.preferserver", Boolean.toString(g.getBool("ssl_prefer_server_ciphers")));
        Path trust = run.resolve("zarafa-gateway-trust.p12");
        Files.deleteIfExists(trust);
        if (g.getBool("ssl_verify_client")) {
            String password = KeyStores.randomPassword();
            List<Path> files = g.get("ssl_verify_file").isBlank() ? List.of() : List.of(Path.of(g.get("ssl_verify_file")));
            List<Path> dirs = g.get("ssl_verify_path").isBlank() ? List.of() : List.of(Path.of(g.get("ssl_verify_path")));
            if (KeyStores.trustStore(files, dirs, trust, password) == null) {
                throw new IOException(g.file() + ": ssl_verify_client = yes, but neither ssl_verify_file "
                        + g.get("ssl_verify_file") + " nor ssl_verify_path " + g.get("ssl_verify_path") + " exists");
            }
            p.put("zcp.gateway.tls.truststore", trust.toString());
            p.put("zcp.gateway.tls.truststore.password", password);
        }
        return p;
    }
}
