package org.zcp.store.mapi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.List;
import org.zcp.store.entity.OutgoingEntry;

/**
 * The rows of the outgoing queue (manual 4.9: messages submitted and not yet sent), for the
 * spooler, which keeps its logic and leaves the database to the store core.
 */
@ApplicationScoped
public class OutgoingRows {
    @Inject
    EntityManager em;

    /** One queued entry's id and when it is due. */
    public record Due(long id, long nextAttempt) {
    }

    /** Queues an entry; it has its id when this returns. */
    public void add(OutgoingEntry e) {
        em.persist(e);
        em.flush();
    }

    public void remove(OutgoingEntry e) {
        em.remove(e);
    }

    /** The entry, write-locked until the transaction ends (one sender per entry), or null. */
    public OutgoingEntry lock(long entryId) {
        return em.find(OutgoingEntry.class, entryId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The queue entry of a message, or null. */
    public OutgoingEntry forMessage(long objectId) {
        List<OutgoingEntry> l = em.createQuery("select e from OutgoingEntry e where e.objectId = :o",
                OutgoingEntry.class).setParameter("o", objectId).getResultList();
        return l.isEmpty() ? null : l.get(0);
    }

    /** Entries due before {@code time}. */
    public List<Long> dueBefore(long time) {
        return em.createQuery("select e.id from OutgoingEntry e where e.nextAttempt < :t", Long.class)
                .setParameter("t", time).getResultList();
    }

    /** Every entry with its due time. */
    public List<Due> all() {
        return em.createQuery("select e.id, e.nextAttempt from OutgoingEntry e", Object[].class).getResultList()
                .stream().map(r -> new Due((Long) r[0], (Long) r[1])).toList();
    }
}
