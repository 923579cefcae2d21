package org.zcp.store.mapi;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.zcp.api.mapi.MapiError;
import org.zcp.api.soap.NamedProp;
import org.zcp.store.StoreException;
import org.zcp.store.entity.NameEntry;

/**
 * Named properties (getIDsFromNames / getNamesFromIDs): one mapping per server, ids from 0x8500
 * up to 0xFFFE, as MAPI reserves that range for them.
 */
@Stateless
public class NamedProperties {
    public static final int FIRST_ID = 0x8500;
    static final int LAST_ID = 0xFFFE;

    @PersistenceContext(unitName = "zarafa")
    EntityManager em;

    public List<Integer> ids(List<NamedProp> names, boolean create) {
        List<Integer> out = new ArrayList<>();
        for (NamedProp n : names) {
            String guid = guid(n);
            if ((n.id == null) == (n.name == null)) {
                throw StoreException.invalid("a named property has either an id or a name");
            }
            List<NameEntry> found = n.id != null
                    ? em.createQuery("select e from NameEntry e where e.guid = :g and e.nameId = :i", NameEntry.class)
                            .setParameter("g", guid).setParameter("i", n.id).getResultList()
                    : em.createQuery("select e from NameEntry e where e.guid = :g and e.nameString = :s",
                            NameEntry.class).setParameter("g", guid).setParameter("s", n.name).getResultList();
            if (!found.isEmpty()) {
                out.add(FIRST_ID + found.get(0).id - 1);
            } else if (create) {
                NameEntry e = new NameEntry();
                e.guid = guid;
                e.nameId = n.id;
                e.nameString = n.name;
                em.persist(e);
                em.flush();
                int id = FIRST_ID + e.id - 1;
                if (id > LAST_ID) throw new StoreException(MapiError.MAPI_E_NOT_ENOUGH_RESOURCES, "named property ids exhausted");
                out.add(id);
            } else {
                out.add(0);
            }
        }
        return out;
    }

    public List<NamedProp> names(List<Integer> ids) {
        List<NamedProp> out = new ArrayList<>();
        for (int propId : ids) {
            int pid = propId > 0xFFFF ? propId >>> 16 : propId;
            NameEntry e = pid >= FIRST_ID ? em.find(NameEntry.class, pid - FIRST_ID + 1) : null;
            NamedProp n = new NamedProp();
            if (e != null) {
                n.guid = e.guid;
                n.id = e.nameId;
                n.name = e.nameString;
            }
            out.add(n);
        }
        return out;
    }

    private static String guid(NamedProp n) {
        String g = n.guid == null ? "" : n.guid.replace("-", "").replace("{", "").replace("}", "")
                .toUpperCase(Locale.ROOT);
        if (!g.matches("[0-9A-F]{32}")) throw StoreException.invalid("property set GUID must be 32 hex digits");
        return g;
    }

}
