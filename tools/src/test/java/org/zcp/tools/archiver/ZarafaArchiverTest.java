package org.zcp.tools.archiver;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jws.WebService;
import jakarta.xml.ws.Endpoint;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zcp.api.mapi.MapiError;
import org.zcp.api.soap.ArchiveInfo;
import org.zcp.api.soap.MapiException;
import org.zcp.tools.admin.FakeZarafaCmd;
import org.zcp.tools.soap.ConnectionException;
import org.zcp.tools.soap.ServerConnection;
import org.zcp.tools.soap.SoapTool.Connector;

/** zarafa-archiver (manual 6.7) against the in-memory server, which keeps the attached archives. */
class ZarafaArchiverTest {
    private static final String URL = "http://localhost:236/zarafa";

    /**
     * The fake server, which keeps the attached archives as the server does (ZarafaCmdContract),
     * noting the archive calls the tool makes.
     */
    @WebService(endpointInterface = "org.zcp.api.soap.ZarafaCmd", targetNamespace = "urn:zarafa",
            serviceName = "ZarafaCmd", portName = "ZarafaCmdPort")
    public static class ArchiveServer extends FakeZarafaCmd {
        public final List<String> requests = new ArrayList<>();

        @Override
        public void attachArchive(String sessionId, String userName, String archiveUser, String folder)
                throws MapiException {
            requests.add("attach " + userName + " " + archiveUser + " " + folder);
            super.attachArchive(sessionId, userName, archiveUser, folder);
        }

        @Override
        public void detachArchive(String sessionId, String userName, String archiveUser) throws MapiException {
            requests.add("detach " + userName + " " + archiveUser);
            super.detachArchive(sessionId, userName, archiveUser);
        }

        @Override
        public List<ArchiveInfo> listArchives(String sessionId, String userName) throws MapiException {
            requests.add("list " + userName);
            return super.listArchives(sessionId, userName);
        }
    }

    @TempDir
    Path dir;

    private ArchiveServer server = new ArchiveServer();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private int connects;
    private String connectedHost;
    private Path connectedConfig;

    {
        addUsers(server);
    }

    private static void addUsers(FakeZarafaCmd s) {
        s.addUser("john", "John Doe");
        s.addUser("mary", "Mary Major");
        s.addUser("archive", "Archive");
        s.addUser("archive-2011-long-name", "Old archive");
    }

    private int run(String... args) {
        return run(args, (host, config) -> {
            connects++;
            connectedHost = host;
            connectedConfig = config;
            return ServerConnection.of(server, FakeZarafaCmd.SESSION, URL);
        });
    }

