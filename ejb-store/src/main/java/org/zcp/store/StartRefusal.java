package org.zcp.store;

import java.util.logging.Logger;

/**
 * A configuration the server cannot serve with ends the start: one SEVERE line naming the cause,
 * then the process ends (exit status 1, WildFly's shutdown hook stopping it in order), as a wrong
 * server.cfg ends the launcher. A server without its users or its logons must not look started.
 */
public final class StartRefusal {
    private StartRefusal() {
    }

    /** Logs the reason, ends the process, and returns the exception the caller throws to fail its start. */
    public static IllegalStateException refuse(Logger log, String reason) {
        log.severe("zarafa-server: not starting: " + reason);
        Thread stop = new Thread(() -> System.exit(1), "zcp-refused-start");
        stop.setDaemon(true);
        stop.start();
        return new IllegalStateException(reason);
    }
}
