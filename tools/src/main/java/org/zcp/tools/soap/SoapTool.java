package org.zcp.tools.soap;

import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.io.PrintStream;
import java.nio.file.Path;
import org.zcp.api.config.ConfigException;
import org.zcp.api.soap.MapiException;
import org.zcp.api.soap.ZarafaCmd;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * What the small one-shot SOAP tools (zarafa-set-oof, zarafa-archiver) share: the command line is
 * parsed and checked before the server is contacted ({@link #parse}, {@link #report}); then
 * {@link #connect} logs on through a {@link Connector} (tests hand in a fake server) and
 * {@link #execute} makes the tool's calls and logs off. Every failure is one line on stderr starting
 * with the tool's prefix ({@code zarafa-set-oof: }) and exit code 1.
 */
public final class SoapTool {
    /** Opens a logged-on session; tests hand in one on a fake server. */
    @FunctionalInterface
    public interface Connector {
        /**
         * @param host {@code -h/--host} or null
         * @param config {@code -c/--config} or null
         */
        ServerConnection connect(String host, Path config) throws ConfigException, ConnectionException, MapiException;
    }

    /** The tool's SOAP calls on a logged-on session, printing their result on success. */
    @FunctionalInterface
    public interface Calls {
        void run(ZarafaCmd cmd, String sessionId) throws Failure;
    }

    /** Ends the tool with exit code 1; the message is the line after the prefix. */
    public static class Failure extends Exception {
        private static final long serialVersionUID = 1L;

        public Failure(String line) {
            super(line);
        }
    }

    /** A wrong command line: the problem, then the usage line. */
    public static final class UsageFailure extends Failure {
        private static final long serialVersionUID = 1L;

        public UsageFailure(String line) {
            super(line);
        }
    }

    /** --help was asked for; {@link #text} is the help to print on standard output. */
    public static final class HelpRequested extends Exception {
        private static final long serialVersionUID = 1L;
        public final String text;

        public HelpRequested(String text) {
            super("help");
            this.text = text;
        }
    }

    private SoapTool() {
    }

    /**
     * Parses {@code args} into the picocli-annotated {@code options}; {@code @file} arguments are
     * taken literally.
     *
     * @return the parsed command line (for its {@link CommandLine#getParseResult()})
     * @throws HelpRequested for the usage-help option
     * @throws UsageFailure an unknown option, a missing option value, ...
     */
    public static CommandLine parse(Object options, String[] args) throws HelpRequested, UsageFailure {
        CommandLine cl = new CommandLine(options).setExpandAtFiles(false);
        try {
            cl.parseArgs(args);
        } catch (ParameterException e) {
            throw new UsageFailure(e.getMessage());
        }
        if (cl.isUsageHelpRequested()) {
            throw new HelpRequested(cl.getUsageMessage(CommandLine.Help.Ansi.OFF));
        }
        return cl;
    }

    /**
     * Prints what {@link #parse} and the tool's own checks threw: help on {@code out} (exit 0), a
     * usage failure as its line plus the usage line, any other failure as its line (exit 1).
     */
    public static int report(Exception e, String prefix, String usage, PrintStream out, PrintStream err) {
        if (e instanceof HelpRequested h) {
            out.print(h.text);
            out.flush();
            return 0;
        }
        err.println(prefix + e.getMessage());
        if (e instanceof UsageFailure) {
            err.println(usage);
        }
        return 1;
    }

    /**
     * Connects and logs on.
     *
     * @return the session, or null after printing why not (one line; one per wrong line of a
     *     broken configuration file)
     */
    public static ServerConnection connect(Connector connector, String host, Path config, String prefix,
            PrintStream err) {
        try {
            return connector.connect(host, config);
        } catch (ConfigException e) {
            e.problems().forEach(p -> err.println(prefix + p));
        } catch (ConnectionException e) {
            err.println(prefix + e.getMessage());
        } catch (MapiException e) {
            err.println(prefix + line("log on", e));
        }
        return null;
    }

    /**
     * Makes the tool's calls on the session and logs off.
     *
     * @param what for a SOAP fault that is no MAPI error: "Unable to {@code what}: ..."
     * @return 0, or 1 after printing the failure, the fault or the lost connection as one line
     */
    public static int execute(ServerConnection connection, String prefix, PrintStream err, String what,
            Calls calls) {
        try (connection) {
            calls.run(connection.cmd(), connection.sessionId());
            return 0;
        } catch (Failure e) {
            err.println(prefix + e.getMessage());
        } catch (SOAPFaultException e) {
            err.println(prefix + "Unable to " + what + ": " + e.getMessage());
        } catch (WebServiceException e) {
            err.println(prefix + ServerConnection.unreachable(connection.url(), e));
        }
        return 1;
    }

    /** zarafa-admin's form: {@code Unable to open the store of bob: MAPI_E_NOT_FOUND (user bob not found)}. */
    public static String line(String what, MapiException e) {
        String error = e.getFaultInfo() != null && e.getFaultInfo().error != null
                ? e.getFaultInfo().error : e.error().name();
        String message = e.getFaultInfo() != null ? e.getFaultInfo().message : e.getMessage();
        StringBuilder sb = new StringBuilder("Unable to ").append(what).append(": ").append(error);
        if (message != null && !message.isBlank()) {
            sb.append(" (").append(message.strip()).append(')');
        }
        return sb.toString();
    }
}
