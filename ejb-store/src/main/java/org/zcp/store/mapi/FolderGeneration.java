package org.zcp.store.mapi;

import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.zcp.store.cache.TxCache;

/**
 * A counter that moves whenever any folder changes: created, renamed, moved, deleted, restored,
 * purged, or one of its properties written (a store root's names the special folders). What is
 * kept of folder trees (core.FolderTrees) is stamped with the counter as it was before reading
 * and counts only while the counter has not moved since. A change moves it when it is made and
 * again when its transaction ends, whatever the outcome, so nothing read before the end (neither
 * the old state nor a change that was rolled back) outlives it.
 */
public final class FolderGeneration {
    private static final AtomicLong GENERATION = new AtomicLong();

    private FolderGeneration() {
    }

    public static long current() {
        return GENERATION.get();
    }

    public static void changed(TransactionSynchronizationRegistry tx) {
        TxCache.forgetNowAndAtEnd(tx, GENERATION::incrementAndGet);
    }
}
