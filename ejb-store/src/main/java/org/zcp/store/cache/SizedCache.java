package org.zcp.store.cache;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * A least-recently-used cache bounded by the estimated bytes of its entries, as the server's
 * cache_*_size options demand (manual 9.2). Thread safe; statistics for zarafa-stats.
 */
public final class SizedCache<K, V> {
    private final String name;
    private final long maxBytes;
    private final ToLongFunction<V> sizer;
    private final LinkedHashMap<K, V> map = new LinkedHashMap<>(256, 0.75f, true);
    private long bytes;
    private long hits;
    private long misses;

    /** Fixed overhead of one entry: map node, key, object headers. */
    static final long ENTRY_OVERHEAD = 64;

    public SizedCache(String name, long maxBytes, ToLongFunction<V> sizer) {
        this.name = name;
        this.maxBytes = maxBytes;
        this.sizer = sizer;
    }

    public synchronized V get(K key) {
        V v = map.get(key);
        if (v == null) misses++;
        else hits++;
        return v;
    }

    public synchronized void put(K key, V value) {
        if (maxBytes <= 0) return;
        V old = map.put(key, value);
        if (old != null) bytes -= cost(old);
        bytes += cost(value);
        var it = map.entrySet().iterator();
        while (bytes > maxBytes && it.hasNext()) {
            Map.Entry<K, V> eldest = it.next();
            bytes -= cost(eldest.getValue());
            it.remove();
        }
    }

    public synchronized void remove(K key) {
        V old = map.remove(key);
        if (old != null) bytes -= cost(old);
    }

    public synchronized void clear() {
        map.clear();
        bytes = 0;
    }

    private long cost(V v) {
        return ENTRY_OVERHEAD + sizer.applyAsLong(v);
    }

    public synchronized long bytes() {
        return bytes;
    }

    public synchronized int entries() {
        return map.size();
    }

    public long maxBytes() {
        return maxBytes;
    }

    public synchronized String stats() {
        return String.format("%s: %d entries, %d/%d bytes, %d hits, %d misses", name, map.size(), bytes, maxBytes,
                hits, misses);
    }
}
