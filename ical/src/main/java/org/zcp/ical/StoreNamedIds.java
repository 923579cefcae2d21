package org.zcp.ical;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.zcp.store.api.FolderItems;
import org.zcp.store.api.mapi.NamedProp;

/**
 * Named property ids from the store ({@link FolderItems#propIds}), cached for the server's life:
 * the ids are the same in every store of one server, so one cache serves every session. CalDAV
 * and the web client each keep one.
 */
public final class StoreNamedIds {
    private final Map<String, Integer> cache = new ConcurrentHashMap<>();
    private final FolderItems items;

    public StoreNamedIds(FolderItems items) {
        this.items = items;
    }

    /** The ids as a session asks the store for those not cached yet. */
    public NamedIds forSession(String session) {
        return name -> {
            String key = key(name);
            Integer id = cache.get(key);
            if (id != null) return id;
            List<Integer> ids = items.propIds(session, List.of(name));
            if (ids.size() != 1 || ids.get(0) == null) {
                throw new IllegalStateException("store gave no id for named property " + key);
            }
            cache.put(key, ids.get(0));
            return ids.get(0);
        };
    }

    /** How many ids are cached. */
    public int size() {
        return cache.size();
    }

    /** NamedProp has no equals: the GUID (any case) and the numeric id or the name. */
    static String key(NamedProp n) {
        String guid = n.guid == null ? "" : n.guid.toLowerCase(Locale.ROOT).replace("-", "");
        return n.id != null ? guid + "#" + n.id : guid + ":" + n.name;
    }
}
