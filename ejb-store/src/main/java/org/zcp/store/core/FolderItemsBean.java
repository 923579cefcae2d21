package org.zcp.store.core;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.zcp.api.mapi.MapiError;
import org.zcp.api.mapi.ObjectType;
import org.zcp.api.mapi.PropTag;
import org.zcp.api.mapi.Rights;
import org.zcp.store.StoreException;
import org.zcp.store.api.FolderItems;
import org.zcp.store.api.mapi.Attachment;
import org.zcp.store.api.mapi.Message;
import org.zcp.store.api.mapi.NamedProp;
import org.zcp.store.api.mapi.PropValue;
import org.zcp.store.entity.ChangeEntry;
import org.zcp.store.entity.HierarchyObject;
import org.zcp.store.entity.StoreEntity;
import org.zcp.store.mapi.Access;
import org.zcp.store.mapi.EntryIds;
import org.zcp.store.mapi.JournalFloors;
import org.zcp.store.mapi.MessageService;
import org.zcp.store.mapi.NamedProperties;
import org.zcp.store.mapi.ObjectStore;
import org.zcp.store.session.Session;
import org.zcp.store.session.SessionManager;

/**
 * The items of a folder by resource name (docs/calendar.md): {@link MessageService} and the
 * journal behind a door that names messages the way DAV clients do. The name is a string named
 * property of the message ({@link #RESOURCE_NAME}); an item without one (made by Outlook, IMAP or
 * delivery) is named by its entry id. The ETag is the message's change number, the collection's
 * sync token the folder's highest journaled change number.
 */
@Stateless
public class FolderItemsBean implements FolderItems {
    /** PS_PUBLIC_STRINGS "urn:zcp:dav:resource-name": the name a client gave an item. */
    public static final NamedProp RESOURCE_NAME = NamedProp.ofName("00020329-0000-0000-C000-000000000046",
            "urn:zcp:dav:resource-name");
    /** PS_PUBLIC_STRINGS "urn:zcp:dav:collection": what DAV clients keep with a folder (CollectionProps). */
    public static final NamedProp COLLECTION = NamedProp.ofName("00020329-0000-0000-C000-000000000046",
            "urn:zcp:dav:collection");
    /** Longest resource name kept (a path segment; clients use a UID and ".ics"). */
    static final int MAX_NAME = 255;

    @Inject
    SessionManager sessions;

    @Inject
    ObjectStore objects;

    @Inject
    MessageService messages;

    @Inject
    Access access;

    @Inject
    NamedProperties namedProperties;

    @Inject
    ItemNames itemNames;

    @Inject
    JournalFloors floors;

    @Override
    public List<ItemRef> list(String session, long folderId) {
        Session s = sessions.require(session);
        HierarchyObject f = readable(s, folderId);
        ItemNames.Entry names = itemNames.current(f, nameTag());
        List<ItemRef> out = new ArrayList<>();
        for (Object[] r : objects.em().createQuery("select h.id, h.imapUid, h.changeNum from HierarchyObject h"
                + " where h.parentId = :p and h.type = :t and h.flags = 0 and h.deletedAt is null order by h.imapUid",
                Object[].class).setParameter("p", f.id).setParameter("t", ObjectType.MAPI_MESSAGE).getResultList()) {
            out.add(ref(f, names, (Long) r[0], (Long) r[1], (Long) r[2]));
        }
        return out;
    }

    @Override
    public List<Item> peek(String session, long folderId, Collection<Integer> tags) {
        List<ItemRef> refs = list(session, folderId);
        Map<Long, Map<Integer, PropValue>> props = objects.readOfChildren(folderId, List.copyOf(new HashSet<>(tags)));
        List<Item> out = new ArrayList<>(refs.size());
        for (ItemRef r : refs) {
            Message m = new Message();
            m.entryId = r.entryId();
            m.props = new ArrayList<>(props.getOrDefault(EntryIds.parse(r.entryId()).objectId(), Map.of()).values());
            out.add(new Item(r, m));
        }
        return out;
    }

    @Override
    public List<Item> get(String session, long folderId, Collection<String> names) {
        Session s = sessions.require(session);
        HierarchyObject f = readable(s, folderId);
        ItemNames.Entry held = itemNames.current(f, nameTag());
        // a read: every query would otherwise first check each entity read so far for changes to
        // flush; the entities are let go after each batch for the same reason
        objects.em().setFlushMode(jakarta.persistence.FlushModeType.COMMIT);
        List<Item> out = new ArrayList<>();
        List<String> all = List.copyOf(new LinkedHashSet<>(names));
        for (int i = 0; i < all.size(); i += BATCH) {
            out.addAll(batch(s, f, held, all.subList(i, Math.min(all.size(), i + BATCH))));
            objects.em().clear();
        }
        return out;
    }

