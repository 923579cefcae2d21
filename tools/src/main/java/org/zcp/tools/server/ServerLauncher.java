package org.zcp.tools.server;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.zcp.api.config.Config;
import org.zcp.api.config.ConfigException;
import org.zcp.api.config.Schemas;

/**
 * The Java half of bin/zarafa-server: reads and checks server.cfg and the files of the services
 * inside the server beside it (dagent.cfg, spooler.cfg, gateway.cfg, ical.cfg, webaccess.cfg; a
 * misspelt or unknown option stops the start and every wrong option is printed, manual 2.3.1),
 * prepares directories and the TLS key stores, and writes the system properties that the WildFly
 * configuration's expressions read. Prints {@code props=FILE}, {@code heap=MB}, {@code user=},
 * {@code group=}, {@code pidfile=}, {@code ical=URL} and {@code webaccess=URL} (one per listener)
 * lines for the shell script.
 */
public final class ServerLauncher {
    private final PrintStream out;
    private final PrintStream err;

    ServerLauncher(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new ServerLauncher(System.out, System.err).run(args));
    }

    /**
     * A configuration file, or null after its problems were printed (not starting); the obsolete
     * options it sets are printed as warnings and the start goes on (an older release's file is
     * taken over as it is).
     */
    private Config load(String what, org.zcp.api.config.ConfigSchema schema, Path file) {
        Config c;
        try {
            c = Config.load(schema, file);
        } catch (ConfigException e) {
            err.println("zarafa-server: " + e.problems().size() + " error(s) in " + what + "; not starting:");
            for (String p : e.problems()) err.println("  " + p);
            return null;
        }
        for (String w : c.warnings()) err.println("zarafa-server: warning: " + w);
        return c;
    }

    int run(String[] args) {
        Path cfg = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "-c", "--config" -> {
                    if (i + 1 >= args.length) {
                        err.println("zarafa-server: option " + args[i] + " needs a file name");
                        return 1;
                    }
                    cfg = Path.of(args[++i]);
                }
                default -> {
                    err.println("zarafa-server: unknown option '" + args[i] + "'");
                    return 1;
                }
            }
        }
        if (cfg == null) cfg = Path.of("/etc/zarafa/server.cfg");
        cfg = cfg.toAbsolutePath();
        if (!Files.isReadable(cfg)) {
            err.println("zarafa-server: configuration file " + cfg + " cannot be read");
            return 1;
        }
        Config c = load("the configuration", Schemas.SERVER, cfg);
        if (c == null) return 1;
        // one server per configuration: refused before anything of the running one is rewritten
        Path pidFile = Path.of(c.get("pid_file")).toAbsolutePath();
        var running = running(c);
        if (running.isPresent()) {
            err.println("zarafa-server: already running as pid " + running.getAsLong() + " (pid_file " + pidFile
                    + "); not starting a second server for " + cfg);
            return 1;
        }
        if (Files.exists(pidFile)) {
            err.println("zarafa-server: " + pidFile + " names no running server; the stale pid file is replaced");
        }
        // the other services' files live beside server.cfg (dagent.cfg: LMTP inside this server)
        Config dagent = load("dagent.cfg", Schemas.DAGENT, cfg.resolveSibling("dagent.cfg"));
        if (dagent == null) return 1;
        Config spooler = load("spooler.cfg", Schemas.SPOOLER, cfg.resolveSibling("spooler.cfg"));
        if (spooler == null) return 1;
        Config gateway = load("gateway.cfg", Schemas.GATEWAY, cfg.resolveSibling("gateway.cfg"));
        if (gateway == null) return 1;
        Config ical = load("ical.cfg", Schemas.ICAL, cfg.resolveSibling("ical.cfg"));
        if (ical == null) return 1;
        Config webaccess = load("webaccess.cfg", Schemas.WEBACCESS, cfg.resolveSibling("webaccess.cfg"));
        if (webaccess == null) return 1;
        List<String> warnings = new ArrayList<>();
        List<String> problems = check(c, warnings);
        for (String w : warnings) err.println("zarafa-server: warning: " + w);
        ServiceChecks.proxy(c, problems);
        ServiceChecks.log(dagent, problems);
        ServiceChecks.log(spooler, problems);
        problems.addAll(GatewayConfig.check(gateway));
        problems.addAll(IcalConfig.check(ical));
        problems.addAll(WebaccessConfig.check(webaccess));
        problems.addAll(TlsSettings.check(c, gateway));
        int smtpPort = spooler.getInt("smtp_port");
        if (smtpPort < 1 || smtpPort > 65535) problems.add(spooler.file() + ": smtp_port must be a port number");
        if (spooler.getInt("max_threads") < 1) problems.add(spooler.file() + ": max_threads must be at least 1");
        int lmtpPort = dagent.getInt("lmtp_port");
        if (lmtpPort < 1 || lmtpPort > 65535) problems.add(dagent.file() + ": lmtp_port must be a port number");
        Map<Path, String> dirs = ServiceDirectories.writable(c, dagent, spooler, gateway, ical, webaccess);
        boolean handOver = handOver(c, System.getProperty("user.name"), problems);
        if (handOver) problems.addAll(ServiceDirectories.refusals(dirs, c.get("run_as_user")));
        if (!problems.isEmpty()) {
            err.println("zarafa-server: " + problems.size() + " error(s) in the configuration; not starting:");
            for (String p : problems) err.println("  " + p);
            return 1;
        }
        for (String w : ListenerWarnings.of(c, gateway, dagent)) err.println("zarafa-server: warning: " + w);
        for (String w : ListenerWarnings.ical(ical)) err.println("zarafa-server: warning: " + w);
        for (String w : ListenerWarnings.webaccess(webaccess)) err.println("zarafa-server: warning: " + w);
        try {
            prepare(c, dirs.keySet());
            Map<String, String> props = properties(c, cfg);
            props.put("zcp.lmtp.bind", dagent.get("server_bind").isEmpty() ? "127.0.0.1" : dagent.get("server_bind"));
            props.put("zcp.lmtp.port", Integer.toString(lmtpPort));
            props.put("zcp.lmtp.threads", Integer.toString(Math.max(1, dagent.getInt("lmtp_max_threads"))));
            props.put("zcp.lookup.bind", props.get("zcp.lmtp.bind"));
            props.put("zcp.lookup.port", Integer.toString(dagent.getInt("lookup_port")));
            props.put("zcp.lookup.threads", "8");
            props.put("zcp.spooler.threads", Integer.toString(spooler.getInt("max_threads")));
            props.putAll(ServiceChecks.logProperties(dagent, dataDirectory(c), "zcp.dagent", "dagent.log"));
            props.putAll(ServiceChecks.logProperties(spooler, dataDirectory(c), "zcp.spooler", "spooler.log"));
            Path run = Path.of(c.get("pid_file")).toAbsolutePath().getParent();
            props.putAll(GatewayConfig.properties(gateway, run, dataDirectory(c), this, err));
            props.putAll(TlsSettings.gateway(gateway, run));
            props.putAll(IcalConfig.properties(ical, run, dataDirectory(c)));
            props.putAll(WebaccessConfig.properties(webaccess, run, dataDirectory(c)));
            props.putAll(LdapRealmConfig.properties(c, run));
            Path file = run.resolve("zarafa-server.properties");
            write(file, props);
            out.println("props=" + file);
            out.println("heap=" + heapMb(c));
            out.println("user=" + (handOver ? c.get("run_as_user") : ""));
            // empty: run_as_user's primary group, which the shell asks id(1) for
            out.println("group=" + (handOver ? c.get("run_as_group") : ""));
            out.println("pidfile=" + Path.of(c.get("pid_file")).toAbsolutePath());
            out.println("dirs=" + (handOver ? String.join(":", dirs.keySet().stream().map(Path::toString).toList()) : ""));
            out.println("soap=" + endpoint(c, false));
            if (c.getBool("server_ssl_enabled")) out.println("soaps=" + endpoint(c, true));
            out.println("lmtp=" + props.get("zcp.lmtp.bind") + ":" + lmtpPort);
            out.println("lookup=" + props.get("zcp.lookup.bind") + ":" + props.get("zcp.lookup.port"));
            if (!"0".equals(props.get("zcp.pop3.port"))) out.println("pop3=" + props.get("zcp.pop3.bind") + ":" + props.get("zcp.pop3.port"));
            if (!"0".equals(props.get("zcp.imap.port"))) out.println("imap=" + props.get("zcp.imap.bind") + ":" + props.get("zcp.imap.port"));
            if (!"0".equals(props.get("zcp.imaps.port"))) out.println("imaps=" + props.get("zcp.imap.bind") + ":" + props.get("zcp.imaps.port"));
            if (!"0".equals(props.get("zcp.pop3s.port"))) out.println("pop3s=" + props.get("zcp.pop3.bind") + ":" + props.get("zcp.pop3s.port"));
            for (String url : IcalConfig.urls(ical)) out.println("ical=" + url);
            for (String url : WebaccessConfig.urls(webaccess)) out.println("webaccess=" + url);
            return 0;
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            err.println("zarafa-server: cannot prepare the server: " + e.getMessage());
            return 1;
        }
    }

    /**
     * Whether the start as {@code self} hands the server to run_as_user (manual 6.5): only when
     * started as root. Started as run_as_user itself (systemd User=), nothing changes hands;
     * started as anybody else, the switch is impossible and is refused.
     */
    static boolean handOver(Config c, String self, List<String> problems) {
        String user = c.get("run_as_user");
        if (user.isEmpty() || user.equals(self)) return false;
        if (!"root".equals(self)) {
            problems.add(c.file() + ": run_as_user = " + user + ", but zarafa-server runs as " + self
                    + " and cannot switch users; start it as root or as " + user);
            return false;
        }
        var lookup = java.nio.file.FileSystems.getDefault().getUserPrincipalLookupService();
        try {
            lookup.lookupPrincipalByName(user);
        } catch (IOException e) {
            problems.add(c.file() + ": run_as_user " + user + " does not exist (create it: useradd --system " + user + ")");
        }
        String group = c.get("run_as_group");
        try {
            if (!group.isEmpty()) lookup.lookupPrincipalByGroupName(group);
        } catch (IOException e) {
            problems.add(c.file() + ": run_as_group " + group + " does not exist");
        }
        return true;
    }

    /**
     * Creates the writable directories (review finding #6): the data directory, attachments and
     * ssl/ 0700, the run directory 0750 (the admin token in it is for the server's group), log
     * directories 0700; data written by older versions with the umask's 0644/0755 is made
     * private. Shared system directories are never changed.
     */
    static void prepare(Config c, java.util.Collection<Path> dirs) throws IOException {
        Path attachments = Path.of(c.get("attachment_path")).toAbsolutePath().normalize();
        Path dataDir = attachments.getParent();
        Path run = Path.of(c.get("pid_file")).toAbsolutePath().normalize().getParent();
        if (!Files.isDirectory(run)) {
            PrivateFiles.directory(run);
            if (!ServiceDirectories.isShared(run)) {
                Files.setPosixFilePermissions(run, PosixFilePermissions.fromString("rwxr-x---"));
            }
        }
        for (Path d : dirs) PrivateFiles.directory(d);
        for (Path d : List.of(dataDir, attachments, dataDir.resolve("ssl"))) {
            if (!ServiceDirectories.isShared(d)) PrivateFiles.restrict(d);
        }
        String db = c.get("mysql_database");
        for (String suffix : List.of(".mv.db", ".trace.db", ".lock.db")) {
            PrivateFiles.restrict(dataDir.resolve(db + suffix));
        }
    }

    /** Where the server keeps its data beside the attachments (H2 file, self-signed certificate). */
    /** Where the embedded database lives: the parent of attachment_path. */
    public static Path dataDirectory(Config c) {
        return Path.of(c.get("attachment_path")).toAbsolutePath().normalize().getParent();
    }

    static String endpoint(Config c, boolean ssl) {
        String bind = c.get("server_bind");
        String host = bind.isEmpty() || "0.0.0.0".equals(bind) || "::".equals(bind) ? "localhost" : bind;
        return (ssl ? "https://" : "http://") + host + ":" + c.getInt(ssl ? "server_ssl_port" : "server_tcp_port")
                + "/zarafa";
    }

    /** Semantic checks beyond the option types. */
    /** The server.cfg's semantic problems, and those of the user plugin's file; its obsolete options into {@code warnings}. */
    /** The pid of the server of {@code c} while it runs (its pid_file, checked as at start). */
    public static java.util.OptionalLong running(Config c) {
        Path pidFile = Path.of(c.get("pid_file")).toAbsolutePath();
        return PidFile.running(pidFile, pidFile.getParent().resolve("zarafa-server.properties"));
    }

    static List<String> check(Config c, List<String> warnings) {
        List<String> p = new ArrayList<>();
        String where = c.file() + ": ";
        String storage = c.get("attachment_storage").toLowerCase(Locale.ROOT);
        if (!storage.equals("database") && !storage.equals("files")) {
            p.add(where + "attachment_storage must be 'database' or 'files', not '" + storage + "'");
        }
        String method = c.get("log_method").toLowerCase(Locale.ROOT);
        if (!method.equals("file") && !method.equals("syslog")) {
            p.add(where + "log_method must be 'file' or 'syslog', not '" + method + "'");
        }
        String plugin = c.get("user_plugin").toLowerCase(Locale.ROOT);
        if (plugin.equals("ldap")) {
            // ldap.cfg (user_plugin_config) is checked here as the other files are; the bind with it
            // is tried by the server as it starts
            Path ldap = c.file().resolveSibling(c.get("user_plugin_config"));
            if (!Files.isReadable(ldap)) {
                p.add(where + "user_plugin = ldap, but user_plugin_config " + ldap + " cannot be read");
            } else {
                try {
                    warnings.addAll(Config.load(Schemas.LDAP, ldap).warnings());
                } catch (ConfigException e) {
                    e.problems().forEach(x -> p.add(x));
                }
            }
        } else if (plugin.equals("unix")) {
            // unix.cfg may be absent (its defaults); when present, it is checked like the others
            String name = c.get("user_plugin_config");
            Path unix = c.file().resolveSibling(name.endsWith("ldap.cfg") ? Path.of(name).resolveSibling("unix.cfg").toString() : name);
            if (Files.exists(unix)) {
                try {
                    warnings.addAll(Config.load(Schemas.UNIX, unix).warnings());
                } catch (ConfigException e) {
                    e.problems().forEach(x -> p.add(x));
                }
            }
        } else if (!plugin.equals("db")) {
            p.add(where + "user_plugin '" + plugin + "' is not available in this version; use 'db', 'unix' or 'ldap'");
        }
        for (String key : List.of("server_tcp_port", "server_ssl_port", "mysql_port")) {
            int port = c.getInt(key);
            if (port < 1 || port > 65535) p.add(where + key + " must be a port number (1-65535), not " + port);
        }
        int level = c.getInt("log_level");
        if (level < 0 || level > 6) p.add(where + "log_level must be 0 to 6, not " + level);
        String engine = engine(c);
        if (!engine.equals("h2") && !engine.equals("mysql")) {
            p.add(where + "database_engine must be 'mysql' or 'h2', not '" + engine + "'");
        }
        return p;
    }

    /**
     * The embedded H2 database unless the configuration names MySQL/MariaDB: database_engine set
     * explicitly, or any mysql_* option set.
     */
    /** "mysql" (MariaDB/MySQL, manual 4.1) or "h2" (the embedded database) for server.cfg {@code c}. */
    public static String engine(Config c) {
        if (c.isSet("database_engine")) return c.get("database_engine").toLowerCase(Locale.ROOT);
        for (String k : List.of("mysql_host", "mysql_port", "mysql_user", "mysql_password", "mysql_socket",
                "mysql_database")) {
            if (c.isSet(k)) return "mysql";
        }
        return "h2";
    }

    Map<String, String> properties(Config c, Path cfg) throws IOException {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("zcp.config.file", cfg.toString());
        p.put("zcp.soap.bind", c.get("server_bind").isEmpty() ? "0.0.0.0" : c.get("server_bind"));
        p.put("zcp.soap.port", Integer.toString(c.getInt("server_tcp_port")));
        p.put("zcp.soap.enabled", Boolean.toString(c.getBool("server_tcp_enabled")));
        p.put("zcp.soap.proxy", Boolean.toString(c.getBool("trust_proxy_headers")));
        p.put("zcp.ssl.port", Integer.toString(c.getInt("server_ssl_port")));
        p.put("zcp.ssl.enabled", Boolean.toString(c.getBool("server_ssl_enabled")));
        p.put("zcp.soap.max.post", Long.toString(c.getSize("soap_max_post_size")));

        Path dataDir = dataDirectory(c);
        if ("h2".equals(engine(c))) {
            p.put("zcp.db.driver", "h2");
            p.put("zcp.db.url", "jdbc:h2:file:" + dataDir.resolve(c.get("mysql_database"))
                    // WRITE_DELAY=500: H2 writes committed changes behind, at the latest after 500 ms;
                    // a transaction that wrote waits after its commit until a store that includes it
                    // is done (the server's group commit, db.GroupCommit), so a commit is still on disk
                    // before LMTP says 250, and concurrent commits share one write.
                    // MAX_LENGTH_INPLACE_LOB: a message's RFC 822 text up to 64 KB is kept in its
                    // property row; H2 keeps larger values (and, by default, anything over 256 bytes)
                    // in its LOB map and copies each one per read: FETCH 1:* BODY[] of 5,000 texts
                    // spent most of its time there (benchmarks/store-bench.sh, README)
                    + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;LOCK_TIMEOUT=20000;WRITE_DELAY=500;MAX_LENGTH_INPLACE_LOB=65536;QUERY_CACHE_SIZE=128"
                    + ";USER=sa;PASSWORD=zarafa");
        } else {
            p.put("zcp.db.driver", "mariadb");
            String socket = c.get("mysql_socket");
            String url = "jdbc:mariadb://" + c.get("mysql_host") + ":" + c.getInt("mysql_port") + "/"
                    + c.get("mysql_database") + "?createDatabaseIfNotExist=true&useUnicode=true&characterEncoding=utf8";
            if (!socket.isEmpty()) url += "&localSocket=" + encode(socket);
            // credentials in the URL: the datasource refuses an empty password attribute
            url += "&user=" + encode(c.get("mysql_user")) + "&password=" + encode(c.get("mysql_password"));
            p.put("zcp.db.url", url);
            // a connection broken in use (server restarted, wait_timeout) leaves the pool at once
            p.put("zcp.db.exception.sorter", "org.jboss.jca.adapters.jdbc.extensions.mysql.MySQLExceptionSorter");
        }
        p.put("zcp.db.pool", Integer.toString(Math.max(10, c.getInt("threads") * 5)));

        // logging (manual 7.2)
        p.put("zcp.log.file", logFile(c, dataDir, "server.log").toString());
        // with syslog the application's own handler logs (SyslogLogging); the file handler is off
        p.put("zcp.log.level", "syslog".equalsIgnoreCase(c.get("log_method")) ? "OFF" : julLevel(c.getInt("log_level")));
        p.put("zcp.log.pattern", c.getBool("log_timestamp") ? "%d{EEE MMM d HH:mm:ss yyyy}: [%-5p] %s%e%n"
                : "[%-5p] %s%e%n");

        // TLS (manual 4.7)
        Path run = Path.of(c.get("pid_file")).toAbsolutePath().getParent();
        Path store = run.resolve("zarafa-server-ssl.p12");
        String password = KeyStores.randomPassword();
        Files.deleteIfExists(store);
        if (c.getBool("server_ssl_enabled")) keyStore(c, store, dataDir, password);
        p.put("zcp.ssl.keystore", store.toString());
        p.put("zcp.ssl.keystore.password", password);
        p.putAll(TlsSettings.server(c, run, err));
        p.put("jboss.bind.address", "127.0.0.1");
        return p;
    }

    /**
     * The key store of the SSL listener: server_ssl_key_file (PEM with certificate and key,
     * protected by server_ssl_key_pass) converted to PKCS#12, or the self-signed certificate
     * when that file does not exist.
     */
    void keyStore(Config c, Path target, Path dataDir, String storePass) throws IOException {
        Path pem = Path.of(c.get("server_ssl_key_file"));
        if (Files.isReadable(pem)) {
            KeyStores.fromPem(pem, pem, c.get("server_ssl_key_pass"), "server", target, storePass);
            return;
        }
        err.println("zarafa-server: warning: " + pem + " does not exist; using a self-signed certificate");
        selfSigned(c.get("server_hostname"), dataDir, target, storePass);
    }

    /**
     * Copies the self-signed certificate made at the first start (for the host name, localhost and
     * 127.0.0.1; data directory/ssl, with its random password beside it) into {@code target}
     * under {@code storePass}; SOAP and the gateway share it.
     */
    void selfSigned(String hostname, Path dataDir, Path target, String storePass) throws IOException {
        Path sslDir = dataDir.resolve("ssl");
        String host = hostname == null || hostname.isBlank() ? hostName() : hostname;
        if (!Files.exists(sslDir.resolve(KeyStores.SELF_SIGNED))) {
            err.println("zarafa-server: generating a self-signed certificate for " + host + " in " + sslDir);
        }
        KeyStores.Stored self = KeyStores.selfSigned(host, sslDir);
        KeyStores.copy(self.file(), self.password(), target, storePass);
    }

    private static String encode(String v) {
        return java.net.URLEncoder.encode(v, StandardCharsets.UTF_8);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getCanonicalHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    /** Whether a daemon logs to syslog ({@code log_method = syslog}, or {@code log_file = -}) rather than a file. */
    static boolean logsToSyslog(Config c) {
        return "syslog".equalsIgnoreCase(c.get("log_method")) || "-".equals(c.get("log_file"));
    }

    /**
     * A daemon's log file: its {@code log_file}, directory created; with syslog, {@code unused} in
     * the data directory (the file handler is off then, but WildFly wants a path).
     */
    static Path logFile(Config c, Path dataDir, String unused) throws IOException {
        if (logsToSyslog(c)) return dataDir.resolve(unused);
        Path log = Path.of(c.get("log_file")).toAbsolutePath();
        PrivateFiles.directory(log.getParent());
        return log;
    }

    /** manual 7.2: log_level 0 (nothing) to 6 (everything). */
    static String julLevel(int level) {
        return org.zcp.api.config.LogLevels.name(level);
    }

    /** Heap: the configured caches plus room for the application server. */
    static long heapMb(Config c) {
        long caches = c.getSize("cache_cell_size") + c.getSize("cache_object_size")
                + c.getSize("cache_indexedobject_size");
        return Math.max(512, caches / (1024 * 1024) + 384);
    }

    private static void write(Path file, Map<String, String> props) throws IOException {
        StringBuilder sb = new StringBuilder("# generated by zarafa-server from server.cfg at every start\n");
        for (Map.Entry<String, String> e : props.entrySet()) {
            sb.append(e.getKey()).append('=').append(escape(e.getValue())).append('\n');
        }
        PrivateFiles.write(file, sb.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String escape(String v) {
        StringBuilder sb = new StringBuilder();
        for (char ch : v.toCharArray()) {
            switch (ch) {
                case '\\' -> sb.append("\\\\");
                case ':' -> sb.append("\\:");
                case '=' -> sb.append("\\=");
                default -> {
                    if (ch > 126) sb.append(String.format("\\u%04x", (int) ch));
                    else sb.append(ch);
                }
            }
        }
        return sb.toString();
    }
}
