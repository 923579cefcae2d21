package org.zcp.tools.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerLauncherTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int launch(String cfg) throws Exception {
        Path file = dir.resolve("server.cfg");
        Files.writeString(file, cfg.replace("@DIR@", dir.toString()));
        // the gateway's log beside the server's, not in /var/log
        if (!Files.exists(dir.resolve("gateway.cfg"))) {
            Files.writeString(dir.resolve("gateway.cfg"), "log_file = " + dir.resolve("log/gateway.log") + "\n");
        }
        TestFaces.logsUnder(dir);
        if (!Files.exists(dir.resolve("ical.cfg"))) {
            Files.writeString(dir.resolve("ical.cfg"), "log_file = " + dir.resolve("log/ical.log") + "\n");
        }
        // the web client's TLS listener needs a key and certificate of its own: off here
        if (!Files.exists(dir.resolve("webaccess.cfg"))) {
            Files.writeString(dir.resolve("webaccess.cfg"), "server_bind = 127.0.0.1\nhttps_enable = no\nlog_file = "
                    + dir.resolve("log/webaccess.log") + "\n");
        }
        return new ServerLauncher(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(new String[] {"-c", file.toString()});
    }

    private static final String BASE = """
            pid_file = @DIR@/run/zarafa-server.pid
            attachment_path = @DIR@/lib/attachments
            log_file = @DIR@/log/server.log
            """;

    private Properties props() throws Exception {
        Properties p = new Properties();
        try (var in = Files.newInputStream(dir.resolve("run/zarafa-server.properties"))) {
            p.load(in);
        }
        return p;
    }

    @Test
    void misspeltOptionsStopTheStartAndAreAllNamed() throws Exception {
        int code = launch(BASE + "quota_hardd = 1\nserver_tcp_prot = 236\n");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("2 error(s)").contains("unknown option 'quota_hardd'")
                .contains("unknown option 'server_tcp_prot'");
        assertThat(dir.resolve("run/zarafa-server.properties")).doesNotExist();
    }

    @Test
    void anOlderReleasesObsoleteOptionsStartWithAWarningEach() throws Exception {
        int code = launch(BASE + "enable_sql_procedures = yes\nindex_services_path = file:///var/run/zarafa-indexer\n");

        assertThat(code).as(err.toString()).isZero();
        assertThat(err.toString()).contains("zarafa-server: warning: ").contains("'enable_sql_procedures' is obsolete")
                .contains("'index_services_path' is obsolete").doesNotContain("error(s)");
        assertThat(dir.resolve("run/zarafa-server.properties")).exists();
    }

    /** A stand-in for a running server: a process whose command line names the properties file. */
    private Process fakeServer() throws Exception {
        Files.createDirectories(dir.resolve("run"));
        Process p = new ProcessBuilder("sh", "-c", "sleep 60; exit 0", "-P",
                dir.resolve("run/zarafa-server.properties").toString()).start();
        Files.writeString(dir.resolve("run/zarafa-server.pid"), p.pid() + "\n");
        return p;
    }

    @Test
    void aSecondServerIsRefusedWhileThePidFileNamesTheRunningOne() throws Exception {
        Process first = fakeServer();
        try {
            assertThat(launch(BASE)).isEqualTo(1);

            assertThat(err.toString()).contains("already running as pid " + first.pid())
                    .contains(dir.resolve("run/zarafa-server.pid").toString());
            assertThat(dir.resolve("run/zarafa-server.properties")).doesNotExist();
            assertThat(first.isAlive()).isTrue();
        } finally {
            first.destroyForcibly().waitFor();
        }
    }

    @Test
    void aStalePidFileOfAServerThatDiedIsReplaced() throws Exception {
        Process dead = fakeServer();
        dead.destroyForcibly().waitFor();

        assertThat(launch(BASE)).isZero();
        assertThat(err.toString()).contains("stale pid file");
        assertThat(dir.resolve("run/zarafa-server.properties")).exists();
    }

    @Test
    void aPidFileNamingAnotherProgramIsStale() throws Exception {
        // after a reboot the pid may belong to anything: here, the test's own JVM
        Files.createDirectories(dir.resolve("run"));
        Files.writeString(dir.resolve("run/zarafa-server.pid"), ProcessHandle.current().pid() + "\n");

        assertThat(launch(BASE)).isZero();
        assertThat(err.toString()).contains("stale pid file");
    }

    @Test
    void withoutMysqlOptionsTheEmbeddedDatabaseIsUsed() throws Exception {
        assertThat(launch(BASE + "server_tcp_port = 1236\n")).isZero();

        Properties p = props();
        assertThat(p.getProperty("zcp.db.driver")).isEqualTo("h2");
        assertThat(p.getProperty("zcp.db.url")).startsWith("jdbc:h2:file:" + dir.resolve("lib/zarafa"));
        assertThat(p.getProperty("zcp.soap.port")).isEqualTo("1236");
        assertThat(p.getProperty("zcp.ssl.enabled")).isEqualTo("false");
        assertThat(p.getProperty("zcp.config.file")).isEqualTo(dir.resolve("server.cfg").toString());
        assertThat(out.toString()).contains("soap=http://localhost:1236/zarafa")
                .contains("props=" + dir.resolve("run/zarafa-server.properties"));
    }

    @Test
    void anyMysqlOptionSelectsMariadbWithEncodedCredentials() throws Exception {
        assertThat(launch(BASE + "mysql_host = db.example.com\nmysql_user = zarafa\nmysql_password = p&ss=w:rd\n"))
                .isZero();

        Properties p = props();
        assertThat(p.getProperty("zcp.db.driver")).isEqualTo("mariadb");
        assertThat(p.getProperty("zcp.db.url")).startsWith("jdbc:mariadb://db.example.com:3306/zarafa?")
                .contains("createDatabaseIfNotExist=true").contains("&user=zarafa").endsWith("&password=p%26ss%3Dw%3Ard");
    }

    @Test
    void semanticErrorsAreReportedToo() throws Exception {
        assertThat(launch(BASE + "attachment_storage = floppy\nuser_plugin = nis\nlog_level = 9\n")).isEqualTo(1);

        assertThat(err.toString()).contains("attachment_storage must be 'database' or 'files'")
                .contains("user_plugin 'nis'").contains("log_level must be 0 to 6");
    }

    @Test
    void sslWithoutAKeyFileGetsASelfSignedCertificate() throws Exception {
        assertThat(launch(BASE + "server_ssl_enabled = yes\nserver_ssl_key_file = @DIR@/none.pem\n")).isZero();

        assertThat(dir.resolve("lib/ssl/selfsigned.p12")).exists();
        assertThat(Path.of(props().getProperty("zcp.ssl.keystore"))).exists();
        assertThat(err.toString()).contains("self-signed certificate");
        assertThat(out.toString()).contains("soaps=https://localhost:237/zarafa");
    }

    @Test
    void startedAsItsOwnUserNoDirectoryChangesHands() throws Exception {
        assertThat(launch(BASE)).isZero();

        assertThat(out.toString()).contains("user=\n").contains("dirs=\n");
    }

    @Test
    void logLevelsMapToTheManualsScale() {
        assertThat(ServerLauncher.julLevel(0)).isEqualTo("OFF");
        assertThat(ServerLauncher.julLevel(2)).isEqualTo("ERROR");
        assertThat(ServerLauncher.julLevel(4)).isEqualTo("INFO");
        assertThat(ServerLauncher.julLevel(6)).isEqualTo("ALL");
    }
}
