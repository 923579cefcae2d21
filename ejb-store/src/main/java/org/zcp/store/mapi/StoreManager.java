package org.zcp.store.mapi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.zcp.api.mapi.ObjectType;
import org.zcp.api.mapi.PropTag;
import org.zcp.api.mapi.Rights;
import org.zcp.store.api.mapi.PropValue;
import org.zcp.store.StoreException;
import org.zcp.store.directory.DirEntry;
import org.zcp.store.directory.Directory;
import org.zcp.store.entity.AclRow;
import org.zcp.store.entity.HierarchyObject;
import org.zcp.store.entity.ReceiveFolder;
import org.zcp.store.entity.StoreEntity;

/**
 * Creates stores with their default folders (REFERENCE "Default folders"), finds them, and
 * handles orphaned stores (manual 8.2: --list-orphans, --remove-store, --hook-store).
 */
@ApplicationScoped
public class StoreManager {
    private static final Logger LOG = Logger.getLogger(StoreManager.class.getName());

    /** The mail and PIM folders under IPM_SUBTREE, their container classes and store pointer tags. */
    record DefaultFolder(String name, String containerClass, int pointerTag) {
    }

    static final List<DefaultFolder> IPM_FOLDERS = List.of(
            new DefaultFolder("Inbox", "IPF.Note", 0),
            new DefaultFolder("Outbox", "IPF.Note", PropTag.PR_IPM_OUTBOX_ENTRYID),
            new DefaultFolder("Deleted Items", "IPF.Note", PropTag.PR_IPM_WASTEBASKET_ENTRYID),
            new DefaultFolder("Sent Items", "IPF.Note", PropTag.PR_IPM_SENTMAIL_ENTRYID),
            new DefaultFolder("Contacts", "IPF.Contact", PropTag.PR_IPM_CONTACT_ENTRYID),
            new DefaultFolder("Calendar", "IPF.Appointment", PropTag.PR_IPM_APPOINTMENT_ENTRYID),
            new DefaultFolder("Drafts", "IPF.Note", PropTag.PR_IPM_DRAFTS_ENTRYID),
            new DefaultFolder("Journal", "IPF.Journal", PropTag.PR_IPM_JOURNAL_ENTRYID),
            new DefaultFolder("Notes", "IPF.StickyNote", PropTag.PR_IPM_NOTE_ENTRYID),
            new DefaultFolder("Tasks", "IPF.Task", PropTag.PR_IPM_TASK_ENTRYID),
            new DefaultFolder("Junk E-mail", "IPF.Note", 0));

    static final List<String> ROOT_FOLDERS = List.of("IPM_COMMON_VIEWS", "IPM_VIEWS", "FINDER_ROOT", "Shortcut",
            "Schedule", "Freebusy Data");

    @Inject
    EntityManager em;

    @Inject
    ObjectStore objects;

    @Inject
    Directory directory;

    @Inject
    org.zcp.store.config.ServerSettings settings;

    @jakarta.annotation.Resource
    jakarta.transaction.TransactionSynchronizationRegistry registry;

    /** User id -> the id of the private store last found for them: a hint, checked on every use. */
    private static final java.util.Map<Long, Long> PRIVATE_STORES = new java.util.concurrent.ConcurrentHashMap<>();

