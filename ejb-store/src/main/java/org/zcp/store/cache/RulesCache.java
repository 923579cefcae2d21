package org.zcp.store.cache;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.function.Supplier;

/**
 * The stored rules of each Inbox (PR_RULES_DATA, as its bytes; none: empty), so a delivery does not
 * read them every time (a tenth of an LMTP delivery went to that read, for users who have none).
 * Every write of PR_RULES_DATA (ObjectStore) empties the entry now and when its transaction ends
 * ({@link GuardedCache}).
 */
@ApplicationScoped
public class RulesCache {
    private static final byte[] NONE = new byte[0];

    @Resource
    TransactionSynchronizationRegistry txRegistry;

    private final GuardedCache<Long, byte[]> rules = new GuardedCache<>("rules", 4L << 20, b -> b.length + 64L);

    /** The Inbox's rule bytes (empty: none), from the cache or from {@code load} (null: none). */
    public byte[] get(long inboxId, Supplier<byte[]> load) {
        return rules.get(inboxId, () -> {
            byte[] read = load.get();
            return read == null ? NONE : read;
        });
    }

    /** PR_RULES_DATA of this folder is written: forgotten now and at the end of the transaction. */
    public void changed(long folderId) {
        rules.changed(txRegistry, folderId);
    }
}
