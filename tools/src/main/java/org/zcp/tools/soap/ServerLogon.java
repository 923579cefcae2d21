package org.zcp.tools.soap;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import org.zcp.api.config.Config;
import org.zcp.api.soap.LogonResult;
import org.zcp.api.soap.MapiException;
import org.zcp.api.soap.ZarafaCmd;

/**
 * How a tool logs on (manual 6.1). First the trusted local logon: a unix user listed in
 * server.cfg {@code local_admin_users} who can read the server's token file (next to its pid
 * file, readable only by the server's user and group) proves it runs on the server host. Else a
 * password logon with {@code ZARAFA_USER}/{@code ZARAFA_PASSWORD}, or asked on the terminal.
 *
 * <p>The token is only ever sent to the local server (review finding #16): a URL whose host is a
 * loopback address (or a name resolving only to loopback) and whose port is one of the SOAP ports
 * of the local server.cfg. Any other URL ({@code -h}, {@code server_socket}) gets the password
 * logon, so neither the token nor the unix user name leaves this host.
 */
public final class ServerLogon {
    public static final String TOKEN_FILE = "zarafa-admin.token";
    public static final String USER_ENV = "ZARAFA_USER";
    public static final String PASSWORD_ENV = "ZARAFA_PASSWORD";

    private final ZarafaCmd cmd;
    private final String clientApp;
    private final PrintStream trace;

    /** @param trace where to report the steps taken (-v), or null */
    public ServerLogon(ZarafaCmd cmd, String clientApp, PrintStream trace) {
        this.cmd = cmd;
        this.clientApp = clientApp;
        this.trace = trace;
    }

    /**
     * @param server the local server.cfg
     * @param url the URL the tool talks to
     */
    public LogonResult logon(Config server, String url, String unixUser, Map<String, String> env,
            Supplier<Terminal> terminal) throws MapiException, ConnectionException {
        LogonResult trusted = null;
        if (isLocalServer(server, url)) {
            trusted = localAdminLogon(server, unixUser);
        } else {
            trace("Not offering the local administrator token to " + url + ": not the local server of "
                    + (server.file() == null ? "the default server.cfg" : server.file()));
        }
        if (trusted != null) {
            return trusted;
        }
        String user = env.get(USER_ENV);
        String password = env.get(PASSWORD_ENV);
        if (user == null || user.isEmpty() || password == null) {
            Terminal t = terminal.get();
            if (t == null) {
                throw new ConnectionException("No credentials to log on with: set " + USER_ENV + " and "
                        + PASSWORD_ENV + ", or run as a user listed in local_admin_users of server.cfg.");
            }
            if (user == null || user.isEmpty()) {
                user = t.readLine("Username: ");
            }
            char[] typed = t.readPassword("Password: ");
            if (user == null || typed == null) {
                throw new ConnectionException("Logon cancelled.");
            }
            password = new String(typed);
        }
        trace("Logging on as " + user);
        return cmd.logon(user, password, null, clientApp);
    }

    /** The trusted logon when this user may use it, else null (and the password logon follows). */
    private LogonResult localAdminLogon(Config server, String unixUser) {
        Path token = tokenFile(server);
        if (token == null || !Files.isReadable(token) || !server.getList("local_admin_users").contains(unixUser)) {
            return null;
        }
        try {
            String secret = Files.readString(token, StandardCharsets.UTF_8).strip();
            trace("Logging on as local administrator " + unixUser + " with " + token);
            return cmd.localAdminLogon(unixUser, secret, clientApp);
        } catch (IOException e) {
            trace("Cannot read " + token + ": " + e.getMessage());
        } catch (MapiException e) {
            trace("Local administrator logon refused (" + e.getFaultInfo().error + "), trying a password logon");
        }
        return null;
    }

    /**
     * Whether {@code url} reaches the server of {@code server} on this host: loopback host and a
     * SOAP port that server.cfg enables.
     */
    public static boolean isLocalServer(Config server, String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException | NullPointerException e) {
            return false;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (uri.getHost() == null || !Loopback.isLoopback(uri.getHost())) return false;
        boolean https = scheme.equals("https");
        if (!https && !scheme.equals("http")) return false;
        int port = uri.getPort() >= 0 ? uri.getPort() : https ? 443 : 80;
        return https ? server.getBool("server_ssl_enabled") && port == server.getInt("server_ssl_port")
                : server.getBool("server_tcp_enabled") && port == server.getInt("server_tcp_port");
    }

    /** The token file lives next to the server's pid file. */
    public static Path tokenFile(Config server) {
        Path pid = server.getPath("pid_file");
        if (pid == null) {
            return null;
        }
        Path dir = pid.toAbsolutePath().getParent();
        return dir == null ? null : dir.resolve(TOKEN_FILE);
    }

    private void trace(String line) {
        if (trace != null) {
            trace.println(line);
        }
    }
}
