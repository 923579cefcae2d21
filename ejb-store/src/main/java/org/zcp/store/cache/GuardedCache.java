package org.zcp.store.cache;

import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * A cache of values read from the database that only the store's own writes change: a write
 * forgets the key now and again when its transaction ends ({@link #changed}), and a reader keeps
 * what it read only if no write began meanwhile (a version count), so a value read before a
 * change committed never outlives it. What the Inbox rules (RulesCache) and the out-of-office
 * settings (OofCache) of every delivery are kept with.
 */
public final class GuardedCache<K, V> {
    private final SizedCache<K, V> values;
    private long version;

    public GuardedCache(String name, long maxBytes, ToLongFunction<V> weigher) {
        values = new SizedCache<>(name, maxBytes, weigher);
    }

    /** The value of {@code key}, from the cache or from {@code load} (which must not return null). */
    public V get(K key, Supplier<V> load) {
        V held = values.get(key);
        if (held != null) return held;
        long before;
        synchronized (this) {
            before = version;
        }
        V read = load.get();
        synchronized (this) {
            if (version == before) values.put(key, read);
        }
        return read;
    }

    /** {@code key}'s value is written: forgotten now and at the end of the transaction. */
    public void changed(TransactionSynchronizationRegistry tx, K key) {
        TxCache.forgetNowAndAtEnd(tx, () -> {
            synchronized (this) {
                version++;
                values.remove(key);
            }
        });
    }
}
