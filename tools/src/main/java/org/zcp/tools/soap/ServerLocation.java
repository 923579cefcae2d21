package org.zcp.tools.soap;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.zcp.api.config.Config;
import org.zcp.api.config.ConfigException;
import org.zcp.api.config.Schemas;

/**
 * Where a tool finds the server: its admin.cfg, the server.cfg next to it (for the local admin
 * logon, manual 6.1) and the URL to connect to.
 *
 * <p>URL order: {@code -h/--host}; else {@code server_socket} when admin.cfg sets it; else the
 * plain HTTP port of the server.cfg in the same directory; else {@link #DEFAULT_URL}. The
 * original's unix socket values ({@code file:///var/run/zarafa}, and {@code default:}) mean "the
 * local server" and map to that same server.cfg-derived URL, as SOAP here only travels over HTTP.
 */
public record ServerLocation(Path adminConfigFile, Config adminConfig, Config serverConfig, String url) {
    public static final String DEFAULT_URL = "http://localhost:236/zarafa";
    public static final Path DEFAULT_CONFIG_DIR = Path.of("/etc/zarafa");
    public static final String CONFIG_DIR_ENV = "ZARAFA_CONFIG_DIR";

    /**
     * @param hostOption the {@code -h/--host} value or null
     * @param configOption the {@code --config} file or null
     * @param env the process environment (for {@value #CONFIG_DIR_ENV})
     * @throws ConfigException when admin.cfg exists but has wrong lines
     */
    public static ServerLocation resolve(String hostOption, Path configOption, Map<String, String> env)
            throws ConfigException {
        return resolve(hostOption, configOption, env, Schemas.ADMIN, "admin.cfg");
    }

    /** The same for another tool's file (dagent.cfg, ...): its own options plus server_socket. */
    public static ServerLocation resolve(String hostOption, Path configOption, Map<String, String> env,
            org.zcp.api.config.ConfigSchema schema, String fileName) throws ConfigException {
        Path adminFile = configOption != null ? configOption : configDir(env).resolve(fileName);
        Config admin = Config.load(schema, adminFile);
        Path dir = adminFile.toAbsolutePath().getParent();
        Config server = loadServerConfig(dir == null ? null : dir.resolve("server.cfg"));
        String localUrl = server == null ? DEFAULT_URL : localUrl(server);
        String url;
        if (hostOption != null && !hostOption.isBlank()) {
            url = hostOption.strip();
        } else if (admin.isSet("server_socket")) {
            url = admin.get("server_socket").strip();
        } else {
            url = localUrl;
        }
        if (isLocalSocket(url)) {
            url = localUrl;
        }
        return new ServerLocation(adminFile, admin, server == null ? Config.defaults(Schemas.SERVER) : server, url);
    }

    static Path configDir(Map<String, String> env) {
        String dir = env.get(CONFIG_DIR_ENV);
        return dir == null || dir.isBlank() ? DEFAULT_CONFIG_DIR : Path.of(dir);
    }

    static Path adminConfigFile(Path configOption, Map<String, String> env) {
        if (configOption != null) {
            return configOption;
        }
        String dir = env.get(CONFIG_DIR_ENV);
        return (dir == null || dir.isBlank() ? DEFAULT_CONFIG_DIR : Path.of(dir)).resolve("admin.cfg");
    }

    /** server.cfg when it exists and is valid; a broken one is the server's problem, not the tool's. */
    private static Config loadServerConfig(Path file) {
        if (file == null || !Files.isReadable(file)) {
            return null;
        }
        try {
            return Config.load(Schemas.SERVER, file);
        } catch (ConfigException e) {
            return null;
        }
    }

    /** The local server's SOAP URL: plain HTTP when enabled (manual 4.1), else its SSL port. */
    static String localUrl(Config server) {
        if (!server.getBool("server_tcp_enabled") && server.getBool("server_ssl_enabled")) {
            return "https://localhost:" + server.getInt("server_ssl_port") + "/zarafa";
        }
        return "http://localhost:" + server.getInt("server_tcp_port") + "/zarafa";
    }

    private static boolean isLocalSocket(String url) {
        String u = url.toLowerCase(Locale.ROOT);
        return u.startsWith("file:") || u.equals("default:") || u.isEmpty();
    }
}
