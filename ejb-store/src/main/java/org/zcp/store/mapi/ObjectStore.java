package org.zcp.store.mapi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.zcp.api.mapi.MapiError;
import org.zcp.api.mapi.ObjectType;
import org.zcp.api.mapi.PropTag;
import org.zcp.api.mapi.PropType;
import org.zcp.store.api.mapi.PropValue;
import org.zcp.store.StoreException;
import org.zcp.store.cache.StoreCaches;
import org.zcp.store.cache.StoreCaches.ObjectInfo;
import org.zcp.store.entity.ChangeEntry;
import org.zcp.store.entity.HierarchyObject;
import org.zcp.store.entity.MvPropertyRow;
import org.zcp.store.entity.PropertyRow;
import org.zcp.store.entity.StoreEntity;

/**
 * Objects of the tree and their property bags: creation, lookup by entry id, reading and writing
 * properties with their hot columns, and the per-store change number and journal.
 */
@ApplicationScoped
public class ObjectStore {
    /** Tags kept only in hot columns or computed; never stored as property rows. */
    static final Set<Integer> NOT_STORED = Set.of(PropTag.PR_ENTRYID, PropTag.PR_PARENT_ENTRYID,
            PropTag.PR_STORE_ENTRYID, PropTag.PR_RECORD_KEY, PropTag.PR_INSTANCE_KEY, PropTag.PR_SOURCE_KEY,
            PropTag.PR_PARENT_SOURCE_KEY, PropTag.PR_OBJECT_TYPE, PropTag.PR_MESSAGE_FLAGS, PropTag.PR_MESSAGE_SIZE,
            PropTag.PR_MESSAGE_SIZE_EXTENDED, PropTag.PR_CONTENT_COUNT, PropTag.PR_CONTENT_UNREAD,
            PropTag.PR_SUBFOLDERS, PropTag.PR_ASSOC_CONTENT_COUNT, PropTag.PR_DELETED_ON, PropTag.PR_ACCESS,
            PropTag.PR_RIGHTS, PropTag.PR_STORE_RECORD_KEY, PropTag.PR_HASATTACH, PropTag.PR_EC_IMAP_ID,
            PropTag.PR_CHANGE_NUMBER, PropTag.PR_CREATION_TIME, PropTag.PR_LAST_MODIFICATION_TIME,
            PropTag.PR_FOLDER_TYPE, PropTag.PR_DEPTH, PropTag.PR_ROWID, PropTag.PR_ATTACH_NUM,
            PropTag.PR_ATTACH_SIZE, PropTag.PR_ATTACH_DATA_BIN, PropTag.PR_DELETED_MSG_COUNT);

    @Inject
    EntityManager em;

    @Inject
    StoreCaches caches;

    @Inject
    org.zcp.store.cache.RulesCache rules;

    @Inject
    org.zcp.store.cache.OofCache oof;

    @jakarta.annotation.Resource
    jakarta.transaction.TransactionSynchronizationRegistry txRegistry;

    // ---- lookup ------------------------------------------------------------------------------

    public HierarchyObject object(long id) {
        HierarchyObject o = em.find(HierarchyObject.class, id);
        if (o == null) throw StoreException.notFound("object " + id);
        return o;
    }

    /** The object with this id, or null when there is none (a queue entry's message may be gone). */
    public HierarchyObject find(long id) {
        return em.find(HierarchyObject.class, id);
    }

    /**
     * Live messages of a store with this Message-ID (PR_INTERNET_MESSAGE_ID's hot column) made after
     * {@code since}: what duplicate suppression of deliveries compares with.
     */
    public List<HierarchyObject> messagesWithId(long storeId, String messageId, long since) {
        return em.createQuery("select h from HierarchyObject h where h.storeId = :s and h.messageId = :m"
                + " and h.type = :t and h.deletedAt is null and h.created > :since", HierarchyObject.class)
                .setParameter("s", storeId).setParameter("m", messageId).setParameter("t", ObjectType.MAPI_MESSAGE)
                .setParameter("since", since).setFlushMode(jakarta.persistence.FlushModeType.COMMIT).getResultList();
    }

    /** A folder that exists and is not deleted (the store API's folder ids); NOT_FOUND otherwise. */
    public HierarchyObject liveFolder(long id) {
        HierarchyObject f = em.find(HierarchyObject.class, id);
        if (f == null || f.type != ObjectType.MAPI_FOLDER || f.deletedAt != null) throw StoreException.notFound("folder");
        return f;
    }

    public ObjectInfo info(long id) {
        ObjectInfo i = caches.object(id);
        if (i != null) return i;
        HierarchyObject o = object(id);
        i = new ObjectInfo(o.id, o.parentId, o.storeId, o.type, o.flags, o.ownerId);
        caches.putObject(i);
        return i;
    }

