package org.zcp.tools.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.zcp.api.config.ConfigException;

/**
 * {@code zarafa-fullbackup [-c server.cfg] [--keep DAYS] DIR}: the full backup of manual 10.2 for
 * disaster recovery, into {@code DIR/zarafa-YYYYMMDD-HHMMSS/}: the database as a consistent
 * snapshot while the server runs ({@code mysqldump --skip-opt --single-transaction}, 10.2.1: no
 * table locks, so deliveries go on), or the embedded H2 file while the server is stopped; then
 * the attachment directory (10.2.3) as a tar; and {@code MANIFEST}. The directory is complete
 * once it has its final name (it is written as {@code .partial} first). {@code --keep} removes
 * complete backups older than that many days. zarafa-fullrestore restores one into an empty
 * server. (Not the brick-level zarafa-backup of 10.3.)
 */
public final class FullBackup {
    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final PrintStream out;
    private final PrintStream err;

    FullBackup(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new FullBackup(System.out, System.err).run(args));
    }

    int run(String[] args) {
        String cfg = null;
        int keep = 0;
        String dir = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "-c", "--config" -> {
                    if (++i == args.length) return usage("-c needs a file");
                    cfg = args[i];
                }
                case "--keep" -> {
                    if (++i == args.length || !args[i].matches("[0-9]{1,4}")) return usage("--keep needs a number of days");
                    keep = Integer.parseInt(args[i]);
                }
                case "-h", "--help" -> {
                    out.println("usage: zarafa-fullbackup [-c server.cfg] [--keep DAYS] DIR");
                    return 0;
                }
                default -> {
                    if (args[i].startsWith("-") || dir != null) return usage("unknown option '" + args[i] + "'");
                    dir = args[i];
                }
            }
        }
        if (dir == null) return usage("name the directory the backups go to");
        try {
            ServerFiles server = ServerFiles.load(cfg);
            Path target = backup(server, Path.of(dir));
            out.println("zarafa-fullbackup: " + target + " (" + size(target) / 1024 + " kB)");
            if (keep > 0) prune(Path.of(dir), keep);
            return 0;
        } catch (ConfigException e) {
            err.println("zarafa-fullbackup: " + String.join("; ", e.problems()));
        } catch (IOException | IllegalStateException e) {
            err.println("zarafa-fullbackup: " + e.getMessage());
        }
        return 1;
    }

    private int usage(String why) {
        err.println("zarafa-fullbackup: " + why + "\nusage: zarafa-fullbackup [-c server.cfg] [--keep DAYS] DIR");
        return 2;
    }

    Path backup(ServerFiles server, Path dir) throws IOException {
        Files.createDirectories(dir);
        String name = "zarafa-" + LocalDateTime.now().format(STAMP);
        Path partial = dir.resolve(name + ".partial");
        Path done = dir.resolve(name);
        if (Files.exists(done) || Files.exists(partial)) throw new IllegalStateException(done + " exists already");
        var running = server.mysql() ? java.util.OptionalLong.empty() : server.running();
        if (running.isPresent()) {
            throw new IllegalStateException("the embedded database cannot be copied while the server runs (pid "
                    + running.getAsLong() + "): stop it first, or keep the data in MariaDB (manual 4.1)"
                    + ", whose dump needs no stop");
        }
        Files.createDirectory(partial);
        try {
            // the database first: whatever its snapshot refers to was written before it
            if (server.mysql()) dump(server, partial.resolve("database.sql.gz"));
            else Files.copy(server.h2File(), partial.resolve("database.mv.db"), StandardCopyOption.COPY_ATTRIBUTES);
            Path attachments = server.attachments();
            if (attachments != null && Files.isDirectory(attachments)) {
                ServerFiles.run(List.of("tar", "-C", attachments.toString(), "-czf",
                        partial.resolve("attachments.tar.gz").toString(), "."), null, null);
            }
            Files.writeString(partial.resolve("MANIFEST"), manifest(server), StandardCharsets.UTF_8);
            Files.move(partial, done, StandardCopyOption.ATOMIC_MOVE);
            return done;
        } catch (IOException | RuntimeException e) {
            delete(partial);
            throw e;
        }
    }

    private static void dump(ServerFiles server, Path file) throws IOException {
        // manual 10.2.1: --skip-opt --single-transaction (one snapshot, no table locks), with the
        // harmless parts of --opt back; binary columns as hex
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16)) {
            server.mysql("mysqldump", null, gz, "--skip-opt", "--single-transaction", "--quick", "--add-drop-table",
                    "--create-options", "--extended-insert", "--set-charset", "--default-character-set=utf8mb4",
                    "--hex-blob", "--no-tablespaces", server.database());
        }
    }

    private static String manifest(ServerFiles server) {
        StringBuilder m = new StringBuilder();
        m.append("created=").append(Instant.now()).append('\n');
        m.append("database=").append(server.mysql() ? "mysql database.sql.gz" : "h2 database.mv.db").append('\n');
        m.append("attachments=").append(server.attachments() == null ? "in the database" : "attachments.tar.gz")
                .append('\n');
        Path version = Path.of(System.getProperty("zcp.home", "/opt/zarafa"), "VERSION");
        try {
            if (Files.isReadable(version)) m.append(Files.readString(version, StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the build is named when it can be read; the backup does not depend on it
        }
        return m.toString();
    }

    /** Complete backups older than {@code days} days go; partial ones of failed runs too. */
    private void prune(Path dir, int days) throws IOException {
        Instant limit = Instant.now().minus(days, ChronoUnit.DAYS);
        List<Path> old = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                String n = p.getFileName().toString();
                if (!n.matches("zarafa-\\d{8}-\\d{6}(\\.partial)?")) continue;
                FileTime t = Files.getLastModifiedTime(p);
                if (t.toInstant().isBefore(limit)) old.add(p);
            }
        }
        for (Path p : old) {
            delete(p);
            out.println("zarafa-fullbackup: removed " + p + " (older than " + days + " days)");
        }
    }

    static void delete(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(q);
        }
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
