package org.zcp.tools.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * zarafa-fullbackup and zarafa-fullrestore: what they refuse before touching anything (the whole
 * backup and restore against MariaDB is tests/acceptance/backup.sh).
 */
class FullBackupTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private PrintStream stream(ByteArrayOutputStream b) {
        return new PrintStream(b, true, StandardCharsets.UTF_8);
    }

    private Path serverCfg(String extra) throws Exception {
        Path cfg = dir.resolve("server.cfg");
        Files.writeString(cfg, "attachment_path = " + dir.resolve("lib/attachments") + "\npid_file = "
                + dir.resolve("run/server.pid") + "\n" + extra);
        return cfg;
    }

    @Test
    void wrongArgumentsAreUsageErrors() {
        assertThat(new FullBackup(stream(out), stream(err)).run(new String[] {"--frob", "x"})).isEqualTo(2);
        assertThat(err.toString()).contains("unknown option '--frob'").contains("usage: zarafa-fullbackup");
        assertThat(new FullBackup(stream(out), stream(err)).run(new String[] {})).isEqualTo(2);
        assertThat(err.toString()).contains("name the directory");
        assertThat(new FullBackup(stream(out), stream(err)).run(new String[] {"--keep", "many", "d"})).isEqualTo(2);
        assertThat(new FullRestore(stream(out), stream(err)).run(new String[] {})).isEqualTo(2);
        assertThat(err.toString()).contains("name the backup to restore");
    }

    @Test
    void aMissingServerCfgIsNamed() {
        int code = new FullBackup(stream(out), stream(err)).run(new String[] {"-c", dir.resolve("nope.cfg").toString(),
                dir.resolve("b").toString()});
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("nope.cfg cannot be read");
    }

    @Test
    void theEmbeddedDatabaseOfAStoppedServerIsCopiedWithItsAttachments() throws Exception {
        Path cfg = serverCfg("");
        Files.createDirectories(dir.resolve("lib/attachments/ab"));
        Files.writeString(dir.resolve("lib/zarafa.mv.db"), "the database");
        Files.writeString(dir.resolve("lib/attachments/ab/1"), "an attachment");

        int code = new FullBackup(stream(out), stream(err)).run(new String[] {"-c", cfg.toString(), dir.resolve("b").toString()});

        assertThat(code).as(err.toString()).isZero();
        Path backup;
        try (var s = Files.list(dir.resolve("b"))) {
            backup = s.findFirst().orElseThrow();
        }
        assertThat(backup.getFileName().toString()).matches("zarafa-\\d{8}-\\d{6}");
        assertThat(Files.readString(backup.resolve("database.mv.db"))).isEqualTo("the database");
        assertThat(backup.resolve("attachments.tar.gz")).exists();
        assertThat(Files.readString(backup.resolve("MANIFEST"))).contains("database=h2 database.mv.db")
                .contains("attachments=attachments.tar.gz");

        // into the same, not empty, server: refused, nothing changed
        code = new FullRestore(stream(out), stream(err)).run(new String[] {"-c", cfg.toString(), backup.toString()});
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("is not empty: restore into an empty server");
        // into an empty one: the same files back
        Files.delete(dir.resolve("lib/attachments/ab/1"));
        Files.delete(dir.resolve("lib/attachments/ab"));
        Files.delete(dir.resolve("lib/zarafa.mv.db"));
        code = new FullRestore(stream(out), stream(err)).run(new String[] {"-c", cfg.toString(), backup.toString()});
        assertThat(code).as(err.toString()).isZero();
        assertThat(Files.readString(dir.resolve("lib/zarafa.mv.db"))).isEqualTo("the database");
        assertThat(Files.readString(dir.resolve("lib/attachments/ab/1"))).isEqualTo("an attachment");
    }

    @Test
    void aDirectoryThatIsNoBackupIsRefused() throws Exception {
        Path cfg = serverCfg("");
        Files.createDirectories(dir.resolve("junk"));
        int code = new FullRestore(stream(out), stream(err)).run(new String[] {"-c", cfg.toString(), dir.resolve("junk").toString()});
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("is not a complete backup of zarafa-fullbackup (no MANIFEST)");
    }

    @Test
    void aDumpIsNotRestoredIntoTheEmbeddedDatabase() throws Exception {
        Path cfg = serverCfg("");
        Path backup = Files.createDirectories(dir.resolve("zarafa-20260101-000000"));
        Files.writeString(backup.resolve("MANIFEST"), "database=mysql database.sql.gz\n");
        Files.writeString(backup.resolve("database.sql.gz"), "");
        int code = new FullRestore(stream(out), stream(err)).run(new String[] {"-c", cfg.toString(), backup.toString()});
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("holds a MariaDB/MySQL dump, but server.cfg names the embedded database");
    }
}
