package org.zcp.tools.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The tests' dagent.cfg and spooler.cfg log into the test's directory: the manual's default
 * (/var/log/zarafa/dagent.log, spooler.log) is the appliance's, not a test's.
 */
final class TestFaces {
    private TestFaces() {
    }

    /** Adds log_file under {@code dir}/log to dagent.cfg and spooler.cfg unless they set one. */
    static void logsUnder(Path dir) throws IOException {
        logsUnder(dir, "log");
    }

    /** The same with the logs in {@code dir}/{@code logDir}. */
    static void logsUnder(Path dir, String logDir) throws IOException {
        for (String face : new String[] {"dagent", "spooler"}) {
            Path cfg = dir.resolve(face + ".cfg");
            if (Files.exists(cfg) && Files.readString(cfg).contains("log_file")) continue;
            Files.writeString(cfg, "\nlog_file = " + dir.resolve(logDir).resolve(face + ".log") + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }
}