    /** As {@link #info}, or null when there is no such object. */
    public ObjectInfo findInfo(long id) {
        ObjectInfo i = caches.object(id);
        if (i != null) return i;
        HierarchyObject o = find(id);
        if (o == null) return null;
        i = new ObjectInfo(o.id, o.parentId, o.storeId, o.type, o.flags, o.ownerId);
        caches.putObject(i);
        return i;
    }

    public StoreEntity store(long id) {
        StoreEntity s = em.find(StoreEntity.class, id);
        if (s == null) throw StoreException.notFound("store " + id);
        return s;
    }

    public StoreEntity storeByGuid(String guid) {
        List<StoreEntity> l = em.createQuery("select s from StoreEntity s where s.guid = :g", StoreEntity.class)
                .setParameter("g", guid.toUpperCase()).getResultList();
        if (l.isEmpty()) throw StoreException.notFound("store " + guid);
        return l.get(0);
    }

    public String storeGuid(long storeId) {
        String g = caches.storeGuid(storeId);
        if (g == null) {
            g = store(storeId).guid;
            caches.putStoreGuid(storeId, g);
        }
        return g;
    }

    /** The object an entry id names; MAPI_E_INVALID_ENTRYID when the GUID does not match its store. */
    public HierarchyObject resolve(String entryId) {
        EntryIds.Parsed p = EntryIds.parse(entryId);
        HierarchyObject o = em.find(HierarchyObject.class, p.objectId());
        if (o == null) throw StoreException.notFound("object");
        if (!storeGuid(o.storeId).equalsIgnoreCase(p.storeGuid())) {
            throw new StoreException(MapiError.MAPI_E_INVALID_ENTRYID, "entry id does not belong to its store");
        }
        return o;
    }

    public String entryId(HierarchyObject o) {
        return EntryIds.hex(storeGuid(o.storeId), o.id);
    }

    public String entryId(long storeId, long objectId) {
        return EntryIds.hex(storeGuid(storeId), objectId);
    }

    public List<HierarchyObject> children(long parentId, int type, boolean deleted) {
        return em.createQuery("select h from HierarchyObject h where h.parentId = :p and h.type = :t and h.deletedAt is "
                + (deleted ? "not null" : "null") + " order by h.id", HierarchyObject.class)
                .setParameter("p", parentId).setParameter("t", type).getResultList();
    }

    /** All children regardless of type and state. */
    public List<HierarchyObject> allChildren(long parentId) {
        return em.createQuery("select h from HierarchyObject h where h.parentId = :p order by h.id",
                HierarchyObject.class).setParameter("p", parentId).getResultList();
    }

    /** The folder a message, recipient or attachment belongs to (the object itself for folders). */
    public ObjectInfo folderOf(long id) {
        ObjectInfo i = info(id);
        while (i.type() != ObjectType.MAPI_FOLDER && i.type() != ObjectType.MAPI_STORE && i.parentId() != 0) {
            i = info(i.parentId());
        }
        return i;
    }

    // ---- creation ----------------------------------------------------------------------------

    public HierarchyObject create(long storeId, long parentId, int type, long ownerId) {
        return create(storeId, parentId, type, ownerId, o -> { });
    }

    /**
     * A new object whose row starts with what {@code preset} gives it (the hot columns of the
     * properties about to be written, its size): inserted complete, it needs no update when those
     * are written (H2 rewrites every index of a row it updates).
     */
    public HierarchyObject create(long storeId, long parentId, int type, long ownerId,
            java.util.function.Consumer<HierarchyObject> preset) {
        HierarchyObject o = new HierarchyObject();
        o.storeId = storeId;
        o.parentId = parentId;
        o.type = type;
        o.ownerId = ownerId;
        o.created = o.modified = System.currentTimeMillis();
        preset.accept(o);
        // inserted at once (its id is an identity); nothing else is flushed here, so what the
        // transaction changes on other rows meanwhile (the message a recipient is made for) is
        // written together at the next flush instead of once per object created (H2 rewrites
        // every index of a row at each update)
        em.persist(o);
        return o;
    }

    // ---- properties --------------------------------------------------------------------------

    /** Stored properties of an object (single- and multi-valued), by tag. */
    public Map<Integer, PropValue> stored(long id) {
        Map<Integer, PropValue> out = new LinkedHashMap<>();
        for (PropertyRow r : em.createQuery("select p from PropertyRow p where p.hierarchyId = :id", PropertyRow.class)
                .setParameter("id", id).getResultList()) {
            out.put(r.tag, Props.fromRow(r));
        }
        Map<Integer, List<MvPropertyRow>> mv = new LinkedHashMap<>();
        for (MvPropertyRow r : em.createQuery("select p from MvPropertyRow p where p.hierarchyId = :id order by p.tag,"
                + " p.orderId", MvPropertyRow.class).setParameter("id", id).getResultList()) {
            mv.computeIfAbsent(r.tag, k -> new ArrayList<>()).add(r);
        }
        mv.forEach((tag, rows) -> out.put(tag, Props.fromMvRows(tag, rows)));
        return out;
    }

