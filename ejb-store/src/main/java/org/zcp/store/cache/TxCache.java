package org.zcp.store.cache;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.HashMap;
import java.util.Map;

/**
 * A map that lives as long as the current JTA transaction: what one delivery or one SOAP call
 * looks up several times (a user, a store) is read once. Outside a transaction there is none.
 */
public final class TxCache {
    private TxCache() {
    }

    /** The transaction's map for {@code key}, or null when no transaction is active. */
    @SuppressWarnings("unchecked")
    public static <K, V> Map<K, V> of(TransactionSynchronizationRegistry registry, String key) {
        if (registry == null || registry.getTransactionStatus() != Status.STATUS_ACTIVE) return null;
        Map<K, V> m = (Map<K, V>) registry.getResource(key);
        if (m == null) {
            m = new HashMap<>();
            registry.putResource(key, m);
        }
        return m;
    }

    /** Forgets everything cached under {@code key} in this transaction (after a write). */
    public static void clear(TransactionSynchronizationRegistry registry, String key) {
        Map<?, ?> m = of(registry, key);
        if (m != null) m.clear();
    }

    /**
     * Runs {@code action} once the current transaction has committed (not after a rollback);
     * false, and nothing registered, when no transaction is active.
     */
    public static boolean afterCommit(TransactionSynchronizationRegistry registry, Runnable action) {
        if (registry == null || registry.getTransactionStatus() != Status.STATUS_ACTIVE) return false;
        registry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) action.run();
            }
        });
        return true;
    }

    /**
     * Runs {@code forget} now and again when the current transaction ends (whatever its outcome):
     * how a shared cache drops what a write changes, so that no reader can put back what it read
     * before the write committed. Without a transaction, only now.
     */
    public static void forgetNowAndAtEnd(TransactionSynchronizationRegistry registry, Runnable forget) {
        forget.run();
        try {
            if (registry != null && registry.getTransactionStatus() == Status.STATUS_ACTIVE) {
                registry.registerInterposedSynchronization(new Synchronization() {
                    @Override
                    public void beforeCompletion() {
                    }

                    @Override
                    public void afterCompletion(int status) {
                        forget.run();
                    }
                });
            }
        } catch (IllegalStateException e) {
            // the transaction is completing: the immediate run is enough
        }
    }
}
