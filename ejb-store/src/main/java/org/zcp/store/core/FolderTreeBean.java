package org.zcp.store.core;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.zcp.api.mapi.ObjectType;
import org.zcp.api.mapi.PropTag;
import org.zcp.api.mapi.Rights;
import org.zcp.store.api.mapi.PropValue;
import org.zcp.store.StoreException;
import org.zcp.store.api.FolderInfo;
import org.zcp.store.api.FolderTree;
import org.zcp.store.entity.HierarchyObject;
import org.zcp.store.entity.StoreEntity;
import org.zcp.store.mapi.Access;
import org.zcp.store.mapi.EntryIds;
import org.zcp.store.mapi.FolderService;
import org.zcp.store.mapi.ObjectStore;
import org.zcp.store.mapi.StoreManager;
import org.zcp.store.session.Session;
import org.zcp.store.session.SessionManager;

/**
 * The folders of a store (docs/store-api.md). A hierarchy is read with one query for all folders
 * of the store and built in memory, not one query per folder: IMAP resolves a mailbox name on
 * every SELECT, STATUS, APPEND and COPY.
 */
@Stateless
public class FolderTreeBean implements FolderTree {
    /** The user's subscribed folders (entry ids) on the store root, as the original kept them. */
    static final int PR_EC_IMAP_SUBSCRIBED = 0x67841102;

    @Inject
    SessionManager sessions;

    @Inject
    ObjectStore objects;

    @Inject
    StoreManager stores;

    @Inject
    FolderService folders;

    @Inject
    Access access;

    @Inject
    FolderTrees trees;

    @Inject
    org.zcp.store.directory.Directory directory;

    @Override
    public Hierarchy folders(String session) {
        Session s = sessions.require(session);
        StoreEntity store = own(s);
        return trees.of(store.id, () -> {
            HierarchyObject root = stores.ipmSubtree(store);
            Map<Long, FolderInfo.Special> special = special(store);
            return new Hierarchy(root.id, walk(store, root, special, null));
        });
    }

    @Override
    public long inbox(String session) {
        StoreEntity store = own(sessions.require(session));
        return stores.receiveFolder(store.id, "IPM").orElseThrow(() -> StoreException.notFound("Inbox"));
    }

    @Override
    public Hierarchy foldersOf(String session, String owner) {
        Session s = sessions.require(session);
        java.util.Optional<org.zcp.store.directory.DirEntry> user = directory.visibleUser(s, owner);
        if (user.isEmpty()) return null;
        if (user.get().id() == s.userId()) return folders(session);
        StoreEntity store = stores.privateStoreOf(user.get().id()).orElse(null);
        if (store == null) return null;
        HierarchyObject root = stores.ipmSubtree(store);
        List<FolderInfo> shared = new ArrayList<>();
        for (FolderInfo f : walk(store, root, special(store), null)) if (visible(s, f.id())) shared.add(f);
        return new Hierarchy(root.id, shared);
    }

    @Override
    public Hierarchy publicFolders(String session) {
        Session s = sessions.require(session);
        StoreEntity pub = stores.publicStoreOf(s.companyId()).orElse(null);
        if (pub == null) return null;
        HierarchyObject root = stores.ipmSubtree(pub);
        if (!visible(s, root.id)) return null;
        return new Hierarchy(root.id, walk(pub, root, Map.of(), s));
    }

    /** Depth first from {@code root}; {@code rightsOf}: check each folder's visibility for this session. */
    private List<FolderInfo> walk(StoreEntity store, HierarchyObject root, Map<Long, FolderInfo.Special> special,
            Session rightsOf) {
        Map<Long, List<HierarchyObject>> children = new HashMap<>();
        for (HierarchyObject f : objects.em().createQuery("select h from HierarchyObject h where h.storeId = :s"
                + " and h.type = :t and h.deletedAt is null order by h.id", HierarchyObject.class)
                .setParameter("s", store.id).setParameter("t", ObjectType.MAPI_FOLDER).getResultList()) {
            children.computeIfAbsent(f.parentId, k -> new ArrayList<>()).add(f);
        }
        List<FolderInfo> out = new ArrayList<>();
        descend(root.id, children, special, rightsOf, out);
        return out;
    }

