package org.zcp.caldav.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.zcp.store.api.WebLogons;
import org.zcp.store.api.WebLogons.Who;

/**
 * Successful logons kept in memory by {@link Credentials#key}, so a client's stream of requests
 * pays the password check (and its hash) once: an entry is dropped after ten minutes unused (its
 * session logged off) or when the store says the session ended. Only successes are kept: a wrong
 * password goes to the store each time, through its throttling and audit log.
 */
public final class LogonCache {
    public static final String PROGRAM = "zarafa-ical";
    public static final Duration IDLE = Duration.ofMinutes(10);
    private static final Logger LOG = Logger.getLogger(LogonCache.class.getName());

    private record Entry(Who who, Instant lastUsed) {
    }

    private final WebLogons logons;
    private final Clock clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private volatile Instant lastSweep = Instant.MIN;

    public LogonCache(WebLogons logons, Clock clock) {
        this.logons = logons;
        this.clock = clock;
    }

    /** The logon of these credentials, cached or new; StoreFailure (NO_ACCESS) when they are wrong. */
    public Who logon(Credentials c, String peer) {
        Instant now = clock.instant();
        if (lastSweep.isBefore(now.minusSeconds(30))) {
            lastSweep = now;
            expire();
        }
        String key = c.key();
        Entry e = entries.get(key);
        if (e != null && e.lastUsed().isBefore(now.minus(IDLE))) {
            if (entries.remove(key, e)) logoff(e.who());
            e = null;
        }
        if (e != null) {
            entries.put(key, new Entry(e.who(), now));
            return e.who();
        }
        Who who = logons.logon(c.user(), c.password(), peer, PROGRAM);
        Entry prev = entries.put(key, new Entry(who, now));
        if (prev != null && !prev.who().session().equals(who.session())) logoff(prev.who()); // a race: keep one
        return who;
    }

    /** Drops the logon of these credentials (its session ended); the next request logs on anew. */
    public void forget(Credentials c) {
        entries.remove(c.key());
    }

    /** Logs off and drops the logons unused for {@link #IDLE}. */
    public void expire() {
        Instant limit = clock.instant().minus(IDLE);
        entries.forEach((key, e) -> {
            if (e.lastUsed().isBefore(limit) && entries.remove(key, e)) logoff(e.who());
        });
    }

    /** Logs off every cached session (the application stops). */
    public void close() {
        entries.forEach((key, e) -> {
            if (entries.remove(key, e)) logoff(e.who());
        });
    }

    int size() {
        return entries.size();
    }

    private void logoff(Who who) {
        try {
            logons.logoff(who.session());
        } catch (RuntimeException ex) {
            LOG.log(Level.FINE, "logoff of an expired session failed", ex);
        }
    }
}
