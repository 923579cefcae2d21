package org.zcp.store.mapi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.zcp.api.mapi.ObjectType;
import org.zcp.api.mapi.PropTag;
import org.zcp.store.api.mapi.PropValue;
import org.zcp.store.entity.HierarchyObject;
import org.zcp.store.entity.StoreEntity;

/**
 * The properties of an object as a client sees them: the stored bag plus the values the server
 * computes (entry ids, counts, sizes, flags, times).
 */
@ApplicationScoped
public class PropertyReader {
    @Inject
    ObjectStore objects;

    @Inject
    EntityManager em;

    /** Every property of the object. */
    public Map<Integer, PropValue> all(HierarchyObject o) {
        Map<Integer, PropValue> out = new LinkedHashMap<>(objects.stored(o.id));
        computed(o, out, null);
        return out;
    }

    /** Requested properties; missing ones come back as MAPI_E_NOT_FOUND errors, as MAPI does. */
    public List<PropValue> some(HierarchyObject o, Collection<Integer> tags) {
        Map<Integer, PropValue> all = all(o);
        List<PropValue> out = new ArrayList<>();
        for (int tag : tags) {
            PropValue v = all.get(tag);
            out.add(v != null ? v : PropValue.ofError(tag, "MAPI_E_NOT_FOUND"));
        }
        return out;
    }

    /** Adds computed properties to {@code out}; when {@code only} is non-null, just those tags. */
    public void computed(HierarchyObject o, Map<Integer, PropValue> out, Collection<Integer> only) {
        String guid = objects.storeGuid(o.storeId);
        put(out, only, PropValue.ofBinary(PropTag.PR_ENTRYID, EntryIds.bytes(guid, o.id)));
        put(out, only, PropValue.ofBinary(PropTag.PR_RECORD_KEY, EntryIds.bytes(guid, o.id)));
        put(out, only, PropValue.ofBinary(PropTag.PR_INSTANCE_KEY, longBytes(o.id)));
        put(out, only, PropValue.ofBinary(PropTag.PR_SOURCE_KEY, EntryIds.sourceKey(guid, o.id)));
        if (o.parentId != 0) {
            put(out, only, PropValue.ofBinary(PropTag.PR_PARENT_ENTRYID, EntryIds.bytes(guid, o.parentId)));
            put(out, only, PropValue.ofBinary(PropTag.PR_PARENT_SOURCE_KEY, EntryIds.sourceKey(guid, o.parentId)));
        }
        StoreEntity st = objects.store(o.storeId);
        put(out, only, PropValue.ofBinary(PropTag.PR_STORE_ENTRYID, EntryIds.bytes(guid, st.hierarchyId)));
        put(out, only, PropValue.ofBinary(PropTag.PR_STORE_RECORD_KEY, java.util.HexFormat.of().parseHex(guid)));
        put(out, only, PropValue.ofLong(PropTag.PR_CREATION_TIME, o.created));
        put(out, only, PropValue.ofLong(PropTag.PR_LAST_MODIFICATION_TIME, o.modified));
        put(out, only, PropValue.ofLong(PropTag.PR_CHANGE_NUMBER, o.changeNum));
        if (o.deletedAt != null) put(out, only, PropValue.ofLong(PropTag.PR_DELETED_ON, o.deletedAt));
        for (PropValue v : FlagColumns.values(o.msgStatus, o.flagStatus, o.lastVerb)) put(out, only, v);
        switch (o.type) {
            case ObjectType.MAPI_FOLDER -> {
                put(out, only, PropValue.ofLong(PropTag.PR_OBJECT_TYPE, ObjectType.MAPI_FOLDER));
                put(out, only, PropValue.ofLong(PropTag.PR_FOLDER_TYPE, o.folderType));
                if (o.displayName != null) put(out, only, PropValue.ofString(PropTag.PR_DISPLAY_NAME, o.displayName));
                if (o.containerClass != null) {
                    put(out, only, PropValue.ofString(PropTag.PR_CONTAINER_CLASS, o.containerClass));
                }
                if (wants(only, PropTag.PR_CONTENT_COUNT, PropTag.PR_CONTENT_UNREAD, PropTag.PR_SUBFOLDERS,
                        PropTag.PR_ASSOC_CONTENT_COUNT, PropTag.PR_DELETED_MSG_COUNT)) {
                    counts(o, out, only);
                }
            }
            case ObjectType.MAPI_MESSAGE -> {
                put(out, only, PropValue.ofLong(PropTag.PR_OBJECT_TYPE, ObjectType.MAPI_MESSAGE));
                put(out, only, PropValue.ofLong(PropTag.PR_MESSAGE_FLAGS, o.msgFlags));
                put(out, only, PropValue.ofLong(PropTag.PR_MESSAGE_SIZE, Math.min(o.size, Integer.MAX_VALUE)));
                put(out, only, PropValue.ofLong(PropTag.PR_MESSAGE_SIZE_EXTENDED, o.size));
                put(out, only, PropValue.ofBool(PropTag.PR_HASATTACH, (o.msgFlags & PropTag.MSGFLAG_HASATTACH) != 0));
                put(out, only, PropValue.ofLong(PropTag.PR_EC_IMAP_ID, o.imapUid));
            }
            case ObjectType.MAPI_ATTACH -> put(out, only, PropValue.ofLong(PropTag.PR_OBJECT_TYPE, ObjectType.MAPI_ATTACH));
            default -> {
            }
        }
    }

