package org.zcp.store.mapi;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.zcp.api.mapi.MapiError;
import org.zcp.store.StoreException;
import org.zcp.store.entity.NameEntry;
import org.zcp.store.entity.Setting;

/**
 * Creates named property rows one at a time (issue 10): "look up, then insert" under the write
 * lock of one settings row (Flyway V9), in a short transaction of its own that holds no other
 * lock, so two sessions asking for the same new name get the same id and no deadlock can form
 * with the caller's locks. Committed before the caller goes on, so every session sees it.
 */
@Stateless
public class NameRows {
    static final String LOCK = "named_properties_lock";

    @PersistenceContext(unitName = "zarafa")
    EntityManager em;

    /**
     * The row of a name (by numeric id or by string), made now if no committed one exists; a new
     * row beyond {@code maxRow} is not kept (MAPI_E_NOT_ENOUGH_RESOURCES, the id range is used up).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int idOf(String guid, Integer nameId, String nameString, Long creator, int maxRow) {
        Setting lock = em.find(Setting.class, LOCK, LockModeType.PESSIMISTIC_WRITE);
        if (lock == null) throw new IllegalStateException("settings row " + LOCK + " missing (Flyway V9)");
        List<NameEntry> found = find(em, guid, nameId, nameString);
        if (!found.isEmpty()) return found.get(0).id;
        NameEntry e = new NameEntry();
        e.guid = guid;
        e.nameId = nameId;
        e.nameString = nameString;
        e.creator = creator;
        em.persist(e);
        em.flush();
        if (e.id > maxRow) {
            throw new StoreException(MapiError.MAPI_E_NOT_ENOUGH_RESOURCES, "named property ids exhausted");
        }
        return e.id;
    }

    /** The rows of a name, oldest first (one, unless made twice before Flyway V9). */
    static List<NameEntry> find(EntityManager em, String guid, Integer nameId, String nameString) {
        return nameId != null
                ? em.createQuery("select e from NameEntry e where e.guid = :g and e.nameId = :i order by e.id",
                        NameEntry.class).setParameter("g", guid).setParameter("i", nameId).getResultList()
                : em.createQuery("select e from NameEntry e where e.guid = :g and e.nameString = :s order by e.id",
                        NameEntry.class).setParameter("g", guid).setParameter("s", nameString).getResultList();
    }
}
