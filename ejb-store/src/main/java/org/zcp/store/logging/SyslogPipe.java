package org.zcp.store.logging;

import java.io.IOException;

/** A logger(1) process that writes each line of its standard input to syslog as zarafa-server. */
public final class SyslogPipe {
    private SyslogPipe() {
    }

    /** Starts logger with a facility.level such as "mail.info" or "authpriv.notice". */
    public static Process start(String priority) throws IOException {
        return new ProcessBuilder("logger", "-p", priority, "-t", "zarafa-server").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }
}
