package org.zcp.store.config;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGHUP is a reload (manual 6.5, 7.1.2), not the end of the server: {@code systemctl reload
 * zarafa-server}, {@code kill -HUP} of the pid file's process and logrotate's postrotate all send
 * it. The JVM's own handler would run the shutdown hooks; this one replaces it while the
 * application is deployed and gives it back when it is undeployed.
 */
@Singleton
@Startup
@DependsOn("ServerSettings")
public class ReloadSignal {
    private static final Logger LOG = Logger.getLogger(ReloadSignal.class.getName());
    private static final Signal HUP = new Signal("HUP");

    @Inject
    ServerSettings settings;

    private SignalHandler previous;

    @PostConstruct
    void install() {
        try {
            // the JVM runs the handler in a thread of its own, one per signal
            previous = Signal.handle(HUP, signal -> settings.reload("SIGHUP"));
            if (previous == SignalHandler.SIG_IGN) {
                LOG.warning("SIGHUP was ignored by whoever started the server (nohup?): reload by changing server.cfg");
            }
        } catch (IllegalArgumentException e) {
            LOG.warning("SIGHUP cannot be caught here (" + e.getMessage() + "): reload by changing server.cfg");
        }
    }

    @PreDestroy
    void uninstall() {
        if (previous != null) Signal.handle(HUP, previous);
    }
}
