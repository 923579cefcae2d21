package org.zcp.store.cache;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Map;
import org.zcp.store.api.mapi.PropValue;
import org.zcp.store.config.ServerSettings;

/**
 * The server's caches, sized by server.cfg (manual 9.2): the object cache (tree position of
 * objects, for permission checks), the indexed object cache (store GUIDs and ids), and the cell
 * cache (property values of table rows). Writers invalidate entries before and again after their
 * transaction completes, so no reader can re-cache a value that is about to change.
 *
 * <p>The cell cache's budget also holds what IMAP derived from messages' texts (ENVELOPE,
 * BODYSTRUCTURE, address fields: {@code PR_EC_IMAP_DERIVED}, docs/store-api.md), by folder and
 * UID, which name one message's text for as long as it has one: FETCH of envelopes and SEARCH
 * FROM of a folder read them from memory, as Dovecot reads its cache file, instead of one
 * property row each. A reader that read the rows while a text changed keeps nothing
 * ({@link #derivedStamp()}).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class StoreCaches {
    /** Where an object sits: enough to walk up to its folder and store. */
    public record ObjectInfo(long id, long parentId, long storeId, int type, int flags, long ownerId) {
    }

    @Inject
    ServerSettings settings;

    @Resource
    TransactionSynchronizationRegistry txRegistry;

    private SizedCache<Long, ObjectInfo> objects;
    private SizedCache<Long, String> storeGuids;
    private SizedCache<Long, Map<Integer, PropValue>> cells;
    private SizedCache<FolderUid, String> derived;
    /** Counts the removals from {@link #derived}; guarded by {@code derived}. */
    private long derivedRemovals;

    /** A message by folder and UID (a UID is never reused in a folder, invariant 1). */
    public record FolderUid(long folderId, long uid) {
    }

    @PostConstruct
    void init() {
        objects = new SizedCache<>("object", settings.getSize("cache_object_size"), v -> 48);
        storeGuids = new SizedCache<>("indexedobject", settings.getSize("cache_indexedobject_size"), v -> 80);
        cells = new SizedCache<>("cell", settings.getSize("cache_cell_size"), StoreCaches::cellBytes);
        // a quarter of the cell cache, as the folder index (core.FolderIndex): ~1 KB a message
        derived = new SizedCache<>("derived", settings.getSize("cache_cell_size") / 4, v -> 40 + v.length());
    }

    private static long cellBytes(Map<Integer, PropValue> m) {
        long n = 32;
        for (PropValue v : m.values()) n += 48 + v.octets();
        return n;
    }

    public ObjectInfo object(long id) {
        return objects.get(id);
    }

    public void putObject(ObjectInfo info) {
        objects.put(info.id(), info);
    }

    public String storeGuid(long storeId) {
        return storeGuids.get(storeId);
    }

    public void putStoreGuid(long storeId, String guid) {
        storeGuids.put(storeId, guid);
    }

    public Map<Integer, PropValue> cells(long id) {
        return cells.get(id);
    }

    public void putCells(long id, Map<Integer, PropValue> props) {
        cells.put(id, props);
    }

    /** What was derived from the text of a folder's message, or null. */
    public String derived(long folderId, long uid) {
        return derived.get(new FolderUid(folderId, uid));
    }

    /** A mark to take before reading derived values from the database, for {@link #putDerived}. */
    public long derivedStamp() {
        synchronized (derived) {
            return derivedRemovals;
        }
    }

    /**
     * Keeps derived values read from the database, by UID, unless one was removed since
     * {@code stamp} was taken: what was read may then be of a text that is gone.
     */
    public void putDerived(long folderId, Map<Long, String> byUid, long stamp) {
        synchronized (derived) {
            if (stamp != derivedRemovals) return;
            byUid.forEach((uid, v) -> derived.put(new FolderUid(folderId, uid), v));
        }
    }

    /** Forgets what was derived from a message's text (its text changed or went), now and when the transaction ends. */
    public void forgetDerived(long folderId, long uid) {
        FolderUid key = new FolderUid(folderId, uid);
        TxCache.forgetNowAndAtEnd(txRegistry, () -> {
            synchronized (derived) {
                derivedRemovals++;
                derived.remove(key);
            }
        });
    }

    /** Forget everything cached about an object, now and when the transaction ends. */
    public void invalidate(long id) {
        TxCache.forgetNowAndAtEnd(txRegistry, () -> {
            objects.remove(id);
            cells.remove(id);
        });
    }

    public void clear() {
        objects.clear();
        storeGuids.clear();
        cells.clear();
        synchronized (derived) {
            derivedRemovals++;
            derived.clear();
        }
    }

    public String stats() {
        return objects.stats() + "; " + storeGuids.stats() + "; " + cells.stats() + "; " + derived.stats();
    }
}
