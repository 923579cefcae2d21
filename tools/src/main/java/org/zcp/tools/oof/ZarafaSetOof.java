package org.zcp.tools.oof;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.zcp.api.mapi.PropTag;
import org.zcp.api.soap.MapiException;
import org.zcp.api.soap.PropValue;
import org.zcp.api.soap.StoreInfo;
import org.zcp.api.soap.ZarafaCmd;
import org.zcp.tools.soap.ServerConnection;
import org.zcp.tools.soap.SoapTool;
import org.zcp.tools.soap.SoapTool.Connector;
import org.zcp.tools.soap.SoapTool.Failure;
import org.zcp.tools.soap.SoapTool.HelpRequested;
import org.zcp.tools.soap.SoapTool.UsageFailure;
import org.zcp.tools.soap.ZarafaClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * zarafa-set-oof: switches a user's out-of-office autoresponder on or off and sets its subject and
 * text (manual 8.9). The settings are properties of the user's store root
 * ({@link PropTag#PR_EC_OUTOFOFFICE}, {@link PropTag#PR_EC_OUTOFOFFICE_SUBJECT},
 * {@link PropTag#PR_EC_OUTOFOFFICE_MSG}), which the server's autoresponder reads.
 *
 * <pre>
 * zarafa-set-oof john 1 "I'm on holiday till the 30th of June" /tmp/oof.txt
 * zarafa-set-oof john 0
 * </pre>
 *
 * <p>The command line is checked and the text file read before the server is contacted
 * ({@link #parse}); {@link #apply} then makes the two SOAP calls. Connection and logon are those of
 * zarafa-admin (admin.cfg, {@code -h}, trusted local logon or ZARAFA_USER/ZARAFA_PASSWORD), through
 * {@link SoapTool}. Every failure is one line on stderr starting {@code zarafa-set-oof: } and exit
 * code 1.
 */
public final class ZarafaSetOof {
    public static final String CLIENT_APP = "zarafa-set-oof";
    static final String PREFIX = CLIENT_APP + ": ";
    static final String USAGE = "Usage: zarafa-set-oof [-h <server url>] [-c <config>] <username> 1|0 "
            + "[\"<subject>\" <text file>|-]";

    /** The real server, reached and logged on to as zarafa-admin does. */
    public static final Connector SERVER = (host, config) -> ServerConnection.open(host, config, CLIENT_APP, null);

    /** What to set, checked and read before connecting; subject and text null when not given. */
    record Request(String host, Path config, String user, boolean enabled, String subject, String text) {
        /** PR_EC_OUTOFOFFICE always; subject and text only when given. */
        List<PropValue> props() {
            List<PropValue> props = new ArrayList<>();
            props.add(PropValue.ofBool(PropTag.PR_EC_OUTOFOFFICE, enabled));
            if (subject != null) props.add(PropValue.ofString(PropTag.PR_EC_OUTOFOFFICE_SUBJECT, subject));
            if (text != null) props.add(PropValue.ofString(PropTag.PR_EC_OUTOFOFFICE_MSG, text));
            return props;
        }
    }

    @Command(name = CLIENT_APP, synopsisHeading = "", customSynopsis = USAGE, usageHelpWidth = 100,
            sortOptions = false, descriptionHeading = "%n", optionListHeading = "%nOptions:%n",
            description = {"Switch the out-of-office autoresponder of a user on (1) or off (0) and set its "
                    + "subject and text (read as UTF-8 from the file, or from standard input for -).",
                    "With 0 the subject and file may be left out.",
                    "Use -- before the positional arguments when the subject starts with a dash."},
            footer = {"", "Example: zarafa-set-oof john 1 \"I'm on holiday till the 30th of June\" /tmp/oof.txt"})
    static final class Options {
        @Option(names = {"-h", "--host"}, paramLabel = "<server url>",
                description = "Server URL, e.g. http://localhost:236/zarafa (default: server_socket of "
                        + "admin.cfg, else the local server of server.cfg).")
        String host;

        @Option(names = {"-c", "--config"}, paramLabel = "<config>",
                description = "admin.cfg to use (default $ZARAFA_CONFIG_DIR/admin.cfg or /etc/zarafa/admin.cfg).")
        Path config;

        @Option(names = "--help", usageHelp = true, description = "Show this help.")
        boolean help;

        @Parameters(paramLabel = "ARG", arity = "0..*", hidden = true)
        List<String> args = new ArrayList<>();
    }

    private ZarafaSetOof() {
    }

    public static void main(String[] args) {
        ZarafaClient.quietMetro();
        System.exit(run(args, System.out, System.err, System.in, SERVER));
    }

    public static int run(String[] args, PrintStream out, PrintStream err, InputStream stdin, Connector connector) {
        Request request;
        try {
            request = parse(args, stdin);
        } catch (HelpRequested | Failure e) {
            return SoapTool.report(e, PREFIX, USAGE, out, err);
        }
        ServerConnection connection = SoapTool.connect(connector, request.host(), request.config(), PREFIX, err);
        if (connection == null) {
            return 1;
        }
        return SoapTool.execute(connection, PREFIX, err, "set out of office for " + request.user(),
                (cmd, session) -> {
                    apply(cmd, session, request);
                    out.println("Out of office for " + request.user() + " switched "
                            + (request.enabled() ? "on" : "off"));
                });
    }

    /**
     * Checks the command line and reads the text; touches no server.
     *
     * @throws HelpRequested for --help
     * @throws UsageFailure wrong number of arguments or an unknown option
     * @throws Failure a wrong 1|0 value, or a text file that cannot be read
     */
    static Request parse(String[] args, InputStream stdin) throws HelpRequested, Failure {
        Options o = new Options();
        SoapTool.parse(o, args);
        List<String> a = o.args;
        if (a.isEmpty()) {
            throw new UsageFailure("missing <username> and 1|0");
        }
        if (a.size() > 4) {
            throw new UsageFailure("too many arguments (put the subject in quotes)");
        }
        String user = a.get(0).strip();
        if (user.isEmpty()) {
            throw new UsageFailure("empty <username>");
        }
        if (a.size() < 2) {
            throw new UsageFailure("missing 1|0 after the username");
        }
        boolean enabled = switch (a.get(1).strip()) {
            case "1" -> true;
            case "0" -> false;
            default -> throw new Failure("the second argument must be 1 (on) or 0 (off), not \"" + a.get(1) + "\"");
        };
        if (enabled && a.size() < 4) {
            throw new UsageFailure("switching out of office on needs a subject and a text file (or - for "
                    + "standard input)");
        }
        String subject = a.size() >= 3 ? a.get(2) : null;
        String text = a.size() >= 4 ? readText(a.get(3), stdin) : null;
        return new Request(o.host, o.config, user, enabled, subject, text);
    }

    /** The whole file (or standard input for {@code -}) as UTF-8, without a byte order mark. */
    static String readText(String name, InputStream stdin) throws Failure {
        byte[] bytes;
        String what = "-".equals(name) ? "standard input" : name;
        try {
            bytes = "-".equals(name) ? stdin.readAllBytes() : Files.readAllBytes(Path.of(name));
        } catch (NoSuchFileException e) {
            throw new Failure("cannot read " + what + ": no such file");
        } catch (AccessDeniedException e) {
            throw new Failure("cannot read " + what + ": permission denied");
        } catch (IOException | RuntimeException e) {
            String m = e.getMessage();
            throw new Failure("cannot read " + what + (m == null || m.isBlank() ? "" : ": " + m.strip()));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new Failure("cannot read " + what + ": not UTF-8 text");
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** The two SOAP calls: the user's store, then its root object's properties. */
    static void apply(ZarafaCmd cmd, String session, Request request) throws Failure {
        StoreInfo store;
        try {
            store = cmd.getStore(session, request.user());
        } catch (MapiException e) {
            throw new Failure(SoapTool.line("open the store of " + request.user(), e));
        }
        if (store == null || store.storeId == null) {
            throw new Failure("user " + request.user() + " has no store");
        }
        try {
            cmd.setProps(session, store.storeId, request.props());
        } catch (MapiException e) {
            throw new Failure(SoapTool.line("set out of office for " + request.user(), e));
        }
    }
}
