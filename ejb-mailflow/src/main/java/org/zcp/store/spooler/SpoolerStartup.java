package org.zcp.store.spooler;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * The spooler resumes what the outgoing queue holds when the server starts (manual 4.9), and
 * every minute re-signals an entry whose time passed without a worker taking it.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
public class SpoolerStartup {
    private static final Logger LOG = Logger.getLogger(SpoolerStartup.class.getName());

    @Inject
    SpoolerService spooler;

    @PostConstruct
    void resume() {
        int waiting = spooler.resumeAll();
        if (waiting > 0) LOG.info("spooler: resuming " + waiting + " queued message(s)");
    }

    @Schedule(minute = "*", hour = "*", persistent = false)
    void sweep() {
        for (long id : spooler.overdue(60_000)) spooler.resignal(id);
    }
}
