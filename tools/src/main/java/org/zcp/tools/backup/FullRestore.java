package org.zcp.tools.backup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.zcp.api.config.ConfigException;

/**
 * {@code zarafa-fullrestore [-c server.cfg] BACKUP}: a backup of zarafa-fullbackup into an empty
 * server (disaster recovery, manual 10.2): the database of server.cfg must have no tables (or,
 * embedded, no file), the attachment directory no files, and the server must be stopped. Nothing
 * is overwritten: a server with data is refused with the reason. Restored files get the owner of
 * the directory they are restored into (the server's user, when run as root).
 */
public final class FullRestore {
    private final PrintStream out;
    private final PrintStream err;

    FullRestore(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new FullRestore(System.out, System.err).run(args));
    }

    int run(String[] args) {
        String cfg = null;
        String backup = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "-c", "--config" -> {
                    if (++i == args.length) return usage("-c needs a file");
                    cfg = args[i];
                }
                case "-h", "--help" -> {
                    out.println("usage: zarafa-fullrestore [-c server.cfg] BACKUP-DIRECTORY");
                    return 0;
                }
                default -> {
                    if (args[i].startsWith("-") || backup != null) return usage("unknown option '" + args[i] + "'");
                    backup = args[i];
                }
            }
        }
        if (backup == null) return usage("name the backup to restore (a directory zarafa-fullbackup made)");
        try {
            restore(ServerFiles.load(cfg), Path.of(backup));
            out.println("zarafa-fullrestore: restored " + backup + "; start the server (systemctl start zarafa-server)");
            return 0;
        } catch (ConfigException e) {
            err.println("zarafa-fullrestore: " + String.join("; ", e.problems()));
        } catch (IOException | IllegalStateException e) {
            err.println("zarafa-fullrestore: " + e.getMessage());
        }
        return 1;
    }

    private int usage(String why) {
        err.println("zarafa-fullrestore: " + why + "\nusage: zarafa-fullrestore [-c server.cfg] BACKUP-DIRECTORY");
        return 2;
    }

    void restore(ServerFiles server, Path backup) throws IOException {
        if (!Files.isRegularFile(backup.resolve("MANIFEST"))) {
            throw new IllegalStateException(backup + " is not a complete backup of zarafa-fullbackup (no MANIFEST)");
        }
        var running = server.running();
        if (running.isPresent()) {
            throw new IllegalStateException("the server runs (pid " + running.getAsLong()
                    + "): stop it first (systemctl stop zarafa-server)");
        }
        Path sql = backup.resolve("database.sql.gz");
        Path h2 = backup.resolve("database.mv.db");
        if (server.mysql() != Files.exists(sql) || !server.mysql() && !Files.exists(h2)) {
            throw new IllegalStateException(backup + " holds " + (Files.exists(sql) ? "a MariaDB/MySQL dump" : "an embedded database")
                    + ", but server.cfg names " + (server.mysql() ? "MariaDB/MySQL" : "the embedded database"));
        }
        Path attachments = server.attachments();
        Path tar = backup.resolve("attachments.tar.gz");
        if (Files.exists(tar) && attachments == null) {
            throw new IllegalStateException(backup + " has attachment files, but server.cfg keeps attachments in the database");
        }
        // checked before anything is written: nothing of a server with data is overwritten
        if (attachments != null && Files.isDirectory(attachments) && !empty(attachments)) {
            throw new IllegalStateException("the attachment directory " + attachments + " is not empty: restore into an empty server");
        }
        if (server.mysql()) {
            requireEmptyDatabase(server);
            load(server, sql);
        } else {
            Path target = server.h2File();
            if (Files.exists(target)) {
                throw new IllegalStateException("the embedded database " + target + " exists: restore into an empty server");
            }
            Files.createDirectories(target.getParent());
            Files.copy(h2, target, StandardCopyOption.COPY_ATTRIBUTES);
            owner(target, target.getParent());
        }
        if (Files.exists(tar)) {
            Files.createDirectories(attachments);
            ServerFiles.run(List.of("tar", "-C", attachments.toString(), "-xzf", tar.toString(), "--no-same-owner"),
                    null, null);
            owner(attachments, attachments.getParent());
        }
    }

    private static void requireEmptyDatabase(ServerFiles server) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        server.mysql("mysql", null, answer, "-N", "-B", "-e",
                "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '" + server.database() + "'");
        String tables = answer.toString(StandardCharsets.UTF_8).strip();
        if (!"0".equals(tables)) {
            throw new IllegalStateException("the database " + server.database() + " has " + tables
                    + " tables: restore into an empty database (drop and create it, or name another mysql_database)");
        }
    }

    private static void load(ServerFiles server, Path sql) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(sql), 1 << 16)) {
            server.mysql("mysql", in, null, server.database());
        }
    }

    private static boolean empty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    /** Run as root, the restored files become the owner's of {@code parent} (the server's user). */
    private static void owner(Path target, Path parent) throws IOException {
        if (!"root".equals(System.getProperty("user.name"))) return;
        ServerFiles.run(List.of("chown", "-R", "--reference=" + parent, target.toString()), null, null);
    }
}
