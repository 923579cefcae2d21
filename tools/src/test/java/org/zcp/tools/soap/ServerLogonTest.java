package org.zcp.tools.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zcp.api.config.Config;
import org.zcp.api.config.Schemas;
import org.zcp.api.soap.LogonResult;
import org.zcp.tools.admin.FakeZarafaCmd;

/** The trusted local logon and the password logon (manual 6.1). */
class ServerLogonTest {
    @TempDir
    Path dir;

    private static final String LOCAL = "http://localhost:236/zarafa";
    private final FakeZarafaCmd server = new FakeZarafaCmd();
    private final ServerLogon logon = new ServerLogon(server, "zarafa-admin", null);
    private Config serverCfg;

    @BeforeEach
    void serverWithToken() throws Exception {
        Files.createDirectories(dir.resolve("run"));
        Files.writeString(dir.resolve("run/zarafa-admin.token"), "s3cret\n");
        Files.writeString(dir.resolve("server.cfg"), "pid_file = " + dir.resolve("run/zarafa-server.pid")
                + "\nlocal_admin_users = root zarafa\n");
        serverCfg = Config.load(Schemas.SERVER, dir.resolve("server.cfg"));
        server.passwords.put("john", "secret");
    }

    @Test
    void aLocalAdminUserLogsOnWithTheTokenNextToThePidFile() throws Exception {
        LogonResult r = logon.logon(serverCfg, LOCAL, "zarafa", Map.of(), () -> null);

        assertThat(r.sessionId).isEqualTo(FakeZarafaCmd.SESSION);
        assertThat(server.lastLogon).isEqualTo("localAdminLogon zarafa zarafa-admin");
    }

    @Test
    void otherUsersLogOnWithTheEnvironmentsPassword() throws Exception {
        logon.logon(serverCfg, LOCAL, "john", Map.of("ZARAFA_USER", "john", "ZARAFA_PASSWORD", "secret"), () -> null);

        assertThat(server.lastLogon).isEqualTo("logon john zarafa-admin");
    }

    @Test
    void aRefusedTokenFallsBackToThePasswordLogon() throws Exception {
        Files.writeString(dir.resolve("run/zarafa-admin.token"), "stale\n");

        logon.logon(serverCfg, LOCAL, "zarafa", Map.of("ZARAFA_USER", "john", "ZARAFA_PASSWORD", "secret"), () -> null);

        assertThat(server.lastLogon).isEqualTo("logon john zarafa-admin");
    }

    @Test
    void withoutCredentialsOrTerminalTheUserIsToldWhatToDo() {
        assertThatThrownBy(() -> logon.logon(serverCfg, LOCAL, "john", Map.of(), () -> null))
                .isInstanceOf(ConnectionException.class)
                .hasMessage("No credentials to log on with: set ZARAFA_USER and ZARAFA_PASSWORD, "
                        + "or run as a user listed in local_admin_users of server.cfg.");
    }

    @Test
    void theTerminalIsAskedWhenTheEnvironmentHasNoCredentials() throws Exception {
        Terminal terminal = new Terminal() {
            @Override
            public String readLine(String prompt) {
                return "john";
            }

            @Override
            public char[] readPassword(String prompt) {
                return "secret".toCharArray();
            }
        };

        logon.logon(serverCfg, LOCAL, "nobody", Map.of(), () -> terminal);

        assertThat(server.lastLogon).isEqualTo("logon john zarafa-admin");
    }

    @Test
    void theTokenIsNotSentToARemoteServerWhichGetsThePasswordLogon() throws Exception {
        logon.logon(serverCfg, "http://192.0.2.10:236/zarafa", "zarafa",
                Map.of("ZARAFA_USER", "john", "ZARAFA_PASSWORD", "secret"), () -> null);

        assertThat(server.lastLogon).isEqualTo("logon john zarafa-admin");
    }

    @Test
    void theTokenIsNotSentToAnotherPortOnLoopback() throws Exception {
        logon.logon(serverCfg, "http://127.0.0.1:8000/zarafa", "zarafa",
                Map.of("ZARAFA_USER", "john", "ZARAFA_PASSWORD", "secret"), () -> null);

        assertThat(server.lastLogon).isEqualTo("logon john zarafa-admin");
    }

    @Test
    void onlyLoopbackUrlsOnTheLocalServersPortsAreTheLocalServer() throws Exception {
        assertThat(ServerLogon.isLocalServer(serverCfg, "http://localhost:236/zarafa")).isTrue();
        assertThat(ServerLogon.isLocalServer(serverCfg, "http://127.0.0.1:236/zarafa")).isTrue();
        assertThat(ServerLogon.isLocalServer(serverCfg, "http://127.1.2.3:236/zarafa")).isTrue();
        assertThat(ServerLogon.isLocalServer(serverCfg, "http://[::1]:236/zarafa")).isTrue();

        assertThat(ServerLogon.isLocalServer(serverCfg, "http://192.0.2.10:236/zarafa")).isFalse();
        assertThat(ServerLogon.isLocalServer(serverCfg, "http://0.0.0.0:236/zarafa")).isFalse();
        assertThat(ServerLogon.isLocalServer(serverCfg, "http://localhost:8000/zarafa")).isFalse();
        assertThat(ServerLogon.isLocalServer(serverCfg, "http://localhost/zarafa")).isFalse();
        // server_ssl_enabled = no: nothing of the local server listens on 237
        assertThat(ServerLogon.isLocalServer(serverCfg, "https://localhost:237/zarafa")).isFalse();
        assertThat(ServerLogon.isLocalServer(serverCfg, "not a url")).isFalse();
    }

    @Test
    void theLocalServersTlsPortCountsWhenEnabled() throws Exception {
        Files.writeString(dir.resolve("server.cfg"), "server_ssl_enabled = yes\nserver_ssl_port = 1237\n"
                + "server_tcp_enabled = no\n");
        Config ssl = Config.load(Schemas.SERVER, dir.resolve("server.cfg"));

        assertThat(ServerLogon.isLocalServer(ssl, "https://localhost:1237/zarafa")).isTrue();
        assertThat(ServerLogon.isLocalServer(ssl, "http://localhost:236/zarafa")).isFalse();
    }

    @Test
    void theTokenFileIsNextToThePidFile() {
        assertThat(ServerLogon.tokenFile(Config.defaults(Schemas.SERVER)))
                .isEqualTo(Path.of("/var/run/zarafa-admin.token"));
    }
}