    private void descend(long parent, Map<Long, List<HierarchyObject>> children, Map<Long, FolderInfo.Special> special,
            Session rightsOf, List<FolderInfo> out) {
        for (HierarchyObject f : children.getOrDefault(parent, List.of())) {
            if (rightsOf != null && !visible(rightsOf, f.id)) continue;
            out.add(new FolderInfo(f.id, f.parentId, f.displayName, f.containerClass,
                    special.getOrDefault(f.id, FolderInfo.Special.NONE)));
            descend(f.id, children, special, rightsOf, out);
        }
    }

    private boolean visible(Session s, long folderId) {
        return (access.rights(s, folderId) & (Rights.FOLDER_VISIBLE | Rights.READ_ANY)) != 0;
    }

    /** The receive folder and the folders the store root names (a store without one just lacks it). */
    private Map<Long, FolderInfo.Special> special(StoreEntity store) {
        return special(objects, stores, store);
    }

    /** {@link #special(StoreEntity)} for the store core's other readers of folder roles ({@code MailboxesBean}). */
    static Map<Long, FolderInfo.Special> special(ObjectStore objects, StoreManager stores, StoreEntity store) {
        Map<Integer, PropValue> root = objects.stored(store.hierarchyId);
        Map<Long, FolderInfo.Special> out = new LinkedHashMap<>();
        put(out, root.get(PropTag.PR_IPM_SENTMAIL_ENTRYID), FolderInfo.Special.SENT);
        put(out, root.get(PropTag.PR_IPM_WASTEBASKET_ENTRYID), FolderInfo.Special.TRASH);
        put(out, root.get(PropTag.PR_IPM_DRAFTS_ENTRYID), FolderInfo.Special.DRAFTS);
        put(out, root.get(PropTag.PR_IPM_OUTBOX_ENTRYID), FolderInfo.Special.OUTBOX);
        PropValue ren = root.get(PropTag.PR_ADDITIONAL_REN_ENTRYIDS);
        if (ren != null && ren.mvbin != null && ren.mvbin.size() >= 5 && ren.mvbin.get(4).length > 0) {
            out.put(EntryIds.parse(ren.mvbin.get(4)).objectId(), FolderInfo.Special.JUNK);
        }
        stores.receiveFolder(store.id, "IPM").ifPresent(inbox -> out.put(inbox, FolderInfo.Special.INBOX));
        return out;
    }

    private static void put(Map<Long, FolderInfo.Special> out, PropValue entryId, FolderInfo.Special role) {
        if (entryId != null && entryId.bin != null && entryId.bin.length == EntryIds.LENGTH) {
            out.put(EntryIds.parse(entryId.bin).objectId(), role);
        }
    }

    private StoreEntity own(Session s) {
        return stores.privateStoreOf(s.userId()).orElseThrow(() -> StoreException.notFound("store"));
    }

    private String entryId(long folderId) {
        return objects.entryId(objects.liveFolder(folderId));
    }

    @Override
    public long create(String session, long parentId, String name, String containerClass) {
        Session s = sessions.require(session);
        return objects.resolve(folders.create(s, entryId(parentId), name, containerClass, false)).id;
    }

    @Override
    public void move(String session, long folderId, long parentId, String name) {
        Session s = sessions.require(session);
        folders.copy(s, entryId(folderId), entryId(parentId), name, true);
    }

    @Override
    public void delete(String session, long folderId) {
        Session s = sessions.require(session);
        folders.delete(s, entryId(folderId), false);
    }

    @Override
    public Set<Long> subscriptions(String session) {
        return subscribed(own(sessions.require(session)));
    }

    private Set<Long> subscribed(StoreEntity store) {
        Set<Long> out = new LinkedHashSet<>();
        PropValue v = objects.stored(store.hierarchyId).get(PR_EC_IMAP_SUBSCRIBED);
        if (v != null && v.mvbin != null) {
            for (byte[] b : v.mvbin) if (b.length == EntryIds.LENGTH) out.add(EntryIds.parse(b).objectId());
        }
        return out;
    }

    @Override
    public void subscribe(String session, long folderId, boolean subscribed) {
        StoreEntity store = own(sessions.require(session));
        Set<Long> subs = subscribed(store);
        if (subscribed ? !subs.add(folderId) : !subs.remove(folderId)) return;
        List<byte[]> bins = new ArrayList<>();
        for (long id : subs) {
            try {
                bins.add(HexFormat.of().parseHex(entryId(id)));
            } catch (StoreException gone) {
                // a folder deleted since: its subscription goes with this change
            }
        }
        objects.setProps(objects.object(store.hierarchyId), List.of(PropValue.ofBinaries(PR_EC_IMAP_SUBSCRIBED, bins)));
    }
}