    /** How many items {@link #get} reads together: a few queries for all of them (MessageService.loadAll). */
    static final int BATCH = 100;

    private List<Item> batch(Session s, HierarchyObject f, ItemNames.Entry held, List<String> names) {
        Map<String, Long> ids = new java.util.LinkedHashMap<>();
        for (String name : names) {
            Long id = idOf(f, held, name);
            if (id != null) ids.put(name, id);
        }
        Map<Long, HierarchyObject> found = objects.findAll(ids.values());
        List<HierarchyObject> live = new ArrayList<>();
        for (long id : ids.values()) {
            HierarchyObject h = found.get(id);
            if (live(f, h)) live.add(h);
        }
        Map<Long, Message> loaded = messages.loadAll(s, live);
        List<Item> out = new ArrayList<>();
        for (HierarchyObject h : live) {
            Message m = loaded.get(h.id);
            String entryId = m.entryId;
            for (Attachment a : m.attachments) {
                if (a.embedded != null) continue; // a message object, loaded with the item; no content of its own
                MessageService.Content c = messages.attachment(s, entryId, a.attachNum);
                try {
                    a.data = c.bytes() != null ? c.bytes() : java.nio.file.Files.readAllBytes(c.file());
                } catch (java.io.IOException e) {
                    throw new StoreException(MapiError.MAPI_E_CALL_FAILED, "attachment cannot be read");
                }
            }
            out.add(new Item(ref(f, held, h.id, h.imapUid, h.changeNum), m));
        }
        return out;
    }

    @Override
    public ItemRef put(String session, long folderId, String name, Message item, Expect expect) {
        Session s = sessions.require(session);
        checkName(name);
        HierarchyObject f = objects.liveFolder(folderId);
        int tag = nameTag();
        // every writer of the store journals under its lock: the name is looked up and the
        // precondition checked against what is committed, and nobody writes the name in between
        objects.lockFresh(StoreEntity.class, f.storeId);
        ItemNames.Entry held = itemNames.current(f, tag);
        HierarchyObject h = find(f, held, name);
        requireMet(expect, h);
        Message m = new Message();
        m.props = new ArrayList<>();
        if (item.props != null) {
            for (PropValue v : item.props) if (v.tag != tag && v.error == null) m.props.add(v);
        }
        m.props.add(PropValue.ofString(tag, name));
        if (m.props.stream().noneMatch(v -> v.tag == PropTag.PR_MESSAGE_FLAGS)) {
            m.props.add(PropValue.ofLong(PropTag.PR_MESSAGE_FLAGS, PropTag.MSGFLAG_READ));
        }
        m.recipients = item.recipients == null ? List.of() : item.recipients;
        m.attachments = item.attachments == null ? List.of() : item.attachments;
        if (h == null) {
            String id = messages.create(s, objects.entryId(f), m, false);
            h = objects.resolve(id);
        } else {
            String id = objects.entryId(h);
            Set<Integer> keep = new HashSet<>();
            for (PropValue v : m.props) keep.add(v.tag);
            List<Integer> gone = new ArrayList<>();
            for (Integer t : objects.stored(h.id).keySet()) if (!keep.contains(t) && replaceable(t)) gone.add(t);
            messages.save(s, id, m);
            if (!gone.isEmpty()) objects.deleteProps(h, gone);
        }
        return new ItemRef(name, h.imapUid, Math.max(1, h.changeNum), objects.entryId(h));
    }

    @Override
    public void delete(String session, long folderId, String name, Expect expect) {
        Session s = sessions.require(session);
        HierarchyObject f = objects.liveFolder(folderId);
        objects.lockFresh(StoreEntity.class, f.storeId);
        HierarchyObject h = find(f, itemNames.current(f, nameTag()), name);
        if (h == null) {
            access.check(s, f.id, Access.Action.READ, Rights.READ_ANY);
            throw StoreException.notFound("item " + name);
        }
        requireMet(expect, h);
        messages.delete(s, List.of(objects.entryId(h)), false);
    }

