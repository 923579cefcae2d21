package org.zcp.tools.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zcp.api.config.Config;
import org.zcp.api.config.Schemas;

/** Review finding #13: run_as_user gets dedicated directories only, never /run, /var/log, /var/lib. */
class RunAsUserTest {
    @TempDir
    Path dir;

    private Config server(String text) throws Exception {
        Files.writeString(dir.resolve("server.cfg"), text.replace("@DIR@", dir.toString()));
        return Config.load(Schemas.SERVER, dir.resolve("server.cfg"));
    }

    private Config gateway(String text) throws Exception {
        Files.writeString(dir.resolve("gateway.cfg"), text.replace("@DIR@", dir.toString()));
        return Config.load(Schemas.GATEWAY, dir.resolve("gateway.cfg"));
    }

    private static final String DEDICATED = """
            pid_file = @DIR@/run/zarafa/server.pid
            attachment_path = @DIR@/lib/zarafa/attachments
            log_file = @DIR@/log/zarafa/server.log
            audit_log_enabled = yes
            audit_log_method = file
            audit_log_file = @DIR@/audit/audit.log
            """;

    @Test
    void theWritableDirectoriesAreTheDataRunAndLogDirectories() throws Exception {
        Map<Path, String> dirs = ServiceDirectories.writable(server(DEDICATED),
                gateway("log_file = @DIR@/log/gw/gateway.log\n"));

        assertThat(dirs.keySet()).containsExactly(dir.resolve("lib/zarafa"), dir.resolve("lib/zarafa/attachments"),
                dir.resolve("run/zarafa"), dir.resolve("log/zarafa"), dir.resolve("audit"), dir.resolve("log/gw"));
        assertThat(ServiceDirectories.refusals(dirs, "zarafa")).isEmpty();
    }

    @Test
    void sharedSystemDirectoriesAreRefusedWithTheOptionToChange() throws Exception {
        Map<Path, String> dirs = ServiceDirectories.writable(server("""
                pid_file = /run/zarafa-server.pid
                attachment_path = /var/lib/zarafa
                log_file = /var/log/server.log
                """), gateway("log_file = /var/log/zarafa/gateway.log\n"));

        List<String> refusals = ServiceDirectories.refusals(dirs, "zarafa");

        assertThat(refusals).hasSize(3);
        assertThat(refusals.get(0)).startsWith("attachment_path /var/lib/zarafa").contains("/var/lib is a shared system"
                + " directory and would have to be given to run_as_user zarafa");
        assertThat(refusals.get(1)).startsWith("pid_file /run/zarafa-server.pid").contains("e.g. /run/zarafa");
        assertThat(refusals.get(2)).startsWith("log_file /var/log/server.log").contains("e.g. /var/log/zarafa");
    }

    @Test
    void aSymlinkToASharedDirectoryIsSeenThrough() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("runlink"), Path.of("/run"));

        assertThat(ServiceDirectories.isShared(link)).isTrue();
        assertThat(ServiceDirectories.isShared(Path.of("/var/run"))).isTrue();
        assertThat(ServiceDirectories.isShared(link.resolve("zarafa"))).isFalse();
        assertThat(ServiceDirectories.isShared(Path.of("/var/run/../log"))).isTrue();
    }

    @Test
    void aDirectoryOfAnotherUserIsRefused() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "only root can give a directory away");
        Path foreign = Files.createDirectories(dir.resolve("foreign"));
        var lookup = foreign.getFileSystem().getUserPrincipalLookupService();
        Files.setOwner(foreign, lookup.lookupPrincipalByName("nobody"));

        assertThat(ServiceDirectories.refusals(Map.of(foreign, "pid_file x"), "zarafa"))
                .containsExactly("pid_file x: its directory " + foreign + " belongs to user nobody, not to root or"
                        + " run_as_user zarafa; use a directory of its own");
    }

    @Test
    void onlyRootHandsTheServerOver() throws Exception {
        Config c = server(DEDICATED + "run_as_user = nobody\n");
        List<String> problems = new ArrayList<>();

        assertThat(ServerLauncher.handOver(c, "root", problems)).isTrue();
        assertThat(problems).isEmpty();
        // systemd User=nobody: already the right user
        assertThat(ServerLauncher.handOver(c, "nobody", problems)).isFalse();
        assertThat(problems).isEmpty();
        assertThat(ServerLauncher.handOver(c, "alice", problems)).isFalse();
        assertThat(problems).singleElement().asString().contains("run_as_user = nobody, but zarafa-server runs as"
                + " alice and cannot switch users");
    }

    @Test
    void anUnknownServiceUserIsRefused() throws Exception {
        List<String> problems = new ArrayList<>();

        ServerLauncher.handOver(server(DEDICATED + "run_as_user = no-such-user-zcp\n"), "root", problems);

        assertThat(problems).anySatisfy(p -> assertThat(p).contains("run_as_user no-such-user-zcp does not exist"));
    }

    @Test
    void startedAsRootWithAPidFileInRunTheStartIsRefusedAndRunUntouched() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "the hand-over happens only when started as root");
        long runModified = Files.getLastModifiedTime(Path.of("/run")).toMillis();
        server("""
                pid_file = /run/zarafa-test-server.pid
                attachment_path = @DIR@/lib/attachments
                log_file = @DIR@/log/server.log
                run_as_user = nobody
                run_as_group = nogroup
                """);
        Files.writeString(dir.resolve("gateway.cfg"), "log_file = " + dir.resolve("log/gateway.log") + "\n");
        TestFaces.logsUnder(dir);
        Files.writeString(dir.resolve("ical.cfg"), "log_file = " + dir.resolve("log/ical.log") + "\n");
        Files.writeString(dir.resolve("webaccess.cfg"), "https_enable = no\nlog_file = " + dir.resolve("log/webaccess.log")
                + "\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = new ServerLauncher(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(new String[] {"-c", dir.resolve("server.cfg").toString()});

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("pid_file /run/zarafa-test-server.pid: its directory /run is a shared"
                + " system directory");
        assertThat(out.toString()).isEmpty();
        assertThat(Path.of("/run/zarafa-server.properties")).doesNotExist();
        assertThat(Files.getLastModifiedTime(Path.of("/run")).toMillis()).isEqualTo(runModified);
    }

    @Test
    void startedAsRootWithDedicatedDirectoriesTheShellIsToldWhatToHandOver() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "the hand-over happens only when started as root");
        server(DEDICATED + "run_as_user = nobody\nrun_as_group = nogroup\n");
        Files.writeString(dir.resolve("gateway.cfg"), "log_file = " + dir.resolve("log/zarafa/gateway.log") + "\n");
        TestFaces.logsUnder(dir, "log/zarafa");
        Files.writeString(dir.resolve("ical.cfg"), "log_file = " + dir.resolve("log/zarafa/ical.log") + "\n");
        Files.writeString(dir.resolve("webaccess.cfg"), "https_enable = no\nlog_file = "
                + dir.resolve("log/zarafa/webaccess.log") + "\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int code = new ServerLauncher(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                .run(new String[] {"-c", dir.resolve("server.cfg").toString()});

        assertThat(code).isZero();
        assertThat(out.toString()).contains("user=nobody\n").contains("group=nogroup\n")
                .contains("dirs=" + dir.resolve("lib/zarafa") + ":" + dir.resolve("lib/zarafa/attachments") + ":"
                        + dir.resolve("run/zarafa") + ":" + dir.resolve("log/zarafa") + ":" + dir.resolve("audit") + "\n");
    }
}