    /**
     * Stored properties of every child of a folder, limited to some tags: one join instead of long
     * IN lists (which H2 compares row by row). Plain column values, no entity managed: a message
     * list of 10,000 rows would otherwise put 30,000 property entities in the persistence context,
     * each one compared at commit.
     */
    public Map<Long, Map<Integer, PropValue>> readOfChildren(long parentId, Collection<Integer> tags) {
        return read(" and h.parentId = :parent", Map.of("parent", parentId), tags);
    }

    /**
     * {@link #readOfChildren} of the folder's messages with UIDs from {@code lo} to {@code hi}: one
     * index range (hierarchy_parent_uid) instead of an IN list of object ids.
     */
    public Map<Long, Map<Integer, PropValue>> readOfMessages(long parentId, Collection<Integer> tags, long lo, long hi) {
        return read(" and h.parentId = :parent and h.type = " + ObjectType.MAPI_MESSAGE
                + " and h.imapUid between :lo and :hi", Map.of("parent", parentId, "lo", lo, "hi", hi), tags);
    }

    /** Stored properties of many objects, limited to some tags (table rows): plain values, in chunks of 500. */
    public Map<Long, Map<Integer, PropValue>> read(Collection<Long> ids, Collection<Integer> tags) {
        Map<Long, Map<Integer, PropValue>> out = new HashMap<>();
        List<Long> list = new ArrayList<>(ids);
        if (list.size() == 1) return read(" and h.id = :id", Map.of("id", list.get(0)), tags);
        for (int i = 0; i < list.size(); i += 500) {
            read(" and h.id in :ids", Map.of("ids", list.subList(i, Math.min(list.size(), i + 500))), tags)
                    .forEach(out::put);
        }
        return out;
    }

    /**
     * Every stored property of many objects (a multiget's messages and their recipients and
     * attachments): two queries per 500 objects instead of two per object, plain values.
     */
    public Map<Long, Map<Integer, PropValue>> storedOf(Collection<Long> ids) {
        Map<Long, Map<Integer, PropValue>> out = new HashMap<>();
        List<Long> list = new ArrayList<>(ids);
        for (int i = 0; i < list.size(); i += 500) {
            read(" and h.id in :ids", Map.of("ids", list.subList(i, Math.min(list.size(), i + 500))), null)
                    .forEach(out::put);
        }
        return out;
    }

    /** The live recipients and attachments of many messages, by message, each in object order. */
    public Map<Long, List<HierarchyObject>> partsOf(Collection<Long> messageIds) {
        Map<Long, List<HierarchyObject>> out = new HashMap<>();
        List<Long> list = new ArrayList<>(messageIds);
        for (int i = 0; i < list.size(); i += 500) {
            for (HierarchyObject h : em.createQuery("select h from HierarchyObject h where h.parentId in :p"
                    + " and h.type in (" + ObjectType.MAPI_MAILUSER + ", " + ObjectType.MAPI_ATTACH + ")"
                    + " and h.deletedAt is null order by h.id", HierarchyObject.class)
                    .setParameter("p", list.subList(i, Math.min(list.size(), i + 500))).getResultList()) {
                out.computeIfAbsent(h.parentId, k -> new ArrayList<>()).add(h);
            }
        }
        return out;
    }

    /** Live objects by id, those that exist. */
    public Map<Long, HierarchyObject> findAll(Collection<Long> ids) {
        Map<Long, HierarchyObject> out = new HashMap<>();
        List<Long> list = new ArrayList<>(ids);
        for (int i = 0; i < list.size(); i += 500) {
            for (HierarchyObject h : em.createQuery("select h from HierarchyObject h where h.id in :ids",
                    HierarchyObject.class).setParameter("ids", list.subList(i, Math.min(list.size(), i + 500)))
                    .getResultList()) {
                out.put(h.id, h);
            }
        }
        return out;
    }

    /**
     * Property tags as an SQL list of literals, "(t1, t2, ...)": Hibernate translates a query with a
     * list parameter anew at every execution (its SQL depends on the list's length), and these
     * queries run per delivery and per IMAP command (an out-of-office check spent half its time
     * translating). Tags are numbers, so nothing from outside reaches the query's text.
     */
    static String literals(Collection<Integer> tags) {
        StringBuilder sb = new StringBuilder("(");
        for (int t : tags) sb.append(sb.length() > 1 ? ", " : "").append(t);
        return sb.append(')').toString();
    }