    private void counts(HierarchyObject o, Map<Integer, PropValue> out, Collection<Integer> only) {
        long content = 0;
        long unread = 0;
        long assoc = 0;
        long deleted = 0;
        long folders = 0;
        // counted in the database, grouped by what the counts tell apart (a few groups), not a row per child
        // (MSGFLAG_READ is bit 0: MOD 2 is not 0, also for a negative value)
        for (Object[] row : em.createQuery("select h.type, h.flags, mod(h.msgFlags, 2),"
                + " case when h.deletedAt is null then 0 else 1 end, count(h) from HierarchyObject h"
                + " where h.parentId = :p group by h.type, h.flags, mod(h.msgFlags, 2),"
                + " case when h.deletedAt is null then 0 else 1 end", Object[].class)
                .setParameter("p", o.id).getResultList()) {
            int type = ((Number) row[0]).intValue();
            int flags = ((Number) row[1]).intValue();
            boolean read = ((Number) row[2]).intValue() != 0;
            boolean isDeleted = ((Number) row[3]).intValue() != 0;
            long n = ((Number) row[4]).longValue();
            if (type == ObjectType.MAPI_FOLDER) {
                if (!isDeleted) folders += n;
            } else if (type == ObjectType.MAPI_MESSAGE) {
                if (isDeleted) deleted += n;
                else if ((flags & 0x40) != 0) assoc += n;
                else {
                    content += n;
                    if (!read) unread += n;
                }
            }
        }
        put(out, only, PropValue.ofLong(PropTag.PR_CONTENT_COUNT, content));
        put(out, only, PropValue.ofLong(PropTag.PR_CONTENT_UNREAD, unread));
        put(out, only, PropValue.ofLong(PropTag.PR_ASSOC_CONTENT_COUNT, assoc));
        put(out, only, PropValue.ofLong(PropTag.PR_DELETED_MSG_COUNT, deleted));
        put(out, only, PropValue.ofBool(PropTag.PR_SUBFOLDERS, folders > 0));
    }

    private static boolean wants(Collection<Integer> only, int... tags) {
        if (only == null) return true;
        for (int t : tags) if (only.contains(t)) return true;
        return false;
    }

    private static void put(Map<Integer, PropValue> out, Collection<Integer> only, PropValue v) {
        if (only == null || only.contains(v.tag)) out.put(v.tag, v);
    }

    static byte[] longBytes(long v) {
        return java.nio.ByteBuffer.allocate(8).putLong(v).array();
    }
}
