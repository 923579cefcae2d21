package org.zcp.tools.admin;

import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.zcp.api.config.ConfigException;
import org.zcp.api.soap.MapiException;
import org.zcp.tools.soap.ConnectionException;
import org.zcp.tools.soap.ServerConnection;
import org.zcp.tools.soap.Terminal;
import org.zcp.tools.soap.ZarafaClient;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * zarafa-admin: user, group, company and store management over the server's SOAP interface
 * (manual 6.2, 8.1-8.3, 8.7). One action per invocation; every failure is one line on stderr and
 * exit code 1.
 */
public final class ZarafaAdmin {
    public static final String VERSION = "zarafa-admin 7.1.0";
    public static final String CLIENT_APP = "zarafa-admin";

    /** Opens a logged-on session; tests hand in one on a fake server. */
    @FunctionalInterface
    public interface Connector {
        ServerConnection connect(String host, Path config, PrintStream trace)
                throws ConfigException, ConnectionException, MapiException;
    }

    private ZarafaAdmin() {
    }

    public static void main(String[] args) {
        ZarafaClient.quietMetro();
        System.exit(run(args, System.out, System.err,
                (host, config, trace) -> ServerConnection.open(host, config, CLIENT_APP, trace)));
    }

    public static int run(String[] args, PrintStream out, PrintStream err, Connector connector) {
        return run(args, out, err, connector, Terminal::system);
    }

    static int run(String[] args, PrintStream out, PrintStream err, Connector connector, Supplier<Terminal> terminal) {
        AdminOptions options = new AdminOptions();
        CommandLine cl = new CommandLine(options).setExpandAtFiles(false);
        Action action;
        try {
            ParseResult parsed = cl.parseArgs(args);
            if (cl.isUsageHelpRequested()) {
                cl.usage(out);
                return 0;
            }
            if (cl.isVersionHelpRequested()) {
                out.println(VERSION);
                return 0;
            }
            action = ActionSelector.select(options, parsed);
        } catch (ParameterException e) {
            err.println(e.getMessage());
            return 1;
        } catch (AdminException e) {
            err.println(e.getMessage());
            return 1;
        }

        ServerConnection connection;
        try {
            connection = connector.connect(options.host, options.config, options.verbose() ? err : null);
        } catch (ConfigException e) {
            e.problems().forEach(err::println);
            return 1;
        } catch (ConnectionException e) {
            err.println(e.getMessage());
            return 1;
        } catch (MapiException e) {
            err.println(AdminException.line("log on", e));
            return 1;
        }

        try (connection) {
            action.handler().run(new AdminContext(connection.cmd(), connection.sessionId(), out, terminal));
            return 0;
        } catch (MapiException e) {
            err.println(AdminException.line(action.what(), e));
        } catch (AdminException e) {
            err.println(e.getMessage());
        } catch (SOAPFaultException e) {
            err.println("Unable to " + action.what() + ": " + e.getMessage());
        } catch (WebServiceException e) {
            err.println(ServerConnection.unreachable(connection.url(), e));
        }
        return 1;
    }
}