    /** Properties of the objects {@code where} selects: those of {@code tags}, or all when null. */
    private Map<Long, Map<Integer, PropValue>> read(String where, Map<String, Object> params, Collection<Integer> tags) {
        Map<Long, Map<Integer, PropValue>> out = new HashMap<>();
        if (tags != null && tags.isEmpty()) return out;
        List<Integer> single = tags == null ? null : tags.stream().filter(t -> !PropType.isMultiValued(t)).toList();
        List<Integer> multi = tags == null ? null : tags.stream().filter(PropType::isMultiValued).toList();
        if (single == null || !single.isEmpty()) {
            var q = em.createQuery("select p.hierarchyId, p.tag, p.valLong, p.valDouble, p.valString, p.valText,"
                    + " p.valBinary from PropertyRow p, HierarchyObject h where h.id = p.hierarchyId" + where
                    + (single == null ? "" : " and p.tag in " + literals(single)), Object[].class);
            params.forEach(q::setParameter);
            for (Object[] c : q.getResultList()) {
                PropertyRow r = new PropertyRow();
                r.hierarchyId = (Long) c[0];
                r.tag = (Integer) c[1];
                r.valLong = (Long) c[2];
                r.valDouble = (Double) c[3];
                r.valString = (String) c[4];
                r.valText = (String) c[5];
                r.valBinary = (byte[]) c[6];
                out.computeIfAbsent(r.hierarchyId, k -> new HashMap<>()).put(r.tag, Props.fromRow(r));
            }
        }
        if (multi == null || !multi.isEmpty()) {
            Map<Long, Map<Integer, List<MvPropertyRow>>> mv = new HashMap<>();
            var q = em.createQuery("select p.hierarchyId, p.tag, p.valLong, p.valDouble, p.valString, p.valBinary"
                    + " from MvPropertyRow p, HierarchyObject h where h.id = p.hierarchyId" + where
                    + (multi == null ? "" : " and p.tag in " + literals(multi))
                    + " order by p.hierarchyId, p.tag, p.orderId", Object[].class);
            params.forEach(q::setParameter);
            for (Object[] c : q.getResultList()) {
                MvPropertyRow r = new MvPropertyRow();
                r.hierarchyId = (Long) c[0];
                r.tag = (Integer) c[1];
                r.valLong = (Long) c[2];
                r.valDouble = (Double) c[3];
                r.valString = (String) c[4];
                r.valBinary = (byte[]) c[5];
                mv.computeIfAbsent(r.hierarchyId, k -> new HashMap<>()).computeIfAbsent(r.tag, k -> new ArrayList<>())
                        .add(r);
            }
            mv.forEach((id, byTag) -> byTag.forEach((tag, rows) ->
                    out.computeIfAbsent(id, k -> new HashMap<>()).put(tag, Props.fromMvRows(tag, rows))));
        }
        return out;
    }

    /**
     * Writes properties (replacing same tags) and keeps the hot columns in step. Computed
     * properties are refused with MAPI_E_COMPUTED, except PR_MESSAGE_FLAGS which is kept in its
     * hot column.
     */
    public void setProps(HierarchyObject o, List<PropValue> props) {
        setProps(o, props, false);
    }

    /**
     * The row's columns that {@code props} set, as {@link #setProps} sets them, for an object not
     * yet inserted; the properties themselves are written by setProps afterwards.
     */
    public static void presetColumns(HierarchyObject o, List<PropValue> props) {
        if (props == null) return;
        for (PropValue v : props) {
            if (v != null && !rowOnly(o, v)) hot(o, v);
        }
    }

    /**
     * Sets a property that lives only in the object's row (PR_MESSAGE_FLAGS, the flag columns, a
     * folder's name and class); false for any other, which is stored as a property row.
     */
    private static boolean rowOnly(HierarchyObject o, PropValue v) {
        if (v.tag == PropTag.PR_MESSAGE_FLAGS) {
            o.msgFlags = v.l == null ? 0 : v.l.intValue();
        } else if (FlagColumns.has(v.tag)) {
            FlagColumns.set(o, v.tag, v.l == null ? 0L : v.l);
        } else if (v.tag == PropTag.PR_DISPLAY_NAME && o.type == ObjectType.MAPI_FOLDER) {
            o.displayName = v.s;
        } else if (v.tag == PropTag.PR_CONTAINER_CLASS && o.type == ObjectType.MAPI_FOLDER) {
            o.containerClass = v.s;
        } else {
            return false;
        }
        return true;
    }

