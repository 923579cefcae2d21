package org.zcp.store.mapi;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Prunes the change journal (server.cfg {@code sync_lifetime}, manual: "synchronization data"
 * older than that many days), a batch per transaction: entries journaled before a time go,
 * except the newest entry of each folder, which {@code ObjectStore.journalMax} (the folder's
 * HIGHESTMODSEQ, the folder index's "as of") reads. Each store's floor is raised to the highest
 * number pruned before the rows go ({@link JournalFloors}); readers asking for what left a folder
 * since an older number then answer without the journal (docs/store-api.md, "Journal retention").
 */
@Stateless
public class JournalPruner {
    /** Entries examined per transaction. */
    public static final int BATCH = 2000;

    @Inject
    EntityManager em;

    @Inject
    JournalFloors floors;

    /** What one batch did: the last entry id examined (-1: none left) and how many went. */
    public record Batch(long lastId, int pruned) {
    }

    /**
     * Prunes among the first {@code limit} entries journaled before {@code before} (epoch ms)
     * with an id above {@code afterId}, in id order.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Batch pruneBatch(long before, long afterId, int limit) {
        List<Object[]> rows = em.createQuery("select c.id, c.storeId, c.parentId, c.changeNum from ChangeEntry c"
                + " where c.id > :a and c.changed < :b order by c.id", Object[].class).setParameter("a", afterId)
                .setParameter("b", before).setMaxResults(limit).getResultList();
        if (rows.isEmpty()) return new Batch(-1, 0);
        // the newest entry of each folder in the batch, kept if nothing newer is journaled there
        Map<Long, Object[]> newest = new HashMap<>();
        for (Object[] r : rows) newest.merge((Long) r[2], r, (a, b) -> (Long) a[3] >= (Long) b[3] ? a : b);
        java.util.Set<Long> kept = new java.util.HashSet<>();
        for (Map.Entry<Long, Object[]> e : newest.entrySet()) {
            boolean newer = !em.createQuery("select c.changeNum from ChangeEntry c where c.parentId = :p"
                    + " and c.changeNum > :n", Long.class).setParameter("p", e.getKey())
                    .setParameter("n", e.getValue()[3]).setMaxResults(1).getResultList().isEmpty();
            if (!newer) kept.add((Long) e.getValue()[0]);
        }
        List<Long> gone = new ArrayList<>();
        Map<Long, Long> floorOf = new HashMap<>();
        for (Object[] r : rows) {
            if (kept.contains((Long) r[0])) continue;
            gone.add((Long) r[0]);
            floorOf.merge((Long) r[1], (Long) r[3], Math::max);
        }
        // the floors first (in memory at once, in the rows with the deletion's commit)
        floorOf.forEach(floors::raise);
        for (int i = 0; i < gone.size(); i += 500) {
            em.createQuery("delete from ChangeEntry c where c.id in :ids")
                    .setParameter("ids", gone.subList(i, Math.min(gone.size(), i + 500))).executeUpdate();
        }
        return new Batch((Long) rows.get(rows.size() - 1)[0], gone.size());
    }
}
