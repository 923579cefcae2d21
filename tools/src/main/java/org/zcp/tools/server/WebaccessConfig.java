package org.zcp.tools.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.zcp.api.config.Config;

/**
 * webaccess.cfg (docs/webaccess.md) turned into the system properties of WebAccess's Undertow
 * server ({@code webaccess-server} in configure.cli): the plain listener on http_port, the TLS
 * listener on https_port with its own key store made from ssl_private_key_file and
 * ssl_certificate_file, the web client's log, and the settings the web application reads with
 * {@link System#getProperty} ({@code zcp.webaccess.language}, {@code zcp.webaccess.session.timeout}
 * in minutes, {@code zcp.webaccess.max.upload} in bytes).
 *
 * <p>As for zarafa-ical, the secure service without a readable key and certificate stops the
 * start rather than falling back to the server's self-signed certificate: browsers refuse it for
 * a named host, and a web client whose users learn to click the warning away is worse than none.
 */
final class WebaccessConfig {
    static final String KEY_STORE = "zarafa-webaccess-ssl.p12";
    /** The catalogs the client ships (docs/webaccess.md, i18n/*.json). */
    static final List<String> LANGUAGES = List.of("en", "nl", "de", "fr", "pl");
    private static final long MB = 1024L * 1024L;
    /** The listeners' max-post-size unless max_upload_size needs more. */
    static final long MAX_POST = 60 * MB;

    private WebaccessConfig() {
    }

    /** The options that cannot be honoured, one message each. */
    static List<String> check(Config w) {
        List<String> problems = new ArrayList<>();
        String where = w.file() + ": ";
        ServiceChecks.listeners(w, "http", "https", problems);
        if (w.getBool("https_enable")) {
            Path key = Path.of(w.get("ssl_private_key_file"));
            Path cert = Path.of(w.get("ssl_certificate_file"));
            if (!readable(key) || !readable(cert)) {
                problems.add(where + "https_enable = yes, but ssl_private_key_file " + key + " (" + state(key)
                        + ") and ssl_certificate_file " + cert + " (" + state(cert) + ") are needed; make them"
                        + " (openssl req -x509 -newkey rsa:2048 -nodes -days 1095 -subj /CN=<host name> -keyout "
                        + key + " -out " + cert + ") or set https_enable = no");
            }
        }
        TlsSettings.translate(w, "ssl_protocols", "ssl_ciphers", problems);
        String language = w.get("default_language").strip();
        if (!LANGUAGES.contains(language)) {
            problems.add(where + "default_language '" + language + "' is not one of " + String.join(" ", LANGUAGES));
        }
        int timeout = w.getInt("session_timeout");
        if (timeout < 1 || timeout > 1440) {
            problems.add(where + "session_timeout must be 1 to 1440 minutes, not " + timeout);
        }
        int upload = w.getInt("max_upload_size");
        if (upload < 1 || upload > 2047) {
            problems.add(where + "max_upload_size must be 1 to 2047 (MB), not " + upload);
        }
        ServiceChecks.log(w, problems);
        ServiceChecks.proxy(w, problems);
        return problems;
    }

    /**
     * The zcp.webaccess.* properties (call {@link #check} first). The key store is made afresh in
     * {@code run} when the secure service is on, and removed otherwise; a missing store file is an
     * empty store to Elytron.
     */
    static Map<String, String> properties(Config w, Path run, Path dataDir) throws IOException {
        Map<String, String> p = new LinkedHashMap<>();
        boolean secure = w.getBool("https_enable");
        p.put("zcp.webaccess.bind", bind(w));
        p.put("zcp.webaccess.http.port", Integer.toString(w.getInt("http_port")));
        p.put("zcp.webaccess.http.enabled", Boolean.toString(w.getBool("http_enable")));
        p.put("zcp.webaccess.https.port", Integer.toString(w.getInt("https_port")));
        p.put("zcp.webaccess.https.enabled", Boolean.toString(secure));

        Path store = run.resolve(KEY_STORE);
        Files.deleteIfExists(store);
        String storePassword = KeyStores.randomPassword();
        if (secure) {
            KeyStores.fromPem(Path.of(w.get("ssl_certificate_file")), Path.of(w.get("ssl_private_key_file")), null,
                    "webaccess", store, storePassword);
        }
        p.put("zcp.webaccess.keystore", store.toString());
        p.put("zcp.webaccess.keystore.password", storePassword);
        p.putAll(TlsSettings.policy(w, "ssl_", "zcp.webaccess."));

        // logging (manual 7.2) of the web client: its own file and level, or syslog with the server's
        p.put("zcp.webaccess.proxy", Boolean.toString(w.getBool("trust_proxy_headers")));
        p.putAll(ServiceChecks.logProperties(w, dataDir, "zcp.webaccess", "webaccess.log"));

        // read by the web application (org.zcp.webaccess)
        p.put("zcp.webaccess.language", w.get("default_language").strip());
        p.put("zcp.webaccess.session.timeout", Integer.toString(w.getInt("session_timeout")));
        long upload = w.getInt("max_upload_size") * MB;
        p.put("zcp.webaccess.max.upload", Long.toString(upload));
        // the listeners' max-post-size (configure.cli): 60 MB, so that the application sees an upload
        // too large for max_upload_size and answers 413 itself; room for a larger max_upload_size
        p.put("zcp.webaccess.max.post", Long.toString(Math.max(MAX_POST, upload + 10 * MB)));
        return p;
    }

    /** The client's URLs for the start-up lines: {@code http://host:port/webaccess/} per enabled listener. */
    static List<String> urls(Config w) {
        String bind = bind(w);
        String host = bind.equals("0.0.0.0") || bind.equals("::") ? "localhost" : bind;
        List<String> urls = new ArrayList<>();
        if (w.getBool("http_enable")) urls.add("http://" + host + ":" + w.getInt("http_port") + "/webaccess/");
        if (w.getBool("https_enable")) urls.add("https://" + host + ":" + w.getInt("https_port") + "/webaccess/");
        return urls;
    }

    private static String bind(Config w) {
        return w.get("server_bind").isBlank() ? "0.0.0.0" : w.get("server_bind").strip();
    }

    private static boolean readable(Path file) {
        return Files.isRegularFile(file) && Files.isReadable(file);
    }

    private static String state(Path file) {
        if (readable(file)) return "readable";
        return Files.exists(file) ? "cannot be read" : "missing";
    }
}