    /**
     * Like {@link #setProps(HierarchyObject, List)}; {@code fresh}: the object has none of these
     * properties yet (just created, or known to lack them), so there are no rows to replace.
     */
    public void setProps(HierarchyObject o, List<PropValue> props, boolean fresh) {
        if (props == null) return;
        if (o.type == ObjectType.MAPI_FOLDER) FolderGeneration.changed(txRegistry);
        // a fresh object's single-valued rows: one statement at the end (FreshRows), by tag
        java.util.Map<Integer, PropertyRow> rows = fresh ? new java.util.LinkedHashMap<>() : null;
        for (PropValue v : props) {
            if (v == null) throw StoreException.invalid("empty property value");
            if (v.tag == PropTag.PR_RULES_DATA) rules.changed(o.id);
            if (org.zcp.store.cache.OofCache.TAGS.contains(v.tag)) oof.changed(o.id);
            if (rowOnly(o, v)) continue;
            if (NOT_STORED.contains(v.tag)) {
                continue; // computed by the server; silently ignored as MAPI providers do
            }
            if (PropType.base(v.tag) == PropType.PT_UNSPECIFIED || PropType.base(v.tag) == PropType.PT_OBJECT) {
                throw new StoreException(MapiError.MAPI_E_INVALID_TYPE, String.format("tag 0x%08X", v.tag));
            }
            if (PropType.isMultiValued(v.tag)) {
                if (fresh) {
                    for (MvPropertyRow r : Props.toMvRows(o.id, v)) em.persist(r);
                } else {
                    putMulti(o.id, v);
                }
            } else if (fresh) {
                rows.put(v.tag, Props.toRow(o.id, v));
            } else {
                put(o.id, v, false);
            }
            hot(o, v);
            PropValue size = keptTextSize(v);
            if (size != null) {
                // the size beside the text, so message lists never read the text for it; what was
                // derived from an earlier text goes with it
                if (fresh) rows.put(size.tag, Props.toRow(o.id, size));
                else put(o.id, size, false);
                if (!fresh) {
                    removeRows(o.id, PropTag.PR_EC_IMAP_DERIVED);
                    caches.forgetDerived(o.parentId, o.imapUid);
                }
            }
        }
        if (rows != null && !rows.isEmpty()) {
            org.zcp.store.db.GroupCommit.wrote(); // JDBC around Hibernate: its inspector sees none of it
            em.unwrap(org.hibernate.Session.class).doWork(c -> FreshRows.insert(c, rows.values()));
        }
        // a fresh object was made a moment ago: its modification time is its creation time
        if (!fresh) o.modified = System.currentTimeMillis();
        caches.invalidate(o.id);
    }

    /**
     * What is kept beside a message's kept RFC 822 text ({@code v} when it is one): its size,
     * PR_EC_IMAP_EMAIL_SIZE; null for any other value.
     */
    public static PropValue keptTextSize(PropValue v) {
        return v.tag == PropTag.PR_EC_IMAP_EMAIL && v.bin != null
                ? PropValue.ofLong(PropTag.PR_EC_IMAP_EMAIL_SIZE, v.bin.length) : null;
    }

    /**
     * Keeps what a protocol derived from a message's text ({@link PropTag#PR_EC_IMAP_DERIVED}):
     * a property row and nothing else; not a change of the message (no modification time, no
     * journal entry, no event), since the message is as it was.
     */
    public void keepDerived(long folderId, long uid, long id, PropValue v) {
        put(id, v, false);
        // a value kept over one the reader did not recognise: the cache must not serve the old one
        caches.forgetDerived(folderId, uid);
    }

    /**
     * A single-valued property row written: a row that exists is changed in place. Removing it and
     * persisting a new one with the same key makes Hibernate flush the whole persistence context
     * first, once per property: STORE on 1,000 messages became quadratic.
     */
    private void put(long id, PropValue v, boolean fresh) {
        PropertyRow row = Props.toRow(id, v);
        PropertyRow held = fresh ? null : em.find(PropertyRow.class, new org.zcp.store.entity.PropertyId(id, v.tag));
        if (held == null) {
            em.persist(row);
            return;
        }
        held.type = row.type;
        held.valLong = row.valLong;
        held.valDouble = row.valDouble;
        held.valString = row.valString;
        held.valText = row.valText;
        held.valBinary = row.valBinary;
    }

    /**
     * A multi-valued property's rows written in place, by their order: values changed where a row
     * is there, new rows persisted after them, rows beyond the new values removed. Neither a bulk
     * delete (which would leave rows read earlier in the transaction managed) nor remove and
     * persist under the same key (a flush of the whole persistence context each time).
     */
    private void putMulti(long id, PropValue v) {
        List<MvPropertyRow> rows = Props.toMvRows(id, v);
        int order = 0;
        for (MvPropertyRow row : rows) {
            MvPropertyRow held = em.find(MvPropertyRow.class, mvKey(id, v.tag, order++));
            if (held == null) {
                em.persist(row);
                continue;
            }
            held.type = row.type;
            held.valLong = row.valLong;
            held.valDouble = row.valDouble;
            held.valString = row.valString;
            held.valBinary = row.valBinary;
        }
        for (MvPropertyRow extra; (extra = em.find(MvPropertyRow.class, mvKey(id, v.tag, order++))) != null;) {
            em.remove(extra);
        }
    }

    private static org.zcp.store.entity.MvPropertyId mvKey(long id, int tag, int order) {
        org.zcp.store.entity.MvPropertyId k = new org.zcp.store.entity.MvPropertyId();
        k.hierarchyId = id;
        k.tag = tag;
        k.orderId = order;
        return k;
    }

