package org.zcp.store.core;

import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * IMAP's \Recent marks (FolderMessages.recent): per folder the highest UID a session was shown as
 * recent. Claims are made here, in memory and atomically (a SELECT, and every new message a
 * selected session is told of, takes them: one database write each made APPEND x 100 a fifth
 * slower), and written behind to {@code hierarchy.recent_uid} every ten seconds and at shutdown,
 * so a restart neither forgets nor repeats them; after a crash the messages of the last seconds
 * are recent once more (RFC 3501 2.3.2: when it cannot be known, a message should be recent).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RecentMarks {
    private static final Logger LOG = Logger.getLogger(RecentMarks.class.getName());

    @PersistenceContext(unitName = "zarafa")
    EntityManager em;

    /** Marks kept in memory beyond this many folders are dropped once written (read again when asked). */
    static final int KEPT = 50_000;

    private final Map<Long, Long> marks = new ConcurrentHashMap<>();
    private final Map<Long, Long> unwritten = new ConcurrentHashMap<>();

    /**
     * The folder's mark before the call; with {@code claim} moved to {@code upTo} when that is
     * higher. {@code stored}: the mark the database holds, read when the folder is first asked for.
     */
    public long recent(long folderId, long upTo, boolean claim, LongSupplier stored) {
        if (!marks.containsKey(folderId)) marks.putIfAbsent(folderId, stored.getAsLong());
        long[] before = new long[1];
        marks.compute(folderId, (id, mark) -> {
            before[0] = mark;
            if (!claim || upTo <= mark) return mark;
            unwritten.merge(id, upTo, Math::max);
            return upTo;
        });
        return before[0];
    }

    /** Writes the marks claimed since the last time (only ever raising the stored one). */
    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
    public void write() {
        if (marks.size() > KEPT) forgetWritten();
        if (unwritten.isEmpty()) return;
        Map<Long, Long> batch = new HashMap<>();
        for (Long id : unwritten.keySet()) {
            Long mark = unwritten.remove(id);
            if (mark != null) batch.put(id, mark);
        }
        try {
            // SQL, not JPQL: the entity maps the column read-only (HierarchyObject.recentUid)
            batch.forEach((id, mark) -> em.createNativeQuery("UPDATE hierarchy SET recent_uid = ?1"
                    + " WHERE id = ?2 AND recent_uid < ?1").setParameter(1, mark).setParameter(2, id)
                    .executeUpdate());
        } catch (RuntimeException e) {
            batch.forEach((id, mark) -> unwritten.merge(id, mark, Math::max)); // the next round tries again
            LOG.log(Level.WARNING, "cannot write the \\Recent marks of " + batch.size() + " folders", e);
        }
    }

    /**
     * Drops the marks that are in the database (a server that has opened every folder of a large
     * installation kept one entry per folder for ever). Called before this round takes its batch:
     * what is not unwritten now was written and committed by an earlier round, or read from the
     * database. The check runs under the map's lock for the folder, which a claim also holds while
     * it records itself as unwritten, so a claim made meanwhile keeps its mark.
     */
    void forgetWritten() {
        for (Long id : marks.keySet()) marks.computeIfPresent(id, (k, v) -> unwritten.containsKey(k) ? v : null);
    }

    /** How many folders' marks are in memory (tests). */
    int kept() {
        return marks.size();
    }

    @PreDestroy
    void atShutdown() {
        try {
            write();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "\\Recent marks not written at shutdown", e);
        }
    }
}
