package org.zcp.itests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JVM of the server under test, found by its base directory on the command line, measured
 * with the JDK's jcmd (heap in use after a full collection), as an administrator would.
 */
final class ServerJvm {
    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    private ServerJvm() {
    }

    static Optional<Long> pid() {
        String marker = "jboss.server.base.dir=" + ItServer.dir().resolve("standalone");
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                .map(ProcessHandle::pid).findFirst();
    }

    /** Heap in use after a full GC, in MB; empty when the server's JVM or jcmd cannot be reached. */
    static Optional<Long> heapUsedMb() throws IOException, InterruptedException {
        Optional<Long> pid = pid();
        if (pid.isEmpty()) return Optional.empty();
        jcmd(pid.get(), "GC.run");
        String info = jcmd(pid.get(), "GC.heap_info");
        Matcher m = USED.matcher(info);
        long kb = 0;
        // the first "used" is the whole heap's
        if (m.find()) kb = Long.parseLong(m.group(1));
        return kb == 0 ? Optional.empty() : Optional.of(kb / 1024);
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(List.of(jcmd.toString(), Long.toString(pid), command)).redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        return out;
    }
}
