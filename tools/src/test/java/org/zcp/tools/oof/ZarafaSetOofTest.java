package org.zcp.tools.oof;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jws.WebService;
import jakarta.xml.ws.Endpoint;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zcp.api.mapi.MapiError;
import org.zcp.api.mapi.PropTag;
import org.zcp.api.soap.MapiException;
import org.zcp.api.soap.PropValue;
import org.zcp.tools.admin.FakeZarafaCmd;
import org.zcp.tools.soap.ConnectionException;
import org.zcp.tools.soap.ServerConnection;

/** zarafa-set-oof (manual 8.9) against an in-memory server with stores. */
class ZarafaSetOofTest {
    private static final String URL = "http://localhost:236/zarafa";

    /** The fake server, which keeps the properties of each store's root, noting the setProps calls. */
    @WebService(endpointInterface = "org.zcp.api.soap.ZarafaCmd", targetNamespace = "urn:zarafa",
            serviceName = "ZarafaCmd", portName = "ZarafaCmdPort")
    public static class StoreServer extends FakeZarafaCmd {
        public final List<String> setPropsTargets = new ArrayList<>();
        public final List<List<PropValue>> setPropsValues = new ArrayList<>();

        @Override
        public void setProps(String sessionId, String objectId, List<PropValue> props) throws MapiException {
            setPropsTargets.add(objectId);
            setPropsValues.add(props);
            super.setProps(sessionId, objectId, props);
        }
    }

    @TempDir
    Path dir;

    private final StoreServer server = new StoreServer();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private InputStream stdin = new ByteArrayInputStream(new byte[0]);
    private int connects;
    private String connectedHost;
    private Path connectedConfig;

    {
        server.addUser("john", "John Doe");
    }

