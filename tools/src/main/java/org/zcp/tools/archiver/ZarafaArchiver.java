package org.zcp.tools.archiver;

import jakarta.xml.ws.WebServiceException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.zcp.api.config.ConfigSchema;
import org.zcp.api.soap.ArchiveInfo;
import org.zcp.api.soap.MapiException;
import org.zcp.api.soap.ZarafaCmd;
import org.zcp.tools.soap.ServerConnection;
import org.zcp.tools.soap.ServerLocation;
import org.zcp.tools.soap.SoapTool;
import org.zcp.tools.soap.SoapTool.Connector;
import org.zcp.tools.soap.SoapTool.Failure;
import org.zcp.tools.soap.SoapTool.HelpRequested;
import org.zcp.tools.soap.SoapTool.UsageFailure;
import org.zcp.tools.soap.ZarafaClient;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * zarafa-archiver: attaches archives to users, detaches and lists them (manual 6.7 "Tracking
 * messages with Zarafa Archiver"). An archive is the store of another (usually non-active) user;
 * archive on delivery (dagent.cfg {@code archive_on_delivery}) and archive on send (spooler.cfg
 * {@code archive_on_send}) put a copy of each message into every archive attached to the user,
 * below a folder of the archive store named after the user unless given.
 *
 * <pre>
 * zarafa-archiver -u john --attach-to archive [--archive-folder john]
 * zarafa-archiver -u john --detach-from archive
 * zarafa-archiver -u john -l
 * </pre>
 *
 * <p>Only the original's management options exist: archiving happens on the server at delivery and
 * sending, so the options for the original's archiving runs ({@code -A}, {@code -C}, ...) are
 * refused with one line. The command line is checked before the server is contacted
 * ({@link #parse}); {@link #apply} then makes the SOAP calls. Connection and logon are those of
 * zarafa-admin ({@code -h}, trusted local logon or ZARAFA_USER/ZARAFA_PASSWORD), with archiver.cfg
 * ({@link #SCHEMA}) or else admin.cfg as the configuration file. Every failure is one line on
 * stderr starting {@code zarafa-archiver: } and exit code 1.
 */
public final class ZarafaArchiver {
    public static final String CLIENT_APP = "zarafa-archiver";
    static final String PREFIX = CLIENT_APP + ": ";
    static final String USAGE = "Usage: zarafa-archiver [-h <server url>] [-c <config>] -u <user> "
            + "(--attach-to <archive user> [--archive-folder <folder>] | --detach-from <archive user> | -l)";

    /** The usage line of --help, one form a line (picocli would wrap {@link #USAGE} at 100 columns). */
    private static final String HELP_SYNOPSIS_ATTACH =
            "Usage: zarafa-archiver [-h <server url>] [-c <config>] -u <user> --attach-to <archive user>";
    private static final String HELP_SYNOPSIS_FOLDER = "                       [--archive-folder <folder>]";
    private static final String HELP_SYNOPSIS_DETACH =
            "       zarafa-archiver [-h <server url>] [-c <config>] -u <user> --detach-from <archive user>";
    private static final String HELP_SYNOPSIS_LIST =
            "       zarafa-archiver [-h <server url>] [-c <config>] -u <user> -l|--list-archives";

    /** Why the options of the original's archiving runs are refused. */
    static final String ARCHIVING_RUNS = "archiving happens at delivery and sending "
            + "(archive_on_delivery, archive_on_send)";

    /** The original's other options, by their long name, with why they are refused. */
    private static final Map<String, String> UNSUPPORTED = Map.of(
            "--archive", ARCHIVING_RUNS,
            "--cleanup", ARCHIVING_RUNS,
            "--local-only", ARCHIVING_RUNS,
            "--force-cleanup", ARCHIVING_RUNS,
            "--auto-attach", "attach archives with --attach-to",
            "--list-archiveusers", "list the archives of a user with -u <user> -l",
            "--detach", "detach with --detach-from <archive user>",
            "--archive-server", "an archive is a store on this server",
            "--no-folder", "an archive goes below a folder of the archive store (--archive-folder)",
            "--writable", "attaching grants the user no rights on the archive store");

    /**
     * archiver.cfg: how to reach the server (as admin.cfg) plus the original's settings for its
     * archiving runs and its database, accepted so that an existing file can be given but unused.
     */
    static final ConfigSchema SCHEMA = ConfigSchema.builder("archiver")
            .string("server_socket", ServerLocation.DEFAULT_URL)
            .string("sslkey_file", "")
            .string("sslkey_pass", "")
            .string("archive_enable", "yes")
            .string("archive_after", "30")
            .string("stub_enable", "no")
            .string("stub_unread", "no")
            .string("stub_after", "0")
            .string("delete_enable", "no")
            .string("delete_unread", "no")
            .string("delete_after", "0")
            .string("purge_enable", "no")
            .string("purge_after", "2555")
            .string("track_history", "no")
            .string("cleanup_action", "store")
            .string("cleanup_follow_purge_after", "no")
            .string("enable_auto_attach", "no")
            .string("auto_attach_writable", "yes")
            .string("log_method", "file")
            .string("log_file", "-")
            .string("log_level", "2")
            .string("log_timestamp", "yes")
            .string("mysql_host", "localhost")
            .string("mysql_port", "3306")
            .string("mysql_user", "root")
            .string("mysql_password", "")
            .string("mysql_database", "zarafa-archiver")
            .string("mysql_socket", "")
            .string("purge-soft-deleted", "no")
            .build();

    /** The real server, reached and logged on to as zarafa-admin does, configured by archiver.cfg or admin.cfg. */
    public static final Connector SERVER = (host, config) -> {
        Map<String, String> env = System.getenv();
        ServerLocation location = ServerLocation.resolve(host, config != null ? config : defaultConfig(env), env,
                SCHEMA, "archiver.cfg");
        return ServerConnection.open(location, CLIENT_APP, null);
    };

    enum Mode { ATTACH, DETACH, LIST }

    /** What to do, checked before connecting; folder null unless given for ATTACH. */
    record Request(String host, Path config, Mode mode, String user, String archiveUser, String folder) {
        /** For an unexpected SOAP fault: "Unable to ...". */
        String what() {
            return switch (mode) {
                case ATTACH -> "attach archive " + archiveUser + " to " + user;
                case DETACH -> "detach archive " + archiveUser + " from " + user;
                case LIST -> "list the archives of " + user;
            };
        }
    }

    @Command(name = CLIENT_APP, synopsisHeading = "", usageHelpWidth = 100, customSynopsis = {HELP_SYNOPSIS_ATTACH,
            HELP_SYNOPSIS_FOLDER, HELP_SYNOPSIS_DETACH, HELP_SYNOPSIS_LIST},
            sortOptions = false, descriptionHeading = "%n", optionListHeading = "%nOptions:%n",
            description = {"Attach archives to a user, detach them and list them (manual 6.7). An archive is "
                    + "the store of another (usually non-active) user. With archive_on_delivery (dagent.cfg) "
                    + "and archive_on_send (spooler.cfg) a copy of each message the user receives or sends is "
                    + "put into every archive attached to the user, below the archive's folder for this user.",
                    "Archiving happens at delivery and sending: the original's archiving runs (-A, -C, ...) "
                    + "are not needed."},
            footer = {"", "Examples:",
                    "  zarafa-archiver -u john --attach-to archive",
                    "  zarafa-archiver -u john --attach-to archive --archive-folder \"John Doe\"",
                    "  zarafa-archiver -u john --detach-from archive",
                    "  zarafa-archiver -u john -l"})
    static final class Options {
        @Option(names = {"-u", "--user"}, paramLabel = "<user>", description = "The user whose archives to manage.")
        String user;

        @Option(names = {"-a", "--attach-to"}, paramLabel = "<archive user>",
                description = "Attach the store of <archive user> to the user as an archive.")
        String attachTo;

        @Option(names = {"-f", "--archive-folder"}, paramLabel = "<folder>",
                description = "With --attach-to: the folder of the archive store below which the user's "
                        + "messages are archived (default: the user's name).")
        String folder;

        @Option(names = {"-d", "--detach-from"}, paramLabel = "<archive user>",
                description = "Detach the archive in the store of <archive user> from the user; what is "
                        + "archived there stays.")
        String detachFrom;

        @Option(names = {"-l", "--list-archives", "--list"}, description = "List the archives attached to the user.")
        boolean list;

        @Option(names = {"-h", "--host"}, paramLabel = "<server url>",
                description = "Server URL, e.g. http://localhost:236/zarafa (default: server_socket of the "
                        + "configuration file, else the local server of server.cfg).")
        String host;

        @Option(names = {"-c", "--config"}, paramLabel = "<config>",
                description = "archiver.cfg or admin.cfg to use (default $ZARAFA_CONFIG_DIR/archiver.cfg when it "
                        + "exists, else admin.cfg; $ZARAFA_CONFIG_DIR defaults to /etc/zarafa).")
        Path config;

        @Option(names = "--help", usageHelp = true, description = "Show this help.")
        boolean help;

        // ---- the original's options that are refused (UNSUPPORTED) ----

        @Option(names = {"-A", "--archive"}, hidden = true)
        boolean archive;

        @Option(names = {"-C", "--cleanup"}, hidden = true)
        boolean cleanup;

        @Option(names = "--local-only", hidden = true)
        boolean localOnly;

        @Option(names = "--force-cleanup", hidden = true)
        boolean forceCleanup;

        @Option(names = "--auto-attach", hidden = true)
        boolean autoAttach;

        @Option(names = {"-L", "--list-archiveusers"}, hidden = true)
        boolean listArchiveUsers;

        @Option(names = {"-D", "--detach"}, hidden = true)
        String detachIndex;

        @Option(names = {"-s", "--archive-server"}, hidden = true)
        String archiveServer;

        @Option(names = {"-N", "--no-folder"}, hidden = true)
        boolean noFolder;

        @Option(names = {"-w", "--writable"}, hidden = true)
        boolean writable;

        @Parameters(paramLabel = "ARG", arity = "0..*", hidden = true)
        List<String> args = new ArrayList<>();
    }

    private ZarafaArchiver() {
    }

    public static void main(String[] args) {
        ZarafaClient.quietMetro();
        System.exit(run(args, System.out, System.err, SERVER));
    }

    public static int run(String[] args, PrintStream out, PrintStream err, Connector connector) {
        Request request;
        try {
            request = parse(args);
        } catch (HelpRequested | Failure e) {
            return SoapTool.report(e, PREFIX, USAGE, out, err);
        }
        ServerConnection connection = SoapTool.connect(connector, request.host(), request.config(), PREFIX, err);
        if (connection == null) {
            return 1;
        }
        return SoapTool.execute(connection, PREFIX, err, request.what(),
                (cmd, session) -> apply(cmd, session, request, out));
    }

    /**
     * Checks the command line; touches no server.
     *
     * @throws HelpRequested for --help
     * @throws UsageFailure no or more than one of --attach-to, --detach-from and -l, no user, an
     *     unknown option, ...
     * @throws Failure one of the original's options that are not supported
     */
    static Request parse(String[] args) throws HelpRequested, Failure {
        Options o = new Options();
        CommandLine cl = SoapTool.parse(o, args);
        for (OptionSpec spec : cl.getParseResult().matchedOptions()) {
            String why = UNSUPPORTED.get(spec.longestName());
            if (why != null) {
                throw new Failure(typedName(spec, cl.getParseResult().originalArgs()) + " is not supported; " + why);
            }
        }
        if (!o.args.isEmpty()) {
            throw new UsageFailure("unexpected argument \"" + o.args.get(0) + "\"");
        }
        int modes = (o.attachTo != null ? 1 : 0) + (o.detachFrom != null ? 1 : 0) + (o.list ? 1 : 0);
        if (modes == 0) {
            throw new UsageFailure("nothing to do: give --attach-to, --detach-from or -l");
        }
        if (modes > 1) {
            throw new UsageFailure("give only one of --attach-to, --detach-from and -l");
        }
        if (o.user == null) {
            throw new UsageFailure("missing -u <user>");
        }
        String user = o.user.strip();
        if (user.isEmpty()) {
            throw new UsageFailure("empty user name");
        }
        if (o.folder != null && o.attachTo == null) {
            throw new UsageFailure("--archive-folder goes with --attach-to only");
        }
        if (o.list) {
            return new Request(o.host, o.config, Mode.LIST, user, null, null);
        }
        String archive = (o.attachTo != null ? o.attachTo : o.detachFrom).strip();
        if (archive.isEmpty()) {
            throw new UsageFailure("empty archive user name");
        }
        if (o.attachTo == null) {
            return new Request(o.host, o.config, Mode.DETACH, user, archive, null);
        }
        String folder = o.folder == null || o.folder.isBlank() ? null : o.folder.strip();
        return new Request(o.host, o.config, Mode.ATTACH, user, archive, folder);
    }

    /** The option's name as it was typed ({@code -A} or {@code --archive}), else its shortest name. */
    private static String typedName(OptionSpec spec, List<String> args) {
        for (String a : args) {
            if ("--".equals(a)) {
                break;
            }
            for (String n : spec.names()) {
                boolean isLong = n.startsWith("--");
                if (a.equals(n) || (isLong && a.startsWith(n + "=")) || (!isLong && !a.startsWith("--")
                        && a.startsWith(n))) {
                    return n;
                }
            }
        }
        return spec.shortestName();
    }

    /** $ZARAFA_CONFIG_DIR/archiver.cfg when it exists, else admin.cfg there (the appliance ships only admin.cfg). */
    static Path defaultConfig(Map<String, String> env) {
        String d = env.get(ServerLocation.CONFIG_DIR_ENV);
        Path dir = d == null || d.isBlank() ? ServerLocation.DEFAULT_CONFIG_DIR : Path.of(d);
        Path archiverCfg = dir.resolve("archiver.cfg");
        return Files.exists(archiverCfg) ? archiverCfg : dir.resolve("admin.cfg");
    }

    /** The SOAP call of the mode, and its one line (the table for -l) on {@code out}. */
    static void apply(ZarafaCmd cmd, String session, Request r, PrintStream out) throws Failure {
        switch (r.mode()) {
            case ATTACH -> {
                try {
                    cmd.attachArchive(session, r.user(), r.archiveUser(), r.folder());
                } catch (MapiException e) {
                    throw new Failure(SoapTool.line(r.what(), e));
                }
                out.println("Attached archive " + r.archiveUser() + " (folder " + attachedFolder(cmd, session, r)
                        + ") to " + r.user());
            }
            case DETACH -> {
                try {
                    cmd.detachArchive(session, r.user(), r.archiveUser());
                } catch (MapiException e) {
                    throw new Failure(SoapTool.line(r.what(), e));
                }
                out.println("Detached archive " + r.archiveUser() + " from " + r.user());
            }
            case LIST -> {
                List<ArchiveInfo> archives;
                try {
                    archives = cmd.listArchives(session, r.user());
                } catch (MapiException e) {
                    throw new Failure(SoapTool.line(r.what(), e));
                }
                out.print(table(r.user(), archives));
            }
        }
    }

    /**
     * The folder the server chose (the user's name as the directory spells it, unless given), asked
     * for after attaching; when that fails the attach still stands and the expected name is shown.
     */
    private static String attachedFolder(ZarafaCmd cmd, String session, Request r) {
        String expected = r.folder() != null ? r.folder() : r.user();
        try {
            List<ArchiveInfo> archives = cmd.listArchives(session, r.user());
            if (archives != null) {
                for (ArchiveInfo a : archives) {
                    if (a != null && a.archiveUser != null && a.folder != null && !a.folder.isBlank()
                            && a.archiveUser.equalsIgnoreCase(r.archiveUser())) {
                        return a.folder;
                    }
                }
            }
        } catch (MapiException | WebServiceException e) {
            // attached all the same
        }
        return expected;
    }

    /** The manual's listing: a header line, then the archives in two columns, or "no attached archives". */
    static String table(String user, List<ArchiveInfo> archives) {
        List<ArchiveInfo> rows = archives == null ? List.of() : archives.stream().filter(a -> a != null).toList();
        if (rows.isEmpty()) {
            return "User '" + user + "' has no attached archives" + System.lineSeparator();
        }
        int width = "Archive user".length() + 6;
        int folderWidth = "Folder".length();
        for (ArchiveInfo a : rows) {
            width = Math.max(width, text(a.archiveUser).length() + 2);
            folderWidth = Math.max(folderWidth, text(a.folder).length());
        }
        String indent = " ".repeat(8);
        StringBuilder sb = new StringBuilder();
        String nl = System.lineSeparator();
        sb.append("User '").append(user).append("' has ").append(rows.size()).append(" attached archive(s):").append(nl);
        sb.append(indent).append(pad("Archive user", width)).append("Folder").append(nl);
        sb.append(indent).append("-".repeat(Math.max(30, width + folderWidth))).append(nl);
        for (ArchiveInfo a : rows) {
            sb.append(indent).append(pad(text(a.archiveUser), width)).append(text(a.folder)).append(nl);
        }
        return sb.toString();
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(1, width - s.length()));
    }
}
