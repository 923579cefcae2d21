package org.zcp.store.mapi;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.zcp.api.mapi.MapiError;
import org.zcp.store.api.mapi.NamedProp;
import org.zcp.store.StoreException;
import org.zcp.store.config.ServerSettings;
import org.zcp.store.entity.NameEntry;
import org.zcp.store.session.Session;

/**
 * Named properties (getIDsFromNames / getNamesFromIDs): one mapping per server, ids from 0x8500
 * up to 0xFFFE, as MAPI reserves that range for them. The range is shared by every user, so a
 * user may create at most {@code namedprop_user_limit} names, and the last {@link #RESERVE} ids
 * are kept for the server itself (security review finding 11; Exchange has the same per-mailbox
 * quota for the same reason). The names the server needs are created by migration V7.
 */
@Stateless
public class NamedProperties {
    public static final int FIRST_ID = 0x8500;
    static final int LAST_ID = 0xFFFE;
    /** Ids only the server may take, so its own mappings never run out. */
    static final int RESERVE = 512;
    /** Names one call may ask for; MAPI clients ask in batches of tens. */
    static final int MAX_PER_CALL = 4096;

    @PersistenceContext(unitName = "zarafa")
    EntityManager em;

    @Inject
    ServerSettings settings;

    @Inject
    NameRows rows;

    /** Ids of names for a client: creation is limited per user. */
    public List<Integer> ids(Session s, List<NamedProp> names, boolean create) {
        if (names.size() > MAX_PER_CALL) {
            throw StoreException.invalid("at most " + MAX_PER_CALL + " named properties per call");
        }
        return ids(names, create, s.isSystem() ? null : s.userId());
    }

    /** Ids of names the server itself uses (never limited). */
    public List<Integer> ids(List<NamedProp> names, boolean create) {
        return ids(names, create, null);
    }

    private List<Integer> ids(List<NamedProp> names, boolean create, Long creator) {
        List<Integer> out = new ArrayList<>();
        long created = -1;
        for (NamedProp n : names) {
            String guid = guid(n);
            if ((n.id == null) == (n.name == null)) {
                throw StoreException.invalid("a named property has either an id or a name");
            }
            List<NameEntry> found = NameRows.find(em, guid, n.id, n.name);
            if (!found.isEmpty()) {
                out.add(FIRST_ID + found.get(0).id - 1);
            } else if (create) {
                if (creator != null) {
                    if (created < 0) created = createdBy(creator);
                    if (++created > settings.getInt("namedprop_user_limit")) {
                        throw new StoreException(MapiError.MAPI_E_NOT_ENOUGH_RESOURCES,
                                "this user may not create more named properties (namedprop_user_limit)");
                    }
                }
                int last = creator == null ? LAST_ID : LAST_ID - RESERVE;
                out.add(FIRST_ID + rows.idOf(guid, n.id, n.name, creator, last - FIRST_ID + 1) - 1);
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

    private long createdBy(long userId) {
        return em.createQuery("select count(e) from NameEntry e where e.creator = :c", Long.class)
                .setParameter("c", userId).getSingleResult();
    }

    private static String guid(NamedProp n) {
        String g = n.guid == null ? "" : n.guid.replace("-", "").replace("{", "").replace("}", "")
                .toUpperCase(Locale.ROOT);
        if (!g.matches("[0-9A-F]{32}")) throw StoreException.invalid("property set GUID must be 32 hex digits");
        return g;
    }

}
