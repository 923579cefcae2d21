package org.zcp.store.mapi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Up to which change number a store's journal may have been pruned ({@code stores.journal_floor},
 * Flyway V13; docs/store-api.md, "Journal retention"), known in memory: every IMAP poll asks, and
 * it changes only when {@link JournalPruner} prunes. The pruner raises the number here before its
 * deletion commits, and a reader asks after it has read the journal, so a reader that found rows
 * missing always sees the raised number (raised too early it only makes a reader fall back to
 * what it does without the journal).
 */
@ApplicationScoped
public class JournalFloors {
    private static final ConcurrentHashMap<Long, Long> FLOORS = new ConcurrentHashMap<>();

    @Inject
    EntityManager em;

    /** The store's floor: journal entries at or below it may be gone (0: the journal is whole). */
    public long of(long storeId) {
        Long known = FLOORS.get(storeId);
        if (known != null) return known;
        List<Long> read = em.createQuery("select s.journalFloor from StoreEntity s where s.id = :s", Long.class)
                .setParameter("s", storeId).setFlushMode(FlushModeType.COMMIT).getResultList();
        long floor = read.isEmpty() ? 0L : read.get(0);
        return FLOORS.merge(storeId, floor, Math::max);
    }

    /** Raises the store's floor here and in its row (never lowers it); in the caller's transaction. */
    void raise(long storeId, long floor) {
        FLOORS.merge(storeId, floor, Math::max);
        em.createNativeQuery("UPDATE stores SET journal_floor = ? WHERE id = ? AND journal_floor < ?")
                .setParameter(1, floor).setParameter(2, storeId).setParameter(3, floor).executeUpdate();
    }

    /** For tests: what this JVM knows is forgotten (read again from the rows). */
    static void forgetAll() {
        FLOORS.clear();
    }
}
