package org.zcp.store.api;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The store's after-commit change events, inside one server (docs/store-api.md). The store
 * publishes the changes of a transaction once it has committed; IMAP IDLE, and later CalDAV
 * sync, web push and ActiveSync Ping, subscribe to the folders they show instead of polling
 * the database.
 *
 * <p>An event is a hint, the change journal is the truth: a subscriber that hears of a change
 * asks the store what changed since the MODSEQ it knows, so an event lost (the server crashed
 * between commit and publication) or delivered twice costs nothing but that one question, and a
 * subscriber that starts late catches up the same way.
 *
 * <p>Listeners run on the committing thread and must return at once (hand the work to their own
 * thread: signal a queue, wake a session). One listener's failure does not reach the store or
 * the other listeners.
 *
 * <p>There is one feed per deployment ({@link #shared()}): the class lives in an EAR library, so
 * the store EJBs and the gateway resource adapter see the same instance.
 */
public final class ChangeFeed {
    private static final Logger LOG = Logger.getLogger(ChangeFeed.class.getName());
    private static final ChangeFeed SHARED = new ChangeFeed();

    private final Map<Long, Set<Consumer<ChangeEvent>>> byFolder = new ConcurrentHashMap<>();
    private final Map<Long, Set<Consumer<ChangeEvent>>> byStore = new ConcurrentHashMap<>();
    private final Map<String, Set<Runnable>> bySession = new ConcurrentHashMap<>();
    private final Map<Boolean, Set<Consumer<ChangeEvent>>> everything = new ConcurrentHashMap<>();

    /** A new, empty feed (tests); the server uses {@link #shared()}. */
    public ChangeFeed() {
    }

    public static ChangeFeed shared() {
        return SHARED;
    }

    /** A registration; closing it stops the events. Closing twice is harmless. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    /** Events of messages and subfolders in one folder. */
    public Subscription folder(long folderId, Consumer<ChangeEvent> listener) {
        return add(byFolder, folderId, listener);
    }

    /** Every event of one store (hierarchy views, sync of a whole account). */
    public Subscription store(long storeId, Consumer<ChangeEvent> listener) {
        return add(byStore, storeId, listener);
    }

    /**
     * Every event of every store: for the server's own followers of all calendars (free/busy
     * publication), which must only note the event and do their work elsewhere (they run in the
     * committing thread).
     */
    public Subscription all(Consumer<ChangeEvent> listener) {
        return add(everything, Boolean.TRUE, listener);
    }

    /**
     * The end of a store session (logoff, or revoked because the user's rights changed): a
     * connection idling on it hears at once instead of at its next command.
     */
    public Subscription session(String sessionId, Runnable ended) {
        return add(bySession, sessionId, ended);
    }

    /** Announces that a store session has ended; its subscriptions are dropped. */
    public void sessionEnded(String sessionId) {
        Set<Runnable> listeners = bySession.remove(sessionId);
        if (listeners == null) return;
        for (Runnable l : listeners) {
            try {
                l.run();
            } catch (RuntimeException x) {
                LOG.log(Level.WARNING, "a session listener failed", x);
            }
        }
    }

    private static <K, L> Subscription add(Map<K, Set<L>> map, K key, L listener) {
        map.computeIfAbsent(key, k -> new CopyOnWriteArraySet<>()).add(listener);
        return () -> map.computeIfPresent(key, (k, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    /** Publishes committed changes, in their order; called by the store after its commit. */
    public void publish(List<ChangeEvent> events) {
        for (ChangeEvent e : events) {
            deliver(byFolder.get(e.folderId()), e);
            deliver(byStore.get(e.storeId()), e);
            deliver(everything.get(Boolean.TRUE), e);
        }
    }

    private static void deliver(Set<Consumer<ChangeEvent>> listeners, ChangeEvent e) {
        if (listeners == null) return;
        for (Consumer<ChangeEvent> l : listeners) {
            try {
                l.accept(e);
            } catch (RuntimeException x) {
                LOG.log(Level.WARNING, "a change listener failed on " + e, x);
            }
        }
    }

    /** Subscriptions held now (folder, store and session ones): what idle sessions cost, for tests and stats. */
    public int subscriptions() {
        int n = 0;
        for (Set<Consumer<ChangeEvent>> s : byFolder.values()) n += s.size();
        for (Set<Consumer<ChangeEvent>> s : byStore.values()) n += s.size();
        for (Set<Runnable> s : bySession.values()) n += s.size();
        for (Set<Consumer<ChangeEvent>> s : everything.values()) n += s.size();
        return n;
    }
}
