package org.zcp.store.mapi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Locale;
import org.zcp.store.entity.OofReply;
import org.zcp.store.entity.StoreEntity;

/**
 * When a store last answered a sender with its out-of-office reply (manual 4.5: one reply per
 * sender within the time limit); the mail flow asks through this, never through the database.
 */
@ApplicationScoped
public class AutoReplyLog {
    @Inject
    EntityManager em;

    @Inject
    ObjectStore objects;

    /**
     * Whether the store may answer {@code address} now: not within {@code limitSeconds} of the last
     * answer. A yes is recorded at once, so a second message from the same sender gets no reply.
     */
    public boolean claim(long storeId, String address, long now, long limitSeconds) {
        String a = address.trim().toLowerCase(Locale.ROOT);
        if (a.length() > 320) a = a.substring(0, 320);
        // "look up, then insert" (issue 10): claims of one store queue on the store's row lock, which
        // the delivery takes anyway and first (then the folder's), so a plain read then sees every
        // claim committed before (READ COMMITTED). A locking read of a row that is not there locked
        // nothing on H2 (the second insert failed on the key) and took a gap lock on InnoDB that two
        // deliveries from one sender then both waited on to insert: a deadlock, answered 451.
        objects.lockFresh(StoreEntity.class, storeId);
        OofReply last = em.find(OofReply.class, new OofReply.Key(storeId, a));
        if (last != null) {
            if (now - last.replied < limitSeconds * 1000) return false;
            last.replied = now;
            return true;
        }
        em.persist(new OofReply(storeId, a, now));
        em.flush();
        return true;
    }
}
