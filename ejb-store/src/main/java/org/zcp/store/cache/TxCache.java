package org.zcp.store.cache;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

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
     * false, and nothing registered, when no transaction is active. Actions run in the order they
     * were registered, all before any {@link #announceAfterCommit} action of the transaction.
     */
    public static boolean afterCommit(TransactionSynchronizationRegistry registry, Runnable action) {
        Hooks h = hooks(registry);
        if (h == null) return false;
        h.state.add(action);
        return true;
    }

    /**
     * Like {@link #afterCommit}, but after every state action of the transaction: what tells
     * others of a change (the change feed) runs once the caches that answer them know it (the
     * folder index learning a writer's own changes), so a reader woken by the announcement finds
     * them there instead of reading them back.
     */
    public static boolean announceAfterCommit(TransactionSynchronizationRegistry registry, Runnable action) {
        Hooks h = hooks(registry);
        if (h == null) return false;
        h.announce.add(action);
        return true;
    }

    /** The transaction's after-commit actions: one synchronization per transaction, run in order. */
    private static final class Hooks implements Synchronization {
        final List<Runnable> state = new ArrayList<>();
        final List<Runnable> announce = new ArrayList<>();

        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status != Status.STATUS_COMMITTED) return;
            for (Runnable r : state) run(r);
            for (Runnable r : announce) run(r);
        }

        /** One action; its failure does not keep the others from running (the commit stands). */
        private static void run(Runnable r) {
            try {
                r.run();
            } catch (RuntimeException e) {
                Logger.getLogger(TxCache.class.getName()).log(Level.WARNING, "after-commit action failed", e);
            }
        }
    }

    private static final String HOOKS = TxCache.class.getName() + ".hooks";

    private static Hooks hooks(TransactionSynchronizationRegistry registry) {
        if (registry == null || registry.getTransactionStatus() != Status.STATUS_ACTIVE) return null;
        Hooks h = (Hooks) registry.getResource(HOOKS);
        if (h == null) {
            h = new Hooks();
            registry.registerInterposedSynchronization(h);
            registry.putResource(HOOKS, h);
        }
        return h;
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
