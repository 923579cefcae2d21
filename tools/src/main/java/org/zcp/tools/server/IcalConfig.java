package org.zcp.tools.server;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.zcp.api.config.Config;

/**
 * ical.cfg (manual 4.10) turned into the system properties of zarafa-ical's Undertow server
 * ({@code ical-server} in configure.cli): the plain listener on ical_port, the TLS listener on
 * icals_port with its own key store made from ssl_private_key_file and ssl_certificate_file, the
 * service's log, and the settings the web application reads with {@link System#getProperty}
 * ({@code zcp.ical.timezone}, {@code zcp.ical.charset}, {@code zcp.ical.get}).
 *
 * <p>Unlike the gateway, which falls back to the server's self-signed certificate, the secure
 * service without a readable key and certificate stops the start: CalDAV clients (iOS,
 * Thunderbird) refuse a self-signed certificate for a named host, and the manual 4.10.1 asks the
 * administrator to make one.
 */
final class IcalConfig {
    static final String KEY_STORE = "zarafa-ical-ssl.p12";
    static final String TRUST_STORE = "zarafa-ical-trust.p12";

    private IcalConfig() {
    }

    /** The options that cannot be honoured, one message each. */
    static List<String> check(Config i) {
        List<String> problems = new ArrayList<>();
        String where = i.file() + ": ";
        ServiceChecks.listeners(i, "ical", "icals", problems);
        if (i.getBool("icals_enable")) {
            for (String key : List.of("ssl_private_key_file", "ssl_certificate_file")) {
                Path file = Path.of(i.get(key));
                if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                    problems.add(where + "icals_enable = yes, but " + key + " " + file + " cannot be read; make the"
                            + " key and certificate (manual 4.10.1: openssl genrsa, openssl req -new -x509) or set"
                            + " icals_enable = no");
                }
            }
        }
        if (i.getBool("ssl_verify_client") && !existing(i, "ssl_verify_file") && !existing(i, "ssl_verify_path")) {
            problems.add(where + "ssl_verify_client = yes needs ssl_verify_file or ssl_verify_path, the CA certificates"
                    + " to verify the clients' certificates with (" + describe(i, "ssl_verify_file") + ", "
                    + describe(i, "ssl_verify_path") + ")");
        }
        TlsSettings.translate(i, "ssl_protocols", "ssl_ciphers", problems);
        try {
            ZoneId.of(i.get("server_timezone"));
        } catch (DateTimeException e) {
            problems.add(where + "server_timezone '" + i.get("server_timezone")
                    + "' is not a time zone (a name of the tz database, such as Europe/Amsterdam)");
        }
        if (!supportedCharset(i.get("default_charset"))) {
            problems.add(where + "default_charset '" + i.get("default_charset") + "' is not a known character set");
        }
        ServiceChecks.log(i, problems);
        ServiceChecks.proxy(i, problems);
        return problems;
    }

    /**
     * The zcp.ical.* and zcp.icals.* properties (call {@link #check} first). The key store and
     * trust store are made afresh in {@code run} when the secure service needs them, and removed
     * otherwise; a missing store file is an empty store to Elytron.
     */
    static Map<String, String> properties(Config i, Path run, Path dataDir) throws IOException {
        Map<String, String> p = new LinkedHashMap<>();
        String bind = i.get("server_bind").isBlank() ? "0.0.0.0" : i.get("server_bind").strip();
        boolean secure = i.getBool("icals_enable");
        p.put("zcp.ical.bind", bind);
        p.put("zcp.ical.port", Integer.toString(i.getInt("ical_port")));
        p.put("zcp.ical.enabled", Boolean.toString(i.getBool("ical_enable")));
        p.put("zcp.icals.port", Integer.toString(i.getInt("icals_port")));
        p.put("zcp.icals.enabled", Boolean.toString(secure));

        Path store = run.resolve(KEY_STORE);
        Path trust = run.resolve(TRUST_STORE);
        Files.deleteIfExists(store);
        Files.deleteIfExists(trust);
        String storePassword = KeyStores.randomPassword();
        if (secure) {
            Path key = Path.of(i.get("ssl_private_key_file"));
            Path cert = Path.of(i.get("ssl_certificate_file"));
            KeyStores.fromPem(cert, key, null, "ical", store, storePassword);
        }
        p.put("zcp.icals.keystore", store.toString());
        p.put("zcp.icals.keystore.password", storePassword);
        // manual 4.10.1: with ssl_verify_client, a client without a certificate of these CAs is refused
        String trustPassword = KeyStores.randomPassword();
        boolean verify = secure && i.getBool("ssl_verify_client");
        if (verify && KeyStores.trustStore(list(i, "ssl_verify_file"), list(i, "ssl_verify_path"), trust,
                trustPassword) == null) {
            throw new IOException(i.file() + ": ssl_verify_client = yes, but neither ssl_verify_file "
                    + i.get("ssl_verify_file") + " nor ssl_verify_path " + i.get("ssl_verify_path") + " exists");
        }
        p.put("zcp.icals.truststore", trust.toString());
        p.put("zcp.icals.truststore.password", trustPassword);
        p.put("zcp.icals.need.client.auth", Boolean.toString(verify));
        p.putAll(TlsSettings.policy(i, "ssl_", "zcp.icals."));

        // logging (manual 7.2) of zarafa-ical: its own file and level, or syslog with the server's
        p.put("zcp.ical.proxy", Boolean.toString(i.getBool("trust_proxy_headers")));
        p.putAll(ServiceChecks.logProperties(i, dataDir, "zcp.ical", "ical.log"));

        // read by the web application (org.zcp.caldav)
        p.put("zcp.ical.timezone", ZoneId.of(i.get("server_timezone")).getId());
        p.put("zcp.ical.charset", Charset.forName(i.get("default_charset")).name());
        p.put("zcp.ical.get", Boolean.toString(i.getBool("enable_ical_get")));
        return p;
    }

    /** The service's URLs for the start-up lines: {@code http://host:port/} per enabled listener. */
    static List<String> urls(Config i) {
        String bind = i.get("server_bind").isBlank() ? "0.0.0.0" : i.get("server_bind").strip();
        String host = bind.equals("0.0.0.0") || bind.equals("::") ? "localhost" : bind;
        List<String> urls = new ArrayList<>();
        if (i.getBool("ical_enable")) urls.add("http://" + host + ":" + i.getInt("ical_port") + "/");
        if (i.getBool("icals_enable")) urls.add("https://" + host + ":" + i.getInt("icals_port") + "/");
        return urls;
    }

    private static boolean existing(Config i, String key) {
        return !i.get(key).isBlank() && Files.exists(Path.of(i.get(key)));
    }

    private static String describe(Config i, String key) {
        if (i.get(key).isBlank()) return key + " not set";
        return key + " " + i.get(key) + " does not exist";
    }

    private static List<Path> list(Config i, String key) {
        return i.get(key).isBlank() ? List.of() : List.of(Path.of(i.get(key)));
    }

    private static boolean supportedCharset(String name) {
        try {
            return Charset.isSupported(name);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