    public Optional<StoreEntity> privateStoreOf(long userId) {
        // the store id found before, as a hint only (a query per delivery was 5% of its CPU): the
        // row read by its key (from the persistence context when this transaction has it) must
        // still be this user's private store; a store orphaned or hooked since is looked up anew
        Long id = PRIVATE_STORES.get(userId);
        if (id != null) {
            StoreEntity s = em.find(StoreEntity.class, id);
            if (s != null && s.userId == userId && s.type == StoreEntity.PRIVATE) return Optional.of(s);
            PRIVATE_STORES.remove(userId, id);
        }
        List<StoreEntity> l = em.createQuery("select s from StoreEntity s where s.userId = :u and s.type = 0",
                StoreEntity.class).setParameter("u", userId).getResultList();
        if (!l.isEmpty()) PRIVATE_STORES.put(userId, l.get(0).id);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    public Optional<StoreEntity> publicStoreOf(long companyId) {
        List<StoreEntity> l = em.createQuery("select s from StoreEntity s where s.companyId = :c and s.type = 1",
                StoreEntity.class).setParameter("c", companyId).getResultList();
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    /** A private store with the default folders; free/busy readable by Everyone (manual 8.3.6). */
    public StoreEntity createPrivateStore(DirEntry user) {
        if (privateStoreOf(user.id()).isPresent()) {
            throw StoreException.collision("user " + user.name() + " already has a store");
        }
        StoreEntity s = newStore(StoreEntity.PRIVATE, user.id(), user.companyId(), directory.loginName(user));
        HierarchyObject root = rootFolder(s, user.id());
        List<PropValue> storeProps = new ArrayList<>();
        HierarchyObject freebusy = null;
        for (String name : ROOT_FOLDERS) {
            HierarchyObject f = folder(s, root.id, name, null, user.id());
            if ("Freebusy Data".equals(name)) freebusy = f;
        }
        // the LocalFreebusy message Outlook keeps its delegate and free/busy settings in
        HierarchyObject localFreebusy = objects.create(s.id, freebusy.id, ObjectType.MAPI_MESSAGE, user.id());
        localFreebusy.flags |= HierarchyObject.FLAG_ASSOCIATED;
        objects.setProps(localFreebusy, List.of(PropValue.ofString(PropTag.PR_SUBJECT, "LocalFreebusy"),
                PropValue.ofString(PropTag.PR_MESSAGE_CLASS, "IPM.Microsoft.ScheduleData.FreeBusy")));
        HierarchyObject subtree = folder(s, root.id, "IPM_SUBTREE", null, user.id());
        storeProps.add(PropValue.ofBinary(PropTag.PR_IPM_SUBTREE_ENTRYID, EntryIds.bytes(s.guid, subtree.id)));
        List<byte[]> additional = new ArrayList<>();
        HierarchyObject inbox = null;
        HierarchyObject calendar = null;
        for (DefaultFolder d : IPM_FOLDERS) {
            HierarchyObject f = folder(s, subtree.id, d.name(), d.containerClass(), user.id());
            if (d.pointerTag() != 0) storeProps.add(PropValue.ofBinary(d.pointerTag(), EntryIds.bytes(s.guid, f.id)));
            if ("Inbox".equals(d.name())) inbox = f;
            if ("Calendar".equals(d.name())) calendar = f;
            if ("Junk E-mail".equals(d.name())) additional.add(EntryIds.bytes(s.guid, f.id));
        }
        // PR_ADDITIONAL_REN_ENTRYIDS[4] is the junk folder; the first four are conflicts, sync issues, ...
        List<byte[]> ren = new ArrayList<>(List.of(new byte[0], new byte[0], new byte[0], new byte[0]));
        ren.addAll(additional);
        storeProps.add(PropValue.ofBinaries(PropTag.PR_ADDITIONAL_REN_ENTRYIDS, ren));
        PropValue freebusyIds = FreebusyEntryIds.of(s.guid, localFreebusy.id, freebusy.id);
        storeProps.add(freebusyIds);
        storeProps.add(PropValue.ofString(PropTag.PR_DISPLAY_NAME, storeName(user)));
        objects.setProps(root, storeProps);
        // [MS-OXOSFLD] 2.2.6: the Inbox carries the same PR_FREEBUSY_ENTRYIDS as the root
        objects.setProps(inbox, List.of(freebusyIds));
        em.persist(new ReceiveFolder(s.id, "", inbox.id));
        em.persist(new ReceiveFolder(s.id, "IPM", inbox.id));
        em.persist(new ReceiveFolder(s.id, "REPORT.IPM", inbox.id));
        // manual 8.3.6: only the free/busy information is open for read access for Everyone
        em.persist(new AclRow(freebusy.id, Directory.EVERYONE_ID, Rights.READ_ANY | Rights.FOLDER_VISIBLE));
        em.persist(new AclRow(calendar.id, Directory.EVERYONE_ID, Rights.FREEBUSY_SIMPLE));
        LOG.info("created store " + s.guid + " for user " + user.name());
        return s;
    }

    /** The public store of a company (0: single tenancy), manual 8.1 and 6.2.2.5. */
    public StoreEntity createPublicStore(long companyId) {
        if (publicStoreOf(companyId).isPresent()) {
            throw StoreException.collision("the public store already exists");
        }
        String owner = companyId == 0 ? "SYSTEM" : directory.companyName(companyId);
        StoreEntity s = newStore(StoreEntity.PUBLIC, 0, companyId, owner);
        HierarchyObject root = rootFolder(s, Directory.SYSTEM_ID);
        HierarchyObject subtree = folder(s, root.id, "IPM_SUBTREE", null, Directory.SYSTEM_ID);
        HierarchyObject nonIpm = folder(s, root.id, "NON_IPM_SUBTREE", null, Directory.SYSTEM_ID);
        folder(s, nonIpm.id, "SCHEDULE+ FREE BUSY", null, Directory.SYSTEM_ID);
        objects.setProps(root, List.of(
                PropValue.ofBinary(PropTag.PR_IPM_SUBTREE_ENTRYID, EntryIds.bytes(s.guid, subtree.id)),
                PropValue.ofString(PropTag.PR_DISPLAY_NAME, "Public folder")));
        freeBusyFolder(s);
        // manual 8.1 note: by default accessible and writable for all users
        em.persist(new AclRow(subtree.id, Directory.EVERYONE_ID, Rights.READ_ANY | Rights.CREATE | Rights.EDIT_OWNED
                | Rights.DELETE_OWNED | Rights.CREATE_SUBFOLDER | Rights.FOLDER_VISIBLE));
        LOG.info("created public store " + s.guid + " for " + owner);
        return s;
    }

    /**
     * The folder of a public store that users' free/busy is published in: "Zarafa 1" below
     * NON_IPM_SUBTREE/SCHEDULE+ FREE BUSY, named by the root's PR_FREE_BUSY_FOR_LOCAL_SITE_ENTRYID,
     * as the original made it; made now for a public store made before. Everyone reads it and may
     * publish (and change) their own message, as MAPI clients publish free/busy themselves.
     */
    public HierarchyObject freeBusyFolder(StoreEntity pub) {
        HierarchyObject root = objects.find(pub.hierarchyId);
        PropValue pointer = objects.stored(root.id).get(PropTag.PR_FREE_BUSY_FOR_LOCAL_SITE_ENTRYID);
        if (pointer != null && pointer.bin != null) {
            HierarchyObject f = objects.liveFolderOf(pub.id, java.util.HexFormat.of().formatHex(pointer.bin));
            if (f != null) return f;
        }
        HierarchyObject nonIpm = child(root.id, "NON_IPM_SUBTREE");
        if (nonIpm == null) nonIpm = folder(pub, root.id, "NON_IPM_SUBTREE", null, Directory.SYSTEM_ID);
        HierarchyObject schedule = child(nonIpm.id, "SCHEDULE+ FREE BUSY");
        if (schedule == null) schedule = folder(pub, nonIpm.id, "SCHEDULE+ FREE BUSY", null, Directory.SYSTEM_ID);
        HierarchyObject site = child(schedule.id, "Zarafa 1");
        if (site == null) {
            site = folder(pub, schedule.id, "Zarafa 1", null, Directory.SYSTEM_ID);
            em.persist(new AclRow(site.id, Directory.EVERYONE_ID, Rights.READ_ANY | Rights.CREATE | Rights.EDIT_OWNED
                    | Rights.DELETE_OWNED | Rights.FOLDER_VISIBLE));
        }
        objects.setProps(root, List.of(PropValue.ofBinary(PropTag.PR_FREE_BUSY_FOR_LOCAL_SITE_ENTRYID,
                EntryIds.bytes(pub.guid, site.id))));
        return site;
    }

    /** The live folder of the store a property of its root names (PR_IPM_APPOINTMENT_ENTRYID, ...), or null. */
    public Long specialFolder(StoreEntity store, int tag) {
        PropValue v = objects.stored(store.hierarchyId).get(tag);
        if (v == null || v.bin == null) return null;
        try {
            HierarchyObject f = objects.liveFolderOf(store.id, java.util.HexFormat.of().formatHex(v.bin));
            return f == null ? null : f.id;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private HierarchyObject child(long parentId, String name) {
        for (HierarchyObject f : objects.children(parentId, ObjectType.MAPI_FOLDER, false)) {
            if (name.equals(f.displayName)) return f;
        }
        return null;
    }

    private StoreEntity newStore(int type, long userId, long companyId, String userName) {
        StoreEntity s = new StoreEntity();
        s.guid = EntryIds.newGuid();
        s.type = type;
        s.userId = userId;
        s.companyId = companyId;
        s.userName = userName;
        s.lastModified = System.currentTimeMillis();
        em.persist(s);
        em.flush();
        return s;
    }

    private HierarchyObject rootFolder(StoreEntity s, long ownerId) {
        HierarchyObject root = objects.create(s.id, 0, ObjectType.MAPI_FOLDER, ownerId);
        root.folderType = ObjectType.FOLDER_ROOT;
        root.displayName = "";
        s.hierarchyId = root.id;
        return root;
    }

    private HierarchyObject folder(StoreEntity s, long parentId, String name, String containerClass, long ownerId) {
        HierarchyObject f = objects.create(s.id, parentId, ObjectType.MAPI_FOLDER, ownerId);
        f.folderType = ObjectType.FOLDER_GENERIC;
        f.displayName = name;
        f.containerClass = containerClass;
        objects.journal(f, org.zcp.store.entity.ChangeEntry.ADD);
        return f;
    }

    /** storename_format (manual 6.2.2.3): %u user name, %f full name, %c company name. */
    public String storeName(DirEntry user) {
        String format = settings.get("storename_format");
        String full = user.fullName().isEmpty() ? user.name() : user.fullName();
        return format.replace("%u", user.name()).replace("%f", full)
                .replace("%c", directory.companyName(user.companyId()));
    }

    public HierarchyObject ipmSubtree(StoreEntity s) {
        for (HierarchyObject f : objects.children(s.hierarchyId, ObjectType.MAPI_FOLDER, false)) {
            if ("IPM_SUBTREE".equals(f.displayName)) return f;
        }
        throw StoreException.notFound("IPM_SUBTREE of store " + s.guid);
    }

    public Optional<Long> receiveFolder(long storeId, String messageClass) {
        // a store's receive folders are written when it is made and go with it (forgetReceiveFolders);
        // a delivery asks twice (the Inbox, its rules), each a query before
        List<Receive> l = RECEIVE_FOLDERS.get(storeId);
        if (l == null) {
            l = em.createQuery("select r from ReceiveFolder r where r.storeId = :s", ReceiveFolder.class)
                    .setParameter("s", storeId).getResultList().stream()
                    .map(r -> new Receive(r.messageClass, r.folderId)).toList();
            if (!l.isEmpty()) RECEIVE_FOLDERS.put(storeId, l);
        }
        Receive best = null;
        for (Receive r : l) {
            boolean match = r.messageClass().isEmpty() || messageClass.equalsIgnoreCase(r.messageClass())
                    || messageClass.toUpperCase().startsWith(r.messageClass().toUpperCase() + ".");
            if (match && (best == null || r.messageClass().length() > best.messageClass().length())) best = r;
        }
        return best == null ? Optional.empty() : Optional.of(best.folderId());
    }

    /** A store's receive folders are removed (with the store). */
    public void forgetReceiveFolders(long storeId) {
        org.zcp.store.cache.TxCache.forgetNowAndAtEnd(registry, () -> RECEIVE_FOLDERS.remove(storeId));
    }

    private record Receive(String messageClass, long folderId) {
    }

    /** Store id -> its receive folders, as read from the database. */
    private static final java.util.Map<Long, List<Receive>> RECEIVE_FOLDERS =
            new java.util.concurrent.ConcurrentHashMap<>();

    // ---- orphans (manual 8.2) ------------------------------------------------------------------

    public List<StoreEntity> orphanStores() {
        return em.createQuery("select s from StoreEntity s where s.userId = 0 and s.type <> 1 order by s.id",
                StoreEntity.class).getResultList();
    }

    /** The ids of the users that have a private store, in one query (for listings over every user). */
    public java.util.Set<Long> usersWithPrivateStore() {
        return new java.util.HashSet<>(em.createQuery("select s.userId from StoreEntity s where s.type = 0 and s.userId <> 0",
                Long.class).getResultList());
    }

    public List<StoreEntity> allStores() {
        return em.createQuery("select s from StoreEntity s order by s.id", StoreEntity.class).getResultList();
    }

    /** Detaches a store from its user; the store stays as an orphan. */
    public void orphan(StoreEntity s) {
        s.userId = 0;
    }
}