    public void deleteProps(HierarchyObject o, Collection<Integer> tags) {
        if (o.type == ObjectType.MAPI_FOLDER) FolderGeneration.changed(txRegistry);
        for (int tag : tags) {
            if (tag == PropTag.PR_RULES_DATA) rules.changed(o.id);
            if (org.zcp.store.cache.OofCache.TAGS.contains(tag)) oof.changed(o.id);
            if (FlagColumns.has(tag)) {
                FlagColumns.set(o, tag, null);
                continue;
            }
            removeRows(o.id, tag);
            if (tag == PropTag.PR_EC_IMAP_EMAIL) {
                removeRows(o.id, PropTag.PR_EC_IMAP_EMAIL_SIZE);
                removeRows(o.id, PropTag.PR_EC_IMAP_DERIVED);
            }
            if (tag == PropTag.PR_EC_IMAP_EMAIL || tag == PropTag.PR_EC_IMAP_DERIVED) {
                caches.forgetDerived(o.parentId, o.imapUid);
            }
            hot(o, PropValue.ofError(tag, "deleted"));
        }
        o.modified = System.currentTimeMillis();
        caches.invalidate(o.id);
    }

    /**
     * Property ids whose values a message's RFC 822 text shows (what MapiToMime renders: subject,
     * bodies, sender, dates, importance, message ids and references, headers); the property type
     * does not matter (PT_STRING8 or PT_UNICODE).
     */
    static final Set<Integer> RENDERED_IDS = Set.of(PropTag.PR_SUBJECT >>> 16, PropTag.PR_SUBJECT_PREFIX >>> 16,
            PropTag.PR_NORMALIZED_SUBJECT >>> 16, PropTag.PR_BODY >>> 16, PropTag.PR_HTML >>> 16,
            PropTag.PR_RTF_COMPRESSED >>> 16, PropTag.PR_SENDER_NAME >>> 16, PropTag.PR_SENDER_EMAIL_ADDRESS >>> 16,
            PropTag.PR_SENDER_ADDRTYPE >>> 16, PropTag.PR_SENT_REPRESENTING_NAME >>> 16,
            PropTag.PR_SENT_REPRESENTING_EMAIL_ADDRESS >>> 16, PropTag.PR_CLIENT_SUBMIT_TIME >>> 16,
            PropTag.PR_IMPORTANCE >>> 16, PropTag.PR_INTERNET_MESSAGE_ID >>> 16, PropTag.PR_IN_REPLY_TO_ID >>> 16,
            0x1039 /* PR_INTERNET_REFERENCES */, PropTag.PR_TRANSPORT_MESSAGE_HEADERS >>> 16);

    /**
     * A message changed over MAPI: when the change is to what its kept RFC 822 text shows
     * ({@code tags} among {@link #RENDERED_IDS}, or {@code parts}: recipients or attachments), the
     * text (with its size and what was derived from it) no longer says what the message says and
     * goes; IMAP and POP3 convert the message anew when they next need it. Flags, categories and
     * other state keep the text, and so do writes that bring the text themselves.
     */
    public void contentChanged(HierarchyObject msg, Collection<Integer> tags, boolean parts) {
        if (msg.type != ObjectType.MAPI_MESSAGE || tags.contains(PropTag.PR_EC_IMAP_EMAIL)) return;
        if (!parts && tags.stream().noneMatch(t -> RENDERED_IDS.contains(t >>> 16))) return;
        // the size row says whether there is a text, without reading the text
        if (em.find(PropertyRow.class, new org.zcp.store.entity.PropertyId(msg.id, PropTag.PR_EC_IMAP_EMAIL_SIZE))
                == null) {
            return;
        }
        deleteProps(msg, List.of(PropTag.PR_EC_IMAP_EMAIL));
    }

    private void removeRows(long id, int tag) {
        PropertyRow row = em.find(PropertyRow.class, new org.zcp.store.entity.PropertyId(id, tag));
        if (row != null) em.remove(row);
        if (PropType.isMultiValued(tag)) {
            // through the persistence context, not a bulk delete: rows read earlier in this
            // transaction (the keywords a STORE reads before it changes them) would stay in it, and
            // persisting the new rows under the same keys failed (NonUniqueObjectException)
            for (MvPropertyRow r : em.createQuery("select p from MvPropertyRow p where p.hierarchyId = :id"
                    + " and p.tag = :t", MvPropertyRow.class).setParameter("id", id).setParameter("t", tag)
                    .getResultList()) {
                em.remove(r);
            }
        }
    }

