package org.zcp.tools.soap;

import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import org.zcp.api.config.ConfigException;
import org.zcp.api.soap.LogonResult;
import org.zcp.api.soap.MapiException;
import org.zcp.api.soap.ZarafaCmd;

/**
 * A logged-on session with the server, shared by the command-line tools: resolves the URL
 * ({@link ServerLocation}), logs on ({@link ServerLogon}) and logs off on {@link #close()}.
 */
public final class ServerConnection implements AutoCloseable {
    /** Set to 1 to accept a self-signed https server certificate (manual 6.1). */
    public static final String SSL_INSECURE_ENV = "ZARAFA_SSL_INSECURE";

    private final ZarafaCmd cmd;
    private final String sessionId;
    private final String url;

    private ServerConnection(ZarafaCmd cmd, String sessionId, String url) {
        this.cmd = cmd;
        this.sessionId = sessionId;
        this.url = url;
    }

    /**
     * Connects and logs on.
     *
     * @param host {@code -h/--host} or null
     * @param config {@code --config} (admin.cfg) or null
     * @param clientApp the tool's name as the server logs it, e.g. "zarafa-admin"
     * @param trace where -v output goes, or null
     * @throws ConfigException admin.cfg has wrong lines
     * @throws ConnectionException the server cannot be reached or there are no credentials
     * @throws MapiException the server refused the logon
     */
    public static ServerConnection open(String host, Path config, String clientApp, PrintStream trace)
            throws ConfigException, ConnectionException, MapiException {
        return open(ServerLocation.resolve(host, config, System.getenv()), clientApp, trace);
    }

    /** Connects and logs on at an already resolved location (tools with their own .cfg file). */
    public static ServerConnection open(ServerLocation location, String clientApp, PrintStream trace)
            throws ConnectionException, MapiException {
        Map<String, String> env = System.getenv();
        if (trace != null) {
            trace.println("Connecting to " + location.url());
        }
        boolean insecure = "1".equals(env.get(SSL_INSECURE_ENV));
        ZarafaCmd cmd;
        try {
            cmd = ZarafaClient.create(location.url(), ZarafaClient.CONNECT_TIMEOUT, ZarafaClient.REQUEST_TIMEOUT,
                    insecure);
        } catch (WebServiceException | IllegalArgumentException e) {
            throw new ConnectionException("Invalid server URL \"" + location.url() + "\": " + rootMessage(e), e);
        }
        try {
            LogonResult result = new ServerLogon(cmd, clientApp, trace)
                    .logon(location.serverConfig(), location.url(), System.getProperty("user.name"), env,
                            Terminal::system);
            return new ServerConnection(cmd, result.sessionId, location.url());
        } catch (SOAPFaultException e) {
            throw new ConnectionException("Logon failed at \"" + location.url() + "\": " + e.getMessage(), e);
        } catch (WebServiceException e) {
            throw new ConnectionException(unreachable(location.url(), e), e);
        }
    }

    /** An already logged-on session (tests, or a tool that logged on itself). */
    public static ServerConnection of(ZarafaCmd cmd, String sessionId, String url) {
        return new ServerConnection(cmd, sessionId, url);
    }

    /** The original's wording for a server that does not answer. */
    public static String unreachable(String url, WebServiceException e) {
        return "The server is not running, or not accessible through \"" + url + "\": " + rootMessage(e);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m.strip();
    }

    public ZarafaCmd cmd() {
        return cmd;
    }

    public String sessionId() {
        return sessionId;
    }

    public String url() {
        return url;
    }

    /** Logs off; a session the server already dropped needs no logoff, so failures are ignored. */
    @Override
    public void close() {
        try {
            cmd.logoff(sessionId);
        } catch (MapiException | WebServiceException e) {
            // the session times out on the server (session_timeout) anyway
        }
    }
}
