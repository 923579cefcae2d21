package org.zcp.tools.dagent;

import jakarta.activation.DataHandler;
import jakarta.activation.FileDataSource;
import jakarta.xml.ws.WebServiceException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.zcp.api.config.ConfigException;
import org.zcp.api.config.Schemas;
import org.zcp.api.soap.DeliveryResult;
import org.zcp.api.soap.MapiException;
import org.zcp.tools.soap.ConnectionException;
import org.zcp.tools.soap.ServerConnection;
import org.zcp.tools.soap.ServerLocation;
import org.zcp.tools.soap.ZarafaClient;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * zarafa-dagent: delivers one message from standard input (or -f FILE) to one or more users
 * (manual 5.4). Exit codes an MTA understands: 0 delivered, 75 EX_TEMPFAIL (try again later),
 * 67 EX_NOUSER (unknown user), 73 EX_CANTCREAT (mailbox over its hard quota); with -q the qmail
 * codes 0, 111 (temporary) and 100 (permanent).
 */
@Command(name = "zarafa-dagent", mixinStandardHelpOptions = false,
        description = "Deliver a message from standard input to Zarafa users.")
public final class ZarafaDagent implements Callable<Integer> {
    static final int EX_OK = 0;
    static final int EX_USAGE = 64;
    static final int EX_NOUSER = 67;
    static final int EX_CANTCREAT = 73;
    static final int EX_TEMPFAIL = 75;
    static final int QMAIL_TEMP = 111;
    static final int QMAIL_PERM = 100;

    @Parameters(arity = "1..*", paramLabel = "RECIPIENT", description = "login name or email address")
    List<String> recipients = new ArrayList<>();

    @Option(names = {"-c", "--config"}, description = "dagent.cfg (default $ZARAFA_CONFIG_DIR/dagent.cfg)")
    Path config;

    @Option(names = {"-h", "--host"}, description = "server URL, e.g. http://localhost:236/zarafa")
    String host;

    @Option(names = {"-f", "--file"}, description = "read the message from this file instead of standard input")
    Path file;

    @Option(names = {"-F", "--folder"}, description = "deliver into this folder below the store's root (e.g. Inbox\\Projects)")
    String folder;

    @Option(names = {"-C", "--create"}, description = "create the -F folder when it does not exist")
    boolean create;

    @Option(names = {"-p"}, description = "path separator of -F (default \\)")
    String separator = "\\";

    @Option(names = {"-r", "--read"}, description = "mark the message read")
    boolean markRead;

    @Option(names = {"-e"}, description = "strip @domain from the recipient before lookup")
    boolean stripDomain;

    @Option(names = {"-R"}, description = "resolve the recipient by email address (always done)")
    boolean resolve;

    @Option(names = {"-n"}, description = "use now as delivery time (always done)")
    boolean now;

    @Option(names = {"-N"}, description = "no new-mail notification (accepted)")
    boolean noNotify;

    @Option(names = {"-q", "--qmail"}, description = "qmail exit codes (111 temporary, 100 permanent)")
    boolean qmail;

    @Option(names = {"-v", "-s", "--verbose"}, description = "tell what happens on standard error")
    boolean verbose;

    @Option(names = {"-V", "--version"}, description = "print the version")
    boolean version;

    @Option(names = "--help", usageHelp = true, description = "show this help")
    boolean help;

    private final PrintStream err;
    private final InputStream stdin;

    ZarafaDagent(PrintStream err, InputStream stdin) {
        this.err = err;
        this.stdin = stdin;
    }

    public static void main(String[] args) {
        ZarafaClient.quietMetro();
        System.exit(run(args, System.err, System.in));
    }

    static int run(String[] args, PrintStream err, InputStream stdin) {
        ZarafaDagent d = new ZarafaDagent(err, stdin);
        CommandLine cl = new CommandLine(d);
        cl.setErr(new java.io.PrintWriter(err, true));
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("zarafa-dagent: " + ex.getMessage());
            return EX_USAGE;
        });
        if (args.length == 1 && ("-V".equals(args[0]) || "--version".equals(args[0]))) {
            err.println("zarafa-dagent 7.1.0");
            return EX_OK;
        }
        return cl.execute(args);
    }

    @Override
    public Integer call() {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("zarafa-dagent", ".eml");
            if (file != null) {
                Files.copy(file, tmp, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.copy(stdin, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            ServerLocation location = ServerLocation.resolve(host, config, System.getenv(), Schemas.DAGENT,
                    "dagent.cfg");
            String path = folder == null ? null : folder.replace(separator, "/");
            int worst = EX_OK;
            try (ServerConnection c = ServerConnection.open(location, "zarafa-dagent", verbose ? err : null)) {
                for (String r : recipients) {
                    String rcpt = stripDomain && r.contains("@") ? r.substring(0, r.indexOf('@')) : r;
                    DeliveryResult res = c.cmd().deliverMessage(c.sessionId(), rcpt, null,
                            new DataHandler(new FileDataSource(tmp.toFile())), path, create, markRead);
                    int code = code(res.status);
                    if (verbose || code != EX_OK) {
                        err.println("zarafa-dagent: " + r + ": " + res.status + (res.detail == null ? "" : " (" + res.detail + ")"));
                    }
                    worst = worse(worst, code);
                }
            }
            return exit(worst);
        } catch (ConfigException e) {
            e.problems().forEach(p -> err.println("zarafa-dagent: " + p));
            return exit(EX_TEMPFAIL);
        } catch (ConnectionException | WebServiceException e) {
            err.println("zarafa-dagent: " + e.getMessage());
            return exit(EX_TEMPFAIL);
        } catch (MapiException e) {
            err.println("zarafa-dagent: " + e.getMessage());
            return exit(EX_TEMPFAIL);
        } catch (IOException e) {
            err.println("zarafa-dagent: cannot read the message: " + e.getMessage());
            return exit(EX_TEMPFAIL);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // temporary file
                }
            }
        }
    }

    static int code(String status) {
        return switch (status == null ? "" : status) {
            case DeliveryResult.DELIVERED -> EX_OK;
            case DeliveryResult.UNKNOWN -> EX_NOUSER;
            case DeliveryResult.QUOTA -> EX_CANTCREAT;
            default -> EX_TEMPFAIL;
        };
    }

    /** A temporary failure wins: the MTA must keep the message. */
    static int worse(int a, int b) {
        if (a == EX_TEMPFAIL || b == EX_TEMPFAIL) return EX_TEMPFAIL;
        return a != EX_OK ? a : b;
    }

    private int exit(int code) {
        if (!qmail) return code;
        return code == EX_OK ? 0 : code == EX_TEMPFAIL ? QMAIL_TEMP : QMAIL_PERM;
    }
}
