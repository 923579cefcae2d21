package org.zcp.store.core;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.zcp.api.mapi.ObjectType;
import org.zcp.store.api.mapi.PropValue;
import org.zcp.store.entity.HierarchyObject;
import org.zcp.store.mapi.JournalFloors;
import org.zcp.store.mapi.ObjectStore;

/**
 * The resource names of each folder's items (FolderItems), held in memory per folder: a name is a
 * property of its message, and a look-up by name would otherwise read the name of every item of
 * the folder. Another string property held the same way (a calendar object's UID) is an entry of
 * its own, by folder and tag. An entry knows the folder's journal up to a change number; a later reader brings it
 * up to date from the journal entries after that (the objects they name, read again), or reads
 * the folder whole when it has none or the journal no longer reaches back to it. Entries are
 * immutable maps replaced whole, so readers never see one half brought up to date.
 */
@ApplicationScoped
public class ItemNames {
    /** A folder's names as of a journal change number: name to message id and back. */
    record Entry(long asOf, Map<String, Long> ids, Map<Long, String> names) {
    }

    /** Whose entry: a folder's values of one property. */
    private record Key(long folderId, int tag) {
    }

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

    @Inject
    ObjectStore objects;

    @Inject
    JournalFloors floors;

    /** The folder's names (or values of another string property) now, {@code tag} being the property's tag. */
    Entry current(HierarchyObject folder, int tag) {
        long asOf = objects.journalMax(folder.id);
        Key key = new Key(folder.id, tag);
        Entry held = entries.get(key);
        if (held != null && held.asOf() >= asOf) return held;
        Entry now = held == null || held.asOf() < floors.of(folder.storeId) ? whole(folder, tag, asOf)
                : delta(folder, tag, held, asOf);
        entries.merge(key, now, (a, b) -> a.asOf() >= b.asOf() ? a : b);
        return now;
    }

    private Entry whole(HierarchyObject folder, int tag, long asOf) {
        Map<String, Long> ids = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        Map<Long, Map<Integer, PropValue>> props = objects.readOfChildren(folder.id, List.of(tag));
        for (Long id : liveItems(folder.id, null)) {
            PropValue v = props.getOrDefault(id, Map.of()).get(tag);
            if (v != null && v.s != null) {
                ids.put(v.s, id);
                names.put(id, v.s);
            }
        }
        return new Entry(asOf, Map.copyOf(ids), Map.copyOf(names));
    }

    /** The held entry with the objects journaled in the folder after it read again. */
    private Entry delta(HierarchyObject folder, int tag, Entry held, long asOf) {
        List<Long> touched = objects.em().createQuery("select distinct c.objectId from ChangeEntry c"
                + " where c.parentId = :p and c.changeNum > :m and c.objectType = :t", Long.class)
                .setParameter("p", folder.id).setParameter("m", held.asOf())
                .setParameter("t", ObjectType.MAPI_MESSAGE).getResultList();
        Map<String, Long> ids = new HashMap<>(held.ids());
        Map<Long, String> names = new HashMap<>(held.names());
        for (Long id : touched) {
            String old = names.remove(id);
            if (old != null) ids.remove(old);
        }
        if (!touched.isEmpty()) {
            List<Long> live = liveItems(folder.id, touched);
            Map<Long, Map<Integer, PropValue>> props = objects.read(live, List.of(tag));
            for (Long id : live) {
                PropValue v = props.getOrDefault(id, Map.of()).get(tag);
                if (v != null && v.s != null) {
                    ids.put(v.s, id);
                    names.put(id, v.s);
                }
            }
        }
        return new Entry(asOf, Map.copyOf(ids), Map.copyOf(names));
    }

    /** The ids of the folder's live items (not associated, not deleted), of {@code among} when not null. */
    List<Long> liveItems(long folderId, List<Long> among) {
        if (among != null && among.isEmpty()) return new ArrayList<>();
        var q = objects.em().createQuery("select h.id from HierarchyObject h where h.parentId = :p and h.type = :t"
                + " and h.flags = 0 and h.deletedAt is null" + (among == null ? "" : " and h.id in :ids"), Long.class)
                .setParameter("p", folderId).setParameter("t", ObjectType.MAPI_MESSAGE);
        if (among != null) q.setParameter("ids", among);
        return q.getResultList();
    }
}