    @Override
    public ItemChanges changes(String session, long folderId, long token) {
        Session s = sessions.require(session);
        HierarchyObject f = readable(s, folderId);
        // the collection's tag is FolderMessages' HIGHESTMODSEQ: the folder's own change counts too
        long now = Math.max(objects.journalMax(f.id), f.changeNum);
        if (token == 0) return new ItemChanges(now, list(session, folderId), List.of());
        if (token > now) throw StoreException.invalid("sync token from the future");
        ItemNames.Entry names = itemNames.current(f, nameTag());
        List<ItemRef> changed = new ArrayList<>();
        Set<Long> live = new HashSet<>();
        for (Object[] r : objects.em().createQuery("select h.id, h.imapUid, h.changeNum, h.type, h.flags, h.deletedAt"
                + " from HierarchyObject h where h.parentId = :p and h.changeNum > :m order by h.imapUid",
                Object[].class).setParameter("p", f.id).setParameter("m", token).getResultList()) {
            if (((Number) r[3]).intValue() != ObjectType.MAPI_MESSAGE || ((Number) r[4]).intValue() != 0
                    || r[5] != null) {
                continue;
            }
            live.add((Long) r[0]);
            changed.add(ref(f, names, (Long) r[0], (Long) r[1], (Long) r[2]));
        }
        List<Long> left = objects.em().createQuery("select distinct c.objectId from ChangeEntry c where c.parentId = :p"
                + " and c.changeNum > :m and c.changeType in (" + ChangeEntry.DELETE + ", " + ChangeEntry.MOVE_OUT
                + ", " + ChangeEntry.PURGE + ") and c.objectType = :t", Long.class).setParameter("p", f.id)
                .setParameter("m", token).setParameter("t", ObjectType.MAPI_MESSAGE).getResultList();
        // the floor is asked after the journal was read (JournalFloors): below it, removals may be missing
        if (token < floors.of(f.storeId)) throw StoreException.invalid("sync token too old");
        List<Long> gone = left.stream().filter(id -> !live.contains(id) && !names.names().containsKey(id)
                && !stillHere(f, id)).toList();
        Map<Long, Map<Integer, PropValue>> kept = objects.read(gone, List.of(nameTag()));
        List<String> removed = new ArrayList<>();
        for (Long id : gone) {
            PropValue v = kept.getOrDefault(id, Map.of()).get(nameTag());
            removed.add(v != null && v.s != null ? v.s : objects.entryId(f.storeId, id));
        }
        return new ItemChanges(Math.max(now, token), changed, removed);
    }

    @Override
    public Map<Long, Map<String, String>> collectionProps(String session, Collection<Long> folderIds) {
        Session s = sessions.require(session);
        int tag = collectionTag();
        List<Long> visible = folderIds.stream().distinct().filter(id -> {
            HierarchyObject f = objects.find(id);
            return f != null && f.type == ObjectType.MAPI_FOLDER && f.deletedAt == null
                    && (access.rights(s, id) & (Rights.READ_ANY | Rights.FOLDER_VISIBLE)) != 0;
        }).toList();
        Map<Long, Map<String, String>> out = new java.util.HashMap<>();
        objects.read(visible, List.of(tag)).forEach((id, props) -> {
            PropValue v = props.get(tag);
            if (v != null && v.s != null && !v.s.isEmpty()) out.put(id, CollectionProps.parse(v.s));
        });
        return out;
    }

    @Override
    public void setCollectionProps(String session, long folderId, Map<String, String> props) {
        Session s = sessions.require(session);
        HierarchyObject f = objects.liveFolder(folderId);
        access.check(s, f.id, Access.Action.FOLDER_PERMISSIONS, Rights.FOLDER_ACCESS);
        int tag = collectionTag();
        PropValue now = objects.read(List.of(f.id), List.of(tag)).getOrDefault(f.id, Map.of()).get(tag);
        Map<String, String> merged = new java.util.TreeMap<>(now == null || now.s == null ? Map.of()
                : CollectionProps.parse(now.s));
        props.forEach((k, v) -> {
            if (v == null) merged.remove(k);
            else merged.put(k, v);
        });
        if (merged.isEmpty()) objects.deleteProps(f, List.of(tag));
        else objects.setProps(f, List.of(PropValue.ofString(tag, CollectionProps.format(merged))));
    }

    @Override
    public List<Integer> propIds(String session, List<NamedProp> names) {
        sessions.require(session);
        return namedProperties.ids(names, true);
    }

