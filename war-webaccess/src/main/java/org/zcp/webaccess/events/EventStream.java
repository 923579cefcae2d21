package org.zcp.webaccess.events;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.zcp.store.api.ChangeEvent;
import org.zcp.store.api.ChangeFeed;

/**
 * One browser's event stream: change events noted on the committing thread (a map put, nothing
 * more, as {@link ChangeFeed} asks), sent once a second per changed folder, a comment every 25
 * seconds so proxies keep the connection and a closed one is noticed; ends with the store
 * session or the connection.
 */
final class EventStream {
    private static final Logger LOG = Logger.getLogger(EventStream.class.getName());
    static final long FLUSH_MS = 1000;
    static final long HEARTBEAT_MS = 25_000;

    private final SseEventSink sink;
    private final Sse sse;
    private final LongFunction<String> entryId;
    private final Map<Long, String> pending = new ConcurrentHashMap<>();
    private volatile boolean hierarchy;
    private volatile boolean ended;
    private volatile long lastSent = System.currentTimeMillis();
    private ChangeFeed.Subscription changes;
    private ChangeFeed.Subscription session;
    private final Map<Long, ChangeFeed.Subscription> watched = new HashMap<>();
    private ScheduledFuture<?> timer;
    private ScheduledFuture<?> rewatch;

    EventStream(SseEventSink sink, Sse sse, LongFunction<String> entryId) {
        this.sink = sink;
        this.sse = sse;
        this.entryId = entryId;
    }

    synchronized void start(ChangeFeed.Subscription changes, ChangeFeed.Subscription session,
            ScheduledExecutorService scheduler) {
        this.changes = changes;
        this.session = session;
        send(sse.newEventBuilder().name("ready").data("{}").build());
        timer = scheduler.scheduleWithFixedDelay(this::flush, FLUSH_MS, FLUSH_MS, TimeUnit.MILLISECONDS);
    }

    /**
     * Folders of other stores to follow besides the own store (those the user opened and may
     * see, {@link SharedFolders}): subscriptions of folders no longer in the set end, new ones
     * start. Called again from time to time, so rights taken away end their events.
     */
    synchronized void watch(Set<Long> folders, ChangeFeed feed) {
        if (ended || sink.isClosed()) return;
        watched.entrySet().removeIf(w -> {
            if (folders.contains(w.getKey())) return false;
            w.getValue().close();
            return true;
        });
        for (Long f : folders) watched.computeIfAbsent(f, id -> feed.folder(id, this::changed));
    }

    /** Runs {@code task} every {@code periodMs} while the stream lives (the watched folders read again). */
    synchronized void every(long periodMs, Runnable task, ScheduledExecutorService scheduler) {
        rewatch = scheduler.scheduleWithFixedDelay(task, periodMs, periodMs, TimeUnit.MILLISECONDS);
    }

    void changed(ChangeEvent e) {
        if (e.folder()) hierarchy = true;
        pending.merge(e.folderId(), e.kind().name().toLowerCase(), (a, b) -> a.equals(b) ? a : "changed");
    }

    void ended() {
        ended = true;
    }

    private void flush() {
        try {
            if (sink.isClosed()) {
                close();
                return;
            }
            if (ended) {
                send(sse.newEventBuilder().name("session").data("{\"ended\":true}").build());
                close();
                return;
            }
            if (hierarchy) {
                hierarchy = false;
                send(sse.newEventBuilder().name("hierarchy").data("{}").build());
            }
            for (Long folder : pending.keySet().toArray(Long[]::new)) {
                String kind = pending.remove(folder);
                String id = entryId.apply(folder);
                send(sse.newEventBuilder().name("folder")
                        .data("{\"folderId\":\"" + id + "\",\"kind\":\"" + kind + "\"}").build());
            }
            if (System.currentTimeMillis() - lastSent > HEARTBEAT_MS) send(sse.newEventBuilder().comment("keep-alive").build());
        } catch (RuntimeException | Error e) {
            if (!sink.isClosed()) LOG.log(Level.WARNING, "an event stream failed and ends", e);
            close();
        }
    }

    private void send(OutboundSseEvent event) {
        lastSent = System.currentTimeMillis();
        sink.send(event).whenComplete((ok, failure) -> {
            if (failure != null) {
                LOG.log(Level.FINE, "an event stream ends", failure);
                close();
            }
        });
    }

    private synchronized void close() {
        if (changes != null) changes.close();
        if (session != null) session.close();
        for (ChangeFeed.Subscription w : watched.values()) w.close();
        watched.clear();
        if (timer != null) timer.cancel(false);
        if (rewatch != null) rewatch.cancel(false);
        if (!sink.isClosed()) sink.close();
    }
}
