package org.zcp.tools.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.zcp.api.config.Config;

/**
 * The directories the server writes to (data, attachments, run, logs) and whether they may be
 * handed to {@code run_as_user} (manual 6.5). Review finding #13: the start as root used to
 * {@code chown -R} the parents of pid_file, log_file and attachment_path, so
 * {@code pid_file = /run/zarafa-server.pid} gave all of /run to the service user. Now only
 * dedicated directories are given away; a directory that is a shared system directory (after
 * resolving symlinks such as /var/run to /run), or that belongs to another user, stops the start
 * with a message that says what to configure instead.
 */
final class ServiceDirectories {
    /** Directories other software shares; never given to the service user, never chmod'ed. */
    static final Set<Path> SHARED = Stream.of("/", "/bin", "/boot", "/dev", "/dev/shm", "/etc", "/home", "/lib",
            "/lib64", "/media", "/mnt", "/opt", "/proc", "/root", "/run", "/run/lock", "/run/user", "/sbin", "/srv",
            "/sys", "/tmp", "/usr", "/usr/local", "/usr/share", "/usr/lib", "/var", "/var/backups", "/var/cache",
            "/var/lib", "/var/local", "/var/lock", "/var/log", "/var/mail", "/var/opt", "/var/run", "/var/spool",
            "/var/tmp").map(Path::of).collect(Collectors.toUnmodifiableSet());

    private ServiceDirectories() {
    }

    /**
     * The directories the server process writes to, each with the option that puts it there, in
     * start order: data directory (attachment_path's parent: database, ssl/), attachments, run
     * directory (pid_file's: properties, key stores, admin token), log directories (the server's,
     * then those of the services inside it: gateway.cfg, ical.cfg, webaccess.cfg).
     */
    static Map<Path, String> writable(Config server, Config... services) {
        Map<Path, String> dirs = new LinkedHashMap<>();
        Path attachments = Path.of(server.get("attachment_path")).toAbsolutePath().normalize();
        dirs.putIfAbsent(attachments.getParent(), "attachment_path " + attachments + " (its parent holds the database)");
        dirs.putIfAbsent(attachments, "attachment_path " + attachments);
        Path pid = Path.of(server.get("pid_file")).toAbsolutePath().normalize();
        dirs.putIfAbsent(pid.getParent(), "pid_file " + pid);
        if (!ServerLauncher.logsToSyslog(server)) {
            Path log = Path.of(server.get("log_file")).toAbsolutePath().normalize();
            dirs.putIfAbsent(log.getParent(), "log_file " + log);
        }
        if (server.getBool("audit_log_enabled") && "file".equalsIgnoreCase(server.get("audit_log_method"))
                && !"-".equals(server.get("audit_log_file"))) {
            Path audit = Path.of(server.get("audit_log_file")).toAbsolutePath().normalize();
            dirs.putIfAbsent(audit.getParent(), "audit_log_file " + audit);
        }
        for (Config service : services) {
            if (service == null || ServerLauncher.logsToSyslog(service)) continue;
            Path log = Path.of(service.get("log_file")).toAbsolutePath().normalize();
            dirs.putIfAbsent(log.getParent(), service.file() + " log_file " + log);
        }
        return dirs;
    }

    /**
     * Why the directories cannot be given to {@code user}: one line per shared or foreign
     * directory, naming the option to change. Empty when they all can.
     */
    static List<String> refusals(Map<Path, String> dirs, String user) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<Path, String> e : dirs.entrySet()) {
            Path dir = e.getKey();
            if (isShared(dir)) {
                problems.add(e.getValue() + ": its directory " + dir + " is a shared system directory and would have to"
                        + " be given to run_as_user " + user + "; use a directory of its own, e.g. "
                        + suggestion(dir));
                continue;
            }
            String owner = owner(dir);
            if (owner != null && !owner.equals("root") && !owner.equals(user)) {
                problems.add(e.getValue() + ": its directory " + dir + " belongs to user " + owner
                        + ", not to root or run_as_user " + user + "; use a directory of its own");
            }
        }
        return problems;
    }

    /** Whether {@code dir}, or what its existing part resolves to, is one of {@link #SHARED}. */
    static boolean isShared(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        return SHARED.contains(abs) || SHARED.contains(resolved(abs));
    }

    /** {@code dir} with the symlinks of its deepest existing ancestor resolved. */
    static Path resolved(Path dir) {
        Path existing = dir;
        Path rest = Path.of("");
        while (existing != null && !Files.exists(existing)) {
            rest = existing.getFileName().resolve(rest);
            existing = existing.getParent();
        }
        if (existing == null) return dir;
        try {
            return existing.toRealPath().resolve(rest).normalize();
        } catch (IOException e) {
            return dir;
        }
    }

    private static String owner(Path dir) {
        try {
            return Files.exists(dir) ? Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS).getName() : null;
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    private static String suggestion(Path dir) {
        Path real = resolved(dir);
        if (real.startsWith("/run") || real.startsWith("/var/run")) return "/run/zarafa";
        if (real.startsWith("/var/log")) return "/var/log/zarafa";
        return "/var/lib/zarafa";
    }
}