    // ---- shared --------------------------------------------------------------------------------

    private int collectionTag() {
        return namedProperties.ids(List.of(COLLECTION), true).get(0) << 16 | org.zcp.api.mapi.PropType.PT_UNICODE;
    }

    @Override
    public List<String> namesWith(String session, long folderId, NamedProp key, String value) {
        Session s = sessions.require(session);
        HierarchyObject f = objects.liveFolder(folderId);
        // a writer who may not read the folder (a contributor) learns nothing of its items
        if (value == null || !access.allows(s, f.id, Rights.READ_ANY)) return List.of();
        int tag = namedProperties.ids(List.of(key), true).get(0) << 16 | org.zcp.api.mapi.PropType.PT_UNICODE;
        Long id = itemNames.current(f, tag).ids().get(value);
        if (id == null) return List.of();
        String name = itemNames.current(f, nameTag()).names().get(id);
        return List.of(name != null ? name : objects.entryId(f.storeId, id));
    }

    private int nameTag() {
        return namedProperties.ids(List.of(RESOURCE_NAME), true).get(0) << 16 | org.zcp.api.mapi.PropType.PT_UNICODE;
    }

    private HierarchyObject readable(Session s, long folderId) {
        HierarchyObject f = objects.liveFolder(folderId);
        access.check(s, f.id, Access.Action.READ, Rights.READ_ANY);
        return f;
    }

    /** The folder's live item of this name: by its kept name, else by its entry id. */
    private HierarchyObject find(HierarchyObject f, ItemNames.Entry names, String name) {
        Long id = idOf(f, names, name);
        if (id == null) return null;
        HierarchyObject h = objects.find(id);
        return live(f, h) ? h : null;
    }

    /** The object a name stands for in a folder: a name given by a client, or an entry id of this store. */
    private Long idOf(HierarchyObject f, ItemNames.Entry names, String name) {
        Long id = names.ids().get(name);
        if (id != null) return id;
        try {
            EntryIds.Parsed p = EntryIds.parse(name);
            if (!p.storeGuid().equalsIgnoreCase(objects.storeGuid(f.storeId))) return null;
            id = p.objectId();
        } catch (RuntimeException notAnEntryId) {
            return null;
        }
        return names.names().containsKey(id) ? null : id; // named otherwise
    }

    /** Whether an object is a live, normal message of the folder. */
    private static boolean live(HierarchyObject f, HierarchyObject h) {
        return h != null && h.parentId == f.id && h.type == ObjectType.MAPI_MESSAGE && h.flags == 0
                && h.deletedAt == null;
    }

    private boolean stillHere(HierarchyObject f, long id) {
        HierarchyObject h = objects.find(id);
        return h != null && h.parentId == f.id && h.deletedAt == null;
    }

    private ItemRef ref(HierarchyObject f, ItemNames.Entry names, long id, long uid, long changeNum) {
        String name = names.names().get(id);
        String entryId = objects.entryId(f.storeId, id);
        return new ItemRef(name != null ? name : entryId, uid, Math.max(1, changeNum), entryId);
    }

    private static void requireMet(Expect expect, HierarchyObject h) {
        Long current = h == null ? null : Math.max(1, h.changeNum);
        if (!expect.metBy(current)) {
            throw new StoreException(MapiError.MAPI_E_OBJECT_CHANGED, h == null ? "there is no such item"
                    : "the item is at " + current + ", not as expected");
        }
    }

    /**
     * Properties a replacement removes when the new item does not name them: the client's own data,
     * not the store's bookkeeping (read flags, kept texts, the conversion's rendering).
     */
    private static boolean replaceable(int tag) {
        int id = tag >>> 16;
        return id != PropTag.PR_MESSAGE_FLAGS >>> 16 && id != PropTag.PR_EC_IMAP_EMAIL >>> 16
                && id != PropTag.PR_EC_IMAP_EMAIL_SIZE >>> 16 && id != PropTag.PR_EC_IMAP_DERIVED >>> 16
                && (id < 0x0E00 || id > 0x0FFF) && (id < 0x6700 || id >= 0x8000);
    }

    private static void checkName(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_NAME || name.equals(".") || name.equals("..")
                || name.chars().anyMatch(c -> c == '/' || c == '\\' || c < 0x20 || c == 0x7F)) {
            throw StoreException.invalid("not a resource name: " + name);
        }
    }
}
