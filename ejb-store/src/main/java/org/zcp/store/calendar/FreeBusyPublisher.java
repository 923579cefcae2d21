package org.zcp.store.calendar;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.zcp.store.api.ChangeEvent;
import org.zcp.store.api.ChangeFeed;

/**
 * Keeps the published free/busy (FreeBusyPublishing) in step with the calendars, on the store's
 * change events rather than by polling: an event of a message in any folder marks the folder; every
 * few seconds the marked folders that are someone's default calendar have their owner's free/busy
 * published anew once the changes settle (MAX_DELAY_MS at the latest). Every night all users'
 * free/busy is published again, as its range moves on with the days.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class FreeBusyPublisher {
    private static final Logger LOG = Logger.getLogger(FreeBusyPublisher.class.getName());

    /** Folders with changed messages since the last round (the listener only notes them: it runs in the committer's thread). */
    private final Set<Long> changed = ConcurrentHashMap.newKeySet();
    private ChangeFeed.Subscription subscription;

    @EJB
    FreeBusyPublishing publishing;

    @PostConstruct
    void listen() {
        subscription = ChangeFeed.shared().all(this::noted);
    }

    @PreDestroy
    void stop() {
        if (subscription != null) subscription.close();
    }

    private void noted(ChangeEvent e) {
        if (!e.folder()) changed.add(e.folderId());
    }

    /**
     * Which folders are whose default calendar (-1: none), as found out: a folder's role rarely
     * changes, and an Inbox with a delivery every second is looked up once, not once a round.
     * Forgotten every night and when it grows large.
     */
    private final Map<Long, Long> calendarStore = new ConcurrentHashMap<>();
    static final int KNOWN_FOLDERS = 100_000;

    /**
     * A calendar is published once its changes have stopped for a round (a burst of changes, an
     * import of ten thousand events, is one publication), and at the latest this long after its
     * first unpublished change: a publication reads the whole calendar and expands its series,
     * seconds for a large one, which a calendar written to without pause must not pay every round.
     */
    static final long MAX_DELAY_MS = 60_000;

    /** Stores with unpublished changes: when the first came, and whether one came this round. */
    private final Map<Long, long[]> pending = new ConcurrentHashMap<>();

    /** Publishes the owners of the calendars whose changes have settled (or waited long enough). */
    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void round() {
        long now = System.currentTimeMillis();
        for (long store : changedStores()) {
            pending.merge(store, new long[] {now, now}, (held, fresh) -> new long[] {held[0], now});
        }
        for (var e : pending.entrySet()) {
            long[] times = e.getValue();
            boolean settled = times[1] < now; // nothing new this round
            if ((settled || now - times[0] >= MAX_DELAY_MS) && pending.remove(e.getKey(), times)) {
                publish(e.getKey(), Instant.ofEpochMilli(now));
            }
        }
    }

    /** The stores whose default calendar changed since the last round. */
    private Set<Long> changedStores() {
        Set<Long> stores = new LinkedHashSet<>();
        if (changed.isEmpty()) return stores;
        List<Long> unknown = new ArrayList<>();
        for (Long id : changed) {
            if (!changed.remove(id)) continue;
            Long store = calendarStore.get(id);
            if (store == null) unknown.add(id);
            else if (store > 0) stores.add(store);
        }
        if (!unknown.isEmpty()) {
            if (calendarStore.size() > KNOWN_FOLDERS) calendarStore.clear();
            Map<Long, Long> found = publishing.calendarStores(unknown);
            calendarStore.putAll(found);
            for (long store : found.values()) if (store > 0) stores.add(store);
        }
        return stores;
    }

    /** Every user's free/busy again: the published range starts 7 days back and reaches 90 ahead of today. */
    @Schedule(hour = "2", minute = "23", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void nightly() {
        calendarStore.clear();
        Instant now = Instant.now();
        for (long store : publishing.privateStores()) publish(store, now);
    }

    private void publish(long store, Instant now) {
        try {
            publishing.publish(store, now);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cannot publish the free/busy of store " + store, e);
        }
    }
}