    private static void hot(HierarchyObject o, PropValue v) {
        switch (v.tag) {
            case PropTag.PR_SUBJECT -> o.subject = truncate(v.s);
            case PropTag.PR_MESSAGE_CLASS -> o.messageClass = truncate(v.s);
            case PropTag.PR_SENDER_NAME -> o.senderName = truncate(v.s);
            case PropTag.PR_SENDER_EMAIL_ADDRESS -> o.senderEmail = truncate(v.s);
            case PropTag.PR_DISPLAY_TO -> o.displayTo = truncate(v.s);
            case PropTag.PR_MESSAGE_DELIVERY_TIME -> o.deliveryTime = v.l;
            case PropTag.PR_INTERNET_MESSAGE_ID -> o.messageId = truncate(v.s);
            default -> {
            }
        }
    }

    static String truncate(String s) {
        return s == null ? null : s.length() <= 255 ? s : s.substring(0, 255);
    }

    public void copyProps(long fromId, long toId) {
        for (PropertyRow r : em.createQuery("select p from PropertyRow p where p.hierarchyId = :id", PropertyRow.class)
                .setParameter("id", fromId).getResultList()) {
            PropertyRow c = new PropertyRow();
            c.hierarchyId = toId;
            c.tag = r.tag;
            c.type = r.type;
            c.valLong = r.valLong;
            c.valDouble = r.valDouble;
            c.valString = r.valString;
            c.valText = r.valText;
            c.valBinary = r.valBinary;
            em.persist(c);
        }
        for (MvPropertyRow r : em.createQuery("select p from MvPropertyRow p where p.hierarchyId = :id",
                MvPropertyRow.class).setParameter("id", fromId).getResultList()) {
            MvPropertyRow c = new MvPropertyRow();
            c.hierarchyId = toId;
            c.tag = r.tag;
            c.orderId = r.orderId;
            c.type = r.type;
            c.valLong = r.valLong;
            c.valDouble = r.valDouble;
            c.valString = r.valString;
            c.valBinary = r.valBinary;
            em.persist(c);
        }
    }

    /** Removes an object's rows for good (purge): properties, ACL and the object itself. */
    public void destroy(HierarchyObject o) {
        em.createQuery("delete from PropertyRow p where p.hierarchyId = :id").setParameter("id", o.id).executeUpdate();
        em.createQuery("delete from MvPropertyRow p where p.hierarchyId = :id").setParameter("id", o.id)
                .executeUpdate();
        em.createQuery("delete from AclRow a where a.hierarchyId = :id").setParameter("id", o.id).executeUpdate();
        em.remove(o);
        caches.invalidate(o.id);
        if (o.type == ObjectType.MAPI_MESSAGE) caches.forgetDerived(o.parentId, o.imapUid);
    }

    // ---- change numbers and journal ------------------------------------------------------------

    /**
     * The entity write-locked, with its state as of the lock. JPA's find with a pessimistic lock
     * does not reload an entity the transaction already holds, so a counter read before the lock
     * (a folder's next UID, a store's change number or size) would be stale and two concurrent
     * deliveries would hand out the same UID. The first lock in a transaction therefore flushes
     * and refreshes; later ones find the entity locked and current already.
     */
    public <T> T lockFresh(Class<T> type, Object id) {
        java.util.Map<String, Boolean> held = org.zcp.store.cache.TxCache.of(txRegistry, "zcp.locked");
        String key = type.getName() + "#" + id;
        if (held != null && held.containsKey(key)) return em.find(type, id);
        T e = em.find(type, id);
        if (e == null) return null;
        em.flush();
        em.refresh(e, LockModeType.PESSIMISTIC_WRITE);
        if (held != null) held.put(key, Boolean.TRUE);
        return e;
    }

    /**
     * Bumps the store's change number and journals the change (serialised per store); subscribers
     * of the change feed hear of it once the transaction commits.
     */
    public long journal(HierarchyObject o, int changeType) {
        if (o.type == ObjectType.MAPI_FOLDER) FolderGeneration.changed(txRegistry);
        StoreEntity s = lockFresh(StoreEntity.class, o.storeId);
        s.changeNum++;
        s.lastModified = System.currentTimeMillis();
        o.changeNum = s.changeNum;
        ChangeEntry c = new ChangeEntry();
        c.storeId = o.storeId;
        c.changeNum = s.changeNum;
        c.objectId = o.id;
        c.parentId = o.parentId;
        c.objectType = o.type;
        c.changeType = changeType;
        c.changed = s.lastModified;
        c.imapUid = o.imapUid;
        em.persist(c);
        ChangeEvents.afterCommit(txRegistry, c);
        return s.changeNum;
    }

    /** Each folder's highest committed change number of its contents, as far as this server knows it. */
    private static final java.util.concurrent.ConcurrentHashMap<Long, Long> CONTENT_CHANGES =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The highest change number journaled for anything in a folder (message added, changed,
     * removed): a folder's HIGHESTMODSEQ. Kept in memory once known, advanced after each commit
     * (ChangeEvents); the journal is asked once per folder after a start. Before, every SELECT
     * sorted the folder's whole journal for its newest entry.
     */
    public long contentChangeNum(long folderId) {
        Long known = CONTENT_CHANGES.get(folderId);
        return known != null ? known : journalMax(folderId);
    }