    private int run(String[] args, Connector connector) {
        return ZarafaArchiver.run(args, new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8),
                connector);
    }

    private String out() {
        return out.toString(UTF_8);
    }

    private String err() {
        return err.toString(UTF_8);
    }

    /** One line on stderr starting with the tool's name, exit 1, nothing on stdout. */
    private void assertOneLineFailure(int code, String line) {
        assertThat(code).isEqualTo(1);
        assertThat(err()).isEqualTo("zarafa-archiver: " + line + "\n");
        assertThat(out()).isEmpty();
    }

    /** The problem and the usage line on stderr, exit 1, the server never contacted. */
    private void assertUsage(int code, String contains) {
        assertThat(code).isEqualTo(1);
        assertThat(err().lines()).hasSize(2);
        assertThat(err().lines().findFirst().orElseThrow()).startsWith("zarafa-archiver: ").contains(contains);
        assertThat(err()).endsWith(ZarafaArchiver.USAGE + "\n");
        assertThat(out()).isEmpty();
        assertThat(connects).isZero();
    }

    private void assertUnsupported(int code, String option) {
        assertOneLineFailure(code, option + " is not supported; archiving happens at delivery and sending "
                + "(archive_on_delivery, archive_on_send)");
        assertThat(connects).isZero();
    }

    // ---- attach --------------------------------------------------------------------------

    @Test
    void attachWithoutFolderUsesTheUsersName() {
        int code = run("-u", "john", "--attach-to", "archive");

        assertThat(code).isZero();
        assertThat(err()).isEmpty();
        assertThat(out()).isEqualTo("Attached archive archive (folder john) to john\n");
        assertThat(server.requests).containsExactly("attach john archive null", "list john");
        assertThat(server.archives.get("john")).containsExactly(Map.entry("archive", "john"));
        assertThat(server.loggedOff).isTrue();
        assertThat(connectedHost).isNull();
        assertThat(connectedConfig).isNull();
    }

    @Test
    void attachWithFolder() {
        int code = run("-u", "john", "--attach-to", "archive", "--archive-folder", "John Doe 2012");

        assertThat(code).isZero();
        assertThat(err()).isEmpty();
        assertThat(out()).isEqualTo("Attached archive archive (folder John Doe 2012) to john\n");
        assertThat(server.requests.get(0)).isEqualTo("attach john archive John Doe 2012");
        assertThat(server.archives.get("john")).containsExactly(Map.entry("archive", "John Doe 2012"));
    }

    @Test
    void theFolderShownIsTheOneTheServerChose() {
        // multi-tenant: the folder is the user's name without the company part of the login
        server.addCompany("acme", null);
        server.addUser("jack@acme", "Jack");
        server.addUser("vault@acme", "Vault");

        int code = run("--user=jack@acme", "--attach-to=vault@acme");

        assertThat(code).isZero();
        assertThat(out()).isEqualTo("Attached archive vault@acme (folder jack) to jack@acme\n");
    }

    @Test
    void theOriginalsShortOptionsWork() {
        int code = run("-u", "john", "-a", "archive", "-f", "mail");

        assertThat(code).isZero();
        assertThat(out()).isEqualTo("Attached archive archive (folder mail) to john\n");
    }

    @Test
    void anEmptyFolderMeansTheDefault() {
        int code = run("-u", "john", "--attach-to", "archive", "--archive-folder", " ");

        assertThat(code).isZero();
        assertThat(server.requests.get(0)).isEqualTo("attach john archive null");
        assertThat(out()).isEqualTo("Attached archive archive (folder john) to john\n");
    }

    @Test
    void whenTheListAfterAttachingFailsTheExpectedFolderIsShown() {
        server = new ArchiveServer() {
            @Override
            public List<ArchiveInfo> listArchives(String sessionId, String userName) throws MapiException {
                throw new MapiException(MapiError.MAPI_E_NO_ACCESS, "no");
            }
        };
        addUsers(server);

        int code = run("-u", "john", "--attach-to", "archive", "--archive-folder", "old mail");

        assertThat(code).isZero();
        assertThat(err()).isEmpty();
        assertThat(out()).isEqualTo("Attached archive archive (folder old mail) to john\n");
    }

    @Test
    void hostAndConfigGoToTheConnection() throws Exception {
        Path cfg = Files.writeString(dir.resolve("archiver.cfg"), "");

        int code = run("-h", "https://mail.example.com:237/zarafa", "--config", cfg.toString(), "-u", "john",
                "--attach-to", "archive");

        assertThat(code).isZero();
        assertThat(connectedHost).isEqualTo("https://mail.example.com:237/zarafa");
        assertThat(connectedConfig).isEqualTo(cfg);
    }

    // ---- detach --------------------------------------------------------------------------

    @Test
    void detach() {
        server.archives.put("john", new LinkedHashMap<>(Map.of("archive", "john")));

        int code = run("-u", "john", "--detach-from", "archive");

        assertThat(code).isZero();
        assertThat(err()).isEmpty();
        assertThat(out()).isEqualTo("Detached archive archive from john\n");
        assertThat(server.requests).containsExactly("detach john archive");
        assertThat(server.archives.get("john")).isEmpty();
        assertThat(server.loggedOff).isTrue();
    }

    @Test
    void detachWithTheOriginalsShortOption() {
        server.archives.put("john", new LinkedHashMap<>(Map.of("archive", "john")));

        int code = run("-d", "archive", "-u", "john");

        assertThat(code).isZero();
        assertThat(out()).isEqualTo("Detached archive archive from john\n");
    }

    @Test
    void detachingAnArchiveThatIsNotAttachedIsTheServersNotFound() {
        int code = run("-u", "john", "--detach-from", "archive");

        assertOneLineFailure(code, "Unable to detach archive archive from john: MAPI_E_NOT_FOUND "
                + "(archive is not an archive of john not found)");
        assertThat(server.loggedOff).isTrue();
    }

    // ---- list ----------------------------------------------------------------------------

    @Test
    void listWithOneArchiveIsTheManualsTable() {
        server.archives.put("john", new LinkedHashMap<>(Map.of("archive", "john")));

        int code = run("-u", "john", "-l");

        assertThat(code).isZero();
        assertThat(err()).isEmpty();
        assertThat(out()).isEqualTo("""
                User 'john' has 1 attached archive(s):
                        Archive user      Folder
                        ------------------------------
                        archive           john
                """);
        assertThat(server.requests).containsExactly("list john");
        assertThat(server.loggedOff).isTrue();
    }

    @Test
    void listWidensTheColumnForLongNames() {
        Map<String, String> attached = new LinkedHashMap<>();
        attached.put("archive", "john");
        attached.put("archive-2011-long-name", "John Doe (2011)");
        server.archives.put("john", attached);

        int code = run("--list-archives", "--user", "john");

        assertThat(code).isZero();
        assertThat(out()).isEqualTo("""
                User 'john' has 2 attached archive(s):
                        Archive user            Folder
                        ---------------------------------------
                        archive                 john
                        archive-2011-long-name  John Doe (2011)
                """);
    }

    @Test
    void theOriginalsLongListOptionWorksToo() {
        int code = run("-u", "mary", "--list");

        assertThat(code).isZero();
        assertThat(out()).isEqualTo("User 'mary' has no attached archives\n");
    }

    @Test
    void listWithoutArchives() {
        int code = run("-u", "john", "-l");

        assertThat(code).isZero();
        assertThat(err()).isEmpty();
        assertThat(out()).isEqualTo("User 'john' has no attached archives\n");
    }

    // ---- server faults -------------------------------------------------------------------

    @Test
    void unknownUserIsTheServersNotFoundOnOneLine() {
        int code = run("-u", "bob", "--attach-to", "archive");

        assertOneLineFailure(code, "Unable to attach archive archive to bob: MAPI_E_NOT_FOUND (user bob not found)");
        assertThat(server.loggedOff).isTrue();
    }

    @Test
    void unknownArchiveUserIsTheServersNotFound() {
        int code = run("-u", "john", "--attach-to", "nobody");

        assertOneLineFailure(code,
                "Unable to attach archive nobody to john: MAPI_E_NOT_FOUND (user nobody not found)");
    }

    @Test
    void unknownUserOnListIsOneLine() {
        int code = run("-u", "bob", "-l");

        assertOneLineFailure(code, "Unable to list the archives of bob: MAPI_E_NOT_FOUND (user bob not found)");
    }

    @Test
    void attachingTwiceIsTheServersCollision() {
        server.archives.put("john", new LinkedHashMap<>(Map.of("archive", "john")));

        int code = run("-u", "john", "--attach-to", "archive");

        assertOneLineFailure(code, "Unable to attach archive archive to john: MAPI_E_COLLISION "
                + "(john is already attached to archive)");
        assertThat(server.requests).containsExactly("attach john archive null");
    }

    @Test
    void aUserAsHisOwnArchiveIsTheServersInvalidParameter() {
        int code = run("-u", "john", "--attach-to", "john");

        assertOneLineFailure(code, "Unable to attach archive john to john: MAPI_E_INVALID_PARAMETER "
                + "(a user cannot be his own archive)");
    }

    @Test
    void noAccessIsOneLine() {
        server = new ArchiveServer() {
            @Override
            public void attachArchive(String sessionId, String userName, String archiveUser, String folder)
                    throws MapiException {
                throw new MapiException(MapiError.MAPI_E_NO_ACCESS, "not an administrator");
            }
        };

        int code = run("-u", "john", "--attach-to", "archive");

        assertOneLineFailure(code,
                "Unable to attach archive archive to john: MAPI_E_NO_ACCESS (not an administrator)");
    }

    @Test
    void unreachableServerIsOneLine() {
        int code = run(new String[] {"-u", "john", "-l"}, (host, config) -> {
            throw new ConnectionException("The server is not running, or not accessible through "
                    + "\"http://localhost:236/zarafa\": Connection refused");
        });

        assertOneLineFailure(code, "The server is not running, or not accessible through "
                + "\"http://localhost:236/zarafa\": Connection refused");
    }

    @Test
    void refusedLogonIsOneLine() {
        int code = run(new String[] {"-u", "john", "-l"}, (host, config) -> {
            throw new MapiException(MapiError.MAPI_E_LOGON_FAILED, "wrong user name or password");
        });

        assertOneLineFailure(code, "Unable to log on: MAPI_E_LOGON_FAILED (wrong user name or password)");
    }

    // ---- usage ---------------------------------------------------------------------------

    @Test
    void noArgumentsPrintsTheUsage() {
        assertUsage(run(), "nothing to do: give --attach-to, --detach-from or -l");
    }

    @Test
    void aUserAloneIsNothingToDo() {
        assertUsage(run("-u", "john"), "nothing to do");
    }

    @Test
    void twoModesPrintTheUsage() {
        assertUsage(run("-u", "john", "--attach-to", "archive", "-l"),
                "give only one of --attach-to, --detach-from and -l");
    }

    @Test
    void attachAndDetachTogetherPrintTheUsage() {
        assertUsage(run("-u", "john", "--attach-to", "archive", "--detach-from", "archive"), "only one of");
    }

    @Test
    void missingUserPrintsTheUsage() {
        assertUsage(run("--attach-to", "archive"), "missing -u <user>");
    }

    @Test
    void emptyUserPrintsTheUsage() {
        assertUsage(run("-u", " ", "-l"), "empty user name");
    }

    @Test
    void emptyArchiveUserPrintsTheUsage() {
        assertUsage(run("-u", "john", "--attach-to", ""), "empty archive user name");
    }

    @Test
    void archiveFolderWithoutAttachPrintsTheUsage() {
        assertUsage(run("-u", "john", "--detach-from", "archive", "--archive-folder", "john"),
                "--archive-folder goes with --attach-to only");
    }

    @Test
    void aPositionalArgumentPrintsTheUsage() {
        assertUsage(run("-u", "john", "-l", "extra"), "unexpected argument \"extra\"");
    }

    @Test
    void anUnknownOptionPrintsTheUsage() {
        assertUsage(run("-x", "-u", "john", "-l"), "-x");
    }

    @Test
    void attachWithoutArchiveUserPrintsTheUsage() {
        assertUsage(run("-u", "john", "--attach-to"), "--attach-to");
    }

    @Test
    void hostWithoutValuePrintsTheUsage() {
        assertUsage(run("-u", "john", "-l", "-h"), "-h");
    }

    @Test
    void helpPrintsUsageAndOptionsOnStandardOutput() {
        int code = run("--help");

        assertThat(code).isZero();
        assertThat(err()).isEmpty();
        assertThat(out()).startsWith("""
                Usage: zarafa-archiver [-h <server url>] [-c <config>] -u <user> --attach-to <archive user>
                                       [--archive-folder <folder>]
                       zarafa-archiver [-h <server url>] [-c <config>] -u <user> --detach-from <archive user>
                       zarafa-archiver [-h <server url>] [-c <config>] -u <user> -l|--list-archives

                Attach archives to a user""")
                .contains("-u, --user=<user>")
                .contains("-a, --attach-to=<archive user>")
                .contains("-f, --archive-folder=<folder>")
                .contains("-d, --detach-from=<archive user>")
                .contains("-l, --list, --list-archives")
                .contains("-h, --host=<server url>")
                .contains("-c, --config=<config>")
                .contains("--help")
                .contains("archive_on_delivery")
                .contains("zarafa-archiver -u john --attach-to archive")
                .doesNotContain("--cleanup")
                .doesNotContain("--writable");
        assertThat(connects).isZero();
    }

    // ---- the original's archiving runs ---------------------------------------------------

    @Test
    void archiveRunIsNotSupported() {
        assertUnsupported(run("-A"), "-A");
    }

    @Test
    void archiveRunForAUserIsNotSupportedEither() {
        assertUnsupported(run("-u", "john", "--archive"), "--archive");
    }

    @Test
    void cleanupIsNotSupported() {
        assertUnsupported(run("-C", "--local-only"), "-C");
    }

    @Test
    void localOnlyIsNotSupported() {
        assertUnsupported(run("--local-only", "-u", "john", "-l"), "--local-only");
    }

    @Test
    void theOriginalsOtherOptionsAreRefusedWithTheirReason() {
        int code = run("-u", "john", "--attach-to", "archive", "-w");

        assertOneLineFailure(code, "-w is not supported; attaching grants the user no rights on the archive store");
        assertThat(connects).isZero();
    }

    @Test
    void detachByNumberIsRefused() {
        int code = run("-u", "john", "-D", "1");

        assertOneLineFailure(code, "-D is not supported; detach with --detach-from <archive user>");
        assertThat(connects).isZero();
    }

    @Test
    void archiveServerIsRefused() {
        int code = run("-u", "john", "--attach-to", "archive", "--archive-server=https://other:237/zarafa");

        assertOneLineFailure(code, "--archive-server is not supported; an archive is a store on this server");
    }

    // ---- configuration and the real connection -------------------------------------------

    @Test
    void theDefaultConfigIsArchiverCfgWhenItExistsElseAdminCfg() throws Exception {
        Map<String, String> env = Map.of("ZARAFA_CONFIG_DIR", dir.toString());

        assertThat(ZarafaArchiver.defaultConfig(env)).isEqualTo(dir.resolve("admin.cfg"));
        Files.writeString(dir.resolve("archiver.cfg"), "");
        assertThat(ZarafaArchiver.defaultConfig(env)).isEqualTo(dir.resolve("archiver.cfg"));
    }

    @Test
    void aWrongConfigLineIsReportedBeforeLoggingOn() throws Exception {
        Path cfg = Files.writeString(dir.resolve("archiver.cfg"), "no_such_option = 1\n");

        int code = run(new String[] {"-c", cfg.toString(), "-u", "john", "-l"}, ZarafaArchiver.SERVER);

        assertThat(code).isEqualTo(1);
        assertThat(err()).startsWith("zarafa-archiver: " + cfg + " line 1: unknown option 'no_such_option'");
        assertThat(out()).isEmpty();
    }

    /**
     * The main program's connector over SOAP: an original archiver.cfg from -c (its archiving and
     * database settings accepted), the server.cfg next to it for the trusted local logon, -h for the URL.
     */
    @Test
    void realConnectionOverSoapWithAnOriginalArchiverCfg() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port + "/zarafa";
        Endpoint endpoint = Endpoint.publish(url, server);
        try {
            Files.createDirectories(dir.resolve("run"));
            Files.writeString(dir.resolve("run/zarafa-admin.token"), "s3cret\n");
            // the local server of this server.cfg listens on the URL's port: the token may go there
            Files.writeString(dir.resolve("server.cfg"), "pid_file = " + dir.resolve("run/zarafa-server.pid")
                    + "\nlocal_admin_users = " + System.getProperty("user.name") + "\nserver_tcp_port = " + port + "\n");
            Path cfg = Files.writeString(dir.resolve("archiver.cfg"), """
                    server_socket = file:///var/run/zarafa
                    sslkey_file =
                    archive_enable = yes
                    archive_after = 30
                    stub_enable = no
                    cleanup_action = store
                    log_method = file
                    log_file = /var/log/zarafa/archiver.log
                    mysql_host = localhost
                    mysql_database = zarafa-archiver
                    """);

            int code = run(new String[] {"-c", cfg.toString(), "-h", url, "-u", "john", "--attach-to", "archive"},
                    ZarafaArchiver.SERVER);

            assertThat(err()).isEmpty();
            assertThat(code).isZero();
            assertThat(out()).isEqualTo("Attached archive archive (folder john) to john\n");
            assertThat(server.lastLogon).isEqualTo("localAdminLogon " + System.getProperty("user.name")
                    + " zarafa-archiver");
            assertThat(server.archives.get("john")).containsExactly(Map.entry("archive", "john"));
            assertThat(server.loggedOff).isTrue();

            out.reset();
            code = run(new String[] {"-c", cfg.toString(), "-h", url, "-u", "john", "-l"}, ZarafaArchiver.SERVER);

            assertThat(code).isZero();
            assertThat(out()).contains("User 'john' has 1 attached archive(s):")
                    .contains("        archive           john\n");
        } finally {
            endpoint.stop();
        }
    }
}
