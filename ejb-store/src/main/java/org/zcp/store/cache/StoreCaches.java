package org.zcp.store.cache;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Map;
import org.zcp.api.soap.PropValue;
import org.zcp.store.config.ServerSettings;

/**
 * The server's caches, sized by server.cfg (manual 9.2): the object cache (tree position of
 * objects, for permission checks), the indexed object cache (store GUIDs and ids), and the cell
 * cache (property values of table rows). Writers invalidate entries before and again after their
 * transaction completes, so no reader can re-cache a value that is about to change.
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

    @PostConstruct
    void init() {
        objects = new SizedCache<>("object", settings.getSize("cache_object_size"), v -> 48);
        storeGuids = new SizedCache<>("indexedobject", settings.getSize("cache_indexedobject_size"), v -> 80);
        cells = new SizedCache<>("cell", settings.getSize("cache_cell_size"), StoreCaches::cellBytes);
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
    }

    public String stats() {
        return objects.stats() + "; " + storeGuids.stats() + "; " + cells.stats();
    }
}