    private int run(String... args) {
        return ZarafaSetOof.run(args, new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8), stdin,
                (host, config) -> {
                    connects++;
                    connectedHost = host;
                    connectedConfig = config;
                    return ServerConnection.of(server, FakeZarafaCmd.SESSION, URL);
                });
    }

    private String out() {
        return out.toString(UTF_8);
    }

    private String err() {
        return err.toString(UTF_8);
    }

    private Path file(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text, UTF_8);
        return f;
    }

    /** The entry id getStore answers for john's store. */
    private String johnsStore() {
        return server.storeOf("john").entryId();
    }

    private List<PropValue> sentTo(String entryId) {
        assertThat(server.setPropsTargets).containsExactly(entryId);
        return server.setPropsValues.get(0);
    }

    private static void assertProp(PropValue v, int tag, Object value) {
        assertThat(v.tag).isEqualTo(tag);
        if (value instanceof Boolean b) {
            assertThat(v.b).isEqualTo(b);
        } else {
            assertThat(v.s).isEqualTo(value);
        }
    }

    /** One line on stderr starting with the tool's name, exit 1, the server untouched. */
    private void assertOneLineFailure(int code, String contains) {
        assertThat(code).isEqualTo(1);
        assertThat(err()).startsWith("zarafa-set-oof: ").contains(contains).endsWith("\n");
        assertThat(err().strip().lines()).hasSize(1);
        assertThat(out()).isEmpty();
        assertThat(server.setPropsTargets).isEmpty();
    }

    private void assertUsage(int code, String contains) {
        assertThat(code).isEqualTo(1);
        assertThat(err().lines()).hasSize(2);
        assertThat(err().lines().findFirst().orElseThrow()).startsWith("zarafa-set-oof: ").contains(contains);
        assertThat(err()).contains(ZarafaSetOof.USAGE);
        assertThat(out()).isEmpty();
        assertThat(connects).isZero();
    }

    // ---- switching on and off ------------------------------------------------------------

    @Test
    void onSetsFlagSubjectAndTextOnTheStoreRoot() throws Exception {
        String text = "Dear sender,\n\nI'm away until 30 June. Grüße, Jöhn ☀\n";
        Path f = file("oof.txt", text);

        int code = run("john", "1", "I'm on holiday till the 30th of June", f.toString());

        assertThat(code).isZero();
        assertThat(err()).isEmpty();
        assertThat(out()).isEqualTo("Out of office for john switched on\n");
        List<PropValue> props = sentTo(johnsStore());
        assertThat(props).hasSize(3);
        assertProp(props.get(0), PropTag.PR_EC_OUTOFOFFICE, true);
        assertProp(props.get(1), PropTag.PR_EC_OUTOFOFFICE_SUBJECT, "I'm on holiday till the 30th of June");
        assertProp(props.get(2), PropTag.PR_EC_OUTOFOFFICE_MSG, text);
        assertThat(props.get(0).tag).isEqualTo(0x6760000B);
        assertThat(props.get(1).tag).isEqualTo(0x6762001F);
        assertThat(props.get(2).tag).isEqualTo(0x6761001F);
        assertThat(server.loggedOff).isTrue();
        assertThat(connectedHost).isNull();
        assertThat(connectedConfig).isNull();
    }

    @Test
    void offWithoutSubjectOnlyClearsTheFlag() {
        int code = run("john", "0");

        assertThat(code).isZero();
        assertThat(err()).isEmpty();
        assertThat(out()).isEqualTo("Out of office for john switched off\n");
        List<PropValue> props = sentTo(johnsStore());
        assertThat(props).hasSize(1);
        assertProp(props.get(0), PropTag.PR_EC_OUTOFOFFICE, false);
        assertThat(server.loggedOff).isTrue();
    }

    @Test
    void offWithSubjectAndTextStoresThemForLater() throws Exception {
        Path f = file("oof.txt", "Back soon.");

        int code = run("john", "0", "Away", f.toString());

        assertThat(code).isZero();
        List<PropValue> props = sentTo(johnsStore());
        assertThat(props).hasSize(3);
        assertProp(props.get(0), PropTag.PR_EC_OUTOFOFFICE, false);
        assertProp(props.get(1), PropTag.PR_EC_OUTOFOFFICE_SUBJECT, "Away");
        assertProp(props.get(2), PropTag.PR_EC_OUTOFOFFICE_MSG, "Back soon.");
    }

    @Test
    void dashReadsTheTextFromStandardInputAsUtf8WithoutByteOrderMark() {
        stdin = new ByteArrayInputStream("\uFEFFOn leave — back Monday.\r\n".getBytes(UTF_8));

        int code = run("john", "1", "Holiday", "-");

        assertThat(code).isZero();
        List<PropValue> props = sentTo(johnsStore());
        assertProp(props.get(0), PropTag.PR_EC_OUTOFOFFICE, true);
        assertProp(props.get(1), PropTag.PR_EC_OUTOFOFFICE_SUBJECT, "Holiday");
        assertProp(props.get(2), PropTag.PR_EC_OUTOFOFFICE_MSG, "On leave — back Monday.\r\n");
    }

    @Test
    void hostAndConfigGoToTheConnection() throws Exception {
        Path cfg = file("admin.cfg", "");

        int code = run("-h", "https://mail.example.com:237/zarafa", "--config", cfg.toString(), "john", "0");

        assertThat(code).isZero();
        assertThat(connectedHost).isEqualTo("https://mail.example.com:237/zarafa");
        assertThat(connectedConfig).isEqualTo(cfg);
    }

    @Test
    void doubleDashAllowsASubjectStartingWithADash() throws Exception {
        Path f = file("oof.txt", "x");

        int code = run("--", "john", "1", "-- away --", f.toString());

        assertThat(code).isZero();
        assertProp(sentTo(johnsStore()).get(1), PropTag.PR_EC_OUTOFOFFICE_SUBJECT, "-- away --");
    }

    @Test
    void atSignsAreNotExpandedAsArgumentFiles() throws Exception {
        Path f = file("oof.txt", "x");

        int code = run("john", "1", "@home until Monday", f.toString());

        assertThat(code).isZero();
        assertProp(sentTo(johnsStore()).get(1), PropTag.PR_EC_OUTOFOFFICE_SUBJECT, "@home until Monday");
    }

    // ---- failures ------------------------------------------------------------------------

    @Test
    void missingFileIsOneLineAndNoConnection() {
        Path missing = dir.resolve("nope.txt");

        int code = run("john", "1", "Holiday", missing.toString());

        assertOneLineFailure(code, "cannot read " + missing + ": no such file");
        assertThat(connects).isZero();
    }

    @Test
    void aDirectoryInsteadOfAFileIsOneLine() {
        int code = run("john", "1", "Holiday", dir.toString());

        assertOneLineFailure(code, "cannot read " + dir);
        assertThat(connects).isZero();
    }

    @Test
    void textThatIsNotUtf8IsRefused() throws Exception {
        Path f = dir.resolve("latin1.txt");
        Files.write(f, new byte[] {'G', 'r', (byte) 0xFC, (byte) 0xDF, 'e'});

        int code = run("john", "1", "Holiday", f.toString());

        assertOneLineFailure(code, "cannot read " + f + ": not UTF-8 text");
        assertThat(connects).isZero();
    }

    @Test
    void aSecondArgumentOtherThanOneOrZeroIsOneLine() {
        int code = run("john", "yes", "Holiday", "-");

        assertOneLineFailure(code, "the second argument must be 1 (on) or 0 (off), not \"yes\"");
        assertThat(connects).isZero();
    }

    @Test
    void twoIsNotAFlagEither() {
        int code = run("john", "2");

        assertOneLineFailure(code, "must be 1 (on) or 0 (off)");
    }

    @Test
    void unknownUserIsTheServersNotFoundOnOneLine() {
        int code = run("bob", "0");

        assertOneLineFailure(code, "Unable to open the store of bob: MAPI_E_NOT_FOUND (user bob not found)");
        assertThat(err()).isEqualTo(
                "zarafa-set-oof: Unable to open the store of bob: MAPI_E_NOT_FOUND (user bob not found)\n");
        assertThat(server.loggedOff).isTrue();
    }

    @Test
    void refusedSetPropsIsOneLine() {
        StoreServer refusing = new StoreServer() {
            @Override
            public void setProps(String sessionId, String objectId, List<PropValue> props) throws MapiException {
                throw new MapiException(MapiError.MAPI_E_NO_ACCESS, "no rights on the store of john");
            }
        };
        refusing.addUser("john", "John Doe");

        int code = ZarafaSetOof.run(new String[] {"john", "0"}, new PrintStream(out, true, UTF_8),
                new PrintStream(err, true, UTF_8), stdin,
                (host, config) -> ServerConnection.of(refusing, FakeZarafaCmd.SESSION, URL));

        assertOneLineFailure(code,
                "Unable to set out of office for john: MAPI_E_NO_ACCESS (no rights on the store of john)");
    }

    @Test
    void unreachableServerIsOneLine() {
        int code = ZarafaSetOof.run(new String[] {"john", "0"}, new PrintStream(out, true, UTF_8),
                new PrintStream(err, true, UTF_8), stdin, (host, config) -> {
                    throw new ConnectionException("The server is not running, or not accessible through "
                            + "\"http://localhost:236/zarafa\": Connection refused");
                });

        assertOneLineFailure(code, "The server is not running");
    }

    @Test
    void refusedLogonIsOneLine() {
        int code = ZarafaSetOof.run(new String[] {"john", "0"}, new PrintStream(out, true, UTF_8),
                new PrintStream(err, true, UTF_8), stdin, (host, config) -> {
                    throw new MapiException(MapiError.MAPI_E_LOGON_FAILED, "wrong user name or password");
                });

        assertOneLineFailure(code, "Unable to log on: MAPI_E_LOGON_FAILED (wrong user name or password)");
    }

    // ---- usage ---------------------------------------------------------------------------

    @Test
    void noArgumentsPrintsTheUsage() {
        assertUsage(run(), "missing <username> and 1|0");
    }

    @Test
    void onlyAUserNamePrintsTheUsage() {
        assertUsage(run("john"), "missing 1|0");
    }

    @Test
    void onWithoutSubjectAndFilePrintsTheUsage() {
        assertUsage(run("john", "1"), "needs a subject and a text file");
    }

    @Test
    void onWithoutFilePrintsTheUsage() {
        assertUsage(run("john", "1", "Holiday"), "needs a subject and a text file");
    }

    @Test
    void anUnquotedSubjectPrintsTheUsage() {
        assertUsage(run("john", "1", "On", "holiday", "/tmp/oof.txt"), "too many arguments");
    }

    @Test
    void anUnknownOptionPrintsTheUsage() {
        assertUsage(run("-x", "john", "0"), "-x");
    }

    @Test
    void hostWithoutValuePrintsTheUsage() {
        assertUsage(run("john", "0", "-h"), "-h");
    }

    @Test
    void helpPrintsUsageAndOptionsOnStandardOutput() {
        int code = run("--help");

        assertThat(code).isZero();
        assertThat(err()).isEmpty();
        assertThat(out()).startsWith(ZarafaSetOof.USAGE)
                .contains("-h, --host=<server url>")
                .contains("-c, --config=<config>")
                .contains("--help")
                .contains("zarafa-set-oof john 1 \"I'm on holiday till the 30th of June\" /tmp/oof.txt");
        assertThat(connects).isZero();
    }

    // ---- the real connection -------------------------------------------------------------

    /**
     * The main program's connector over SOAP: admin.cfg from -c, the server.cfg next to it for the
     * trusted local logon, -h for the URL; the props arrive typed at the server.
     */
    @Test
    void realConnectionOverSoapWithTrustedLocalLogon() throws Exception {
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
            Path adminCfg = file("admin.cfg", "");
            Path text = file("oof.txt", "Away — back soon.\n");

            int code = ZarafaSetOof.run(new String[] {"-c", adminCfg.toString(), "-h", url, "john", "1", "Holiday",
                    text.toString()}, new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8), stdin,
                    ZarafaSetOof.SERVER);

            assertThat(err()).isEmpty();
            assertThat(code).isZero();
            assertThat(server.lastLogon).isEqualTo("localAdminLogon " + System.getProperty("user.name")
                    + " zarafa-set-oof");
            List<PropValue> props = sentTo(johnsStore());
            assertProp(props.get(0), PropTag.PR_EC_OUTOFOFFICE, true);
            assertProp(props.get(1), PropTag.PR_EC_OUTOFOFFICE_SUBJECT, "Holiday");
            assertProp(props.get(2), PropTag.PR_EC_OUTOFOFFICE_MSG, "Away — back soon.\n");
            assertThat(server.loggedOff).isTrue();
        } finally {
            endpoint.stop();
        }
    }
}
