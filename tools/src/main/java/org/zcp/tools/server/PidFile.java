package org.zcp.tools.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * pid_file (manual 7.1): while the server of a configuration runs, its pid file names it, and a
 * second zarafa-server for that configuration is refused. Without the check the second start
 * would rewrite the running server's properties and key stores and then, its ports taken, die;
 * a start that meant "restart" would find the old server answering and look like a success.
 *
 * <p>The file names the server's JVM (WildFly's standalone.sh writes it, JBOSS_PIDFILE). It is
 * the server of this configuration when that process is alive and its command line names the
 * per-start properties file beside the pid file ({@code -P .../zarafa-server.properties}); a pid
 * that is not running, or that the system has since given to another program, is stale.
 */
final class PidFile {
    private PidFile() {
    }

    /** The pid of the running server {@code pidFile} names; empty when none runs (no file, stale, garbage). */
    static OptionalLong running(Path pidFile, Path properties) {
        long pid;
        try {
            pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.US_ASCII).trim());
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
        if (pid <= 0 || ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isEmpty()) return OptionalLong.empty();
        return commandLine(pid).contains(properties.toString()) ? OptionalLong.of(pid) : OptionalLong.empty();
    }

    /** The process's arguments joined by spaces: /proc on Linux, else what the JDK can tell. */
    private static String commandLine(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return ProcessHandle.of(pid).flatMap(p -> p.info().commandLine()).orElse("");
        }
    }
}