    /**
     * The highest change number journaled for a folder's contents as this transaction reads it
     * from the database (what the folder index is brought up to); {@link #contentChangeNum} learns
     * it too.
     */
    public long journalMax(long folderId) {
        // only the journal from the last number known here on is read: H2 reads every entry of the
        // folder for a MAX with just the folder in its condition (the journal gains a row per
        // message and flag change). The maximum is at or above any number that was ever in the
        // journal; when none is there (one seen in a transaction that rolled back), the whole read
        // answers.
        Long known = CONTENT_CHANGES.get(folderId);
        Long max = known == null ? null : em.createQuery("select max(c.changeNum) from ChangeEntry c"
                + " where c.parentId = :p and c.changeNum >= :k", Long.class).setParameter("p", folderId)
                .setParameter("k", known).getSingleResult();
        if (max == null) {
            max = em.createQuery("select max(c.changeNum) from ChangeEntry c where c.parentId = :p", Long.class)
                    .setParameter("p", folderId).getSingleResult();
        }
        long read = max == null ? 0L : max;
        CONTENT_CHANGES.merge(folderId, read, Math::max);
        return read;
    }

    /**
     * Whether anything in a folder was journaled with a change number strictly between {@code
     * above} and {@code below} (committed, or flushed by this transaction); this transaction's
     * unflushed writes are not flushed for it.
     */
    public boolean journaledBetween(long folderId, long above, long below) {
        if (below - above <= 1) return false;
        // the first row of the range, not an aggregate over it: an entry nobody brought up to date
        // (a folder delivered to but not read) leaves a range that grows with every delivery
        return !em.createQuery("select c.changeNum from ChangeEntry c where c.parentId = :p"
                + " and c.changeNum > :a and c.changeNum < :b", Long.class).setParameter("p", folderId)
                .setParameter("a", above).setParameter("b", below).setMaxResults(1)
                .setFlushMode(jakarta.persistence.FlushModeType.COMMIT).getResultList().isEmpty();
    }

    /** A committed change in a folder (ChangeEvents, after the commit). */
    static void contentChanged(long folderId, long changeNum) {
        CONTENT_CHANGES.computeIfPresent(folderId, (k, v) -> Math.max(v, changeNum));
    }

    /** Adds to a store's size for quota (manual 4.12); negative to shrink. */
    /** PR_MESSAGE_SIZE: properties, recipients and attachments; the store size follows (quota). */
    public void updateSize(HierarchyObject msg) {
        long size = 0;
        for (PropValue v : stored(msg.id).values()) size += v.octets();
        boolean hasAttach = false;
        for (HierarchyObject c : allChildren(msg.id)) {
            if (c.deletedAt != null) continue;
            for (PropValue v : stored(c.id).values()) size += v.octets();
            if (c.type == ObjectType.MAPI_ATTACH) {
                size += c.size;
                hasAttach = true;
            }
        }
        msg.msgFlags = hasAttach ? msg.msgFlags | PropTag.MSGFLAG_HASATTACH : msg.msgFlags & ~PropTag.MSGFLAG_HASATTACH;
        addSize(msg.storeId, size - msg.size);
        msg.size = size;
    }

    public void addSize(long storeId, long delta) {
        if (delta == 0) return;
        // through the managed entity, so that a later flush of the same store row keeps the sum
        StoreEntity s = lockFresh(StoreEntity.class, storeId);
        s.storeSize = Math.max(0, s.storeSize + delta);
    }

    public void invalidate(long id) {
        caches.invalidate(id);
    }

    /**
     * Sets a message's PR_MESSAGE_FLAGS as a flag change (journaled, announced, its cached
     * properties dropped); nothing when they are already so.
     */
    public void setMessageFlags(HierarchyObject msg, int flags) {
        if (flags == msg.msgFlags) return;
        msg.msgFlags = flags;
        journal(msg, ChangeEntry.FLAGS);
        invalidate(msg.id);
    }

    /**
     * The live (not deleted) folder of store {@code storeId} that an entry id names, or null for
     * anything else, a malformed entry id included. Never throws: a caller that asks whether a
     * rule's folder is still there must not doom its transaction by asking.
     */
    public HierarchyObject liveFolderOf(long storeId, String entryId) {
        if (entryId == null || entryId.isBlank()) return null;
        EntryIds.Parsed p;
        try {
            p = EntryIds.parse(entryId.trim());
        } catch (StoreException e) {
            return null;
        }
        HierarchyObject f = em.find(HierarchyObject.class, p.objectId());
        if (f == null || f.type != ObjectType.MAPI_FOLDER || f.deletedAt != null || f.storeId != storeId) return null;
        return storeGuid(storeId).equalsIgnoreCase(p.storeGuid()) ? f : null;
    }

    public EntityManager em() {
        return em;
    }
}
