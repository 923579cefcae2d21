package org.zcp.store.cache;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The stored rules of each Inbox (PR_RULES_DATA, as its bytes; none: empty), so a delivery does not
 * read them every time (a tenth of an LMTP delivery went to that read, for users who have none).
 * Every write of PR_RULES_DATA (ObjectStore) empties the entry now and when its transaction ends.
 * A reader keeps what it read only if no such write began meanwhile (a version count), so a value
 * read before a change committed never outlives it.
 */
@ApplicationScoped
public class RulesCache {
    private static final byte[] NONE = new byte[0];

    @Resource
    TransactionSynchronizationRegistry txRegistry;

    private final SizedCache<Long, byte[]> rules = new SizedCache<>("rules", 4L << 20, b -> b.length + 64L);
    private final AtomicLong version = new AtomicLong();

    /** The Inbox's rule bytes (empty: none), from the cache or from {@code load} (null: none). */
    public byte[] get(long inboxId, Supplier<byte[]> load) {
        byte[] held = rules.get(inboxId);
        if (held != null) return held;
        long before = version.get();
        byte[] read = load.get();
        if (read == null) read = NONE;
        synchronized (this) {
            if (version.get() == before) rules.put(inboxId, read);
        }
        return read;
    }

    /** PR_RULES_DATA of this folder is written: forgotten now and at the end of the transaction. */
    public void changed(long folderId) {
        TxCache.forgetNowAndAtEnd(txRegistry, () -> {
            synchronized (this) {
                version.incrementAndGet();
                rules.remove(folderId);
            }
        });
    }
}
