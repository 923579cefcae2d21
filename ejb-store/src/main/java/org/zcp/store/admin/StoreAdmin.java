package org.zcp.store.admin;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import org.zcp.api.mapi.MapiError;
import org.zcp.store.api.admin.OrphanReport;
import org.zcp.store.api.admin.OrphanStore;
import org.zcp.store.api.mapi.QuotaStatus;
import org.zcp.store.api.mapi.StoreInfo;
import org.zcp.store.StoreException;
import org.zcp.store.config.ServerSettings;
import org.zcp.store.directory.DirEntry;
import org.zcp.store.directory.Directory;
import org.zcp.store.entity.HierarchyObject;
import org.zcp.store.entity.StoreEntity;
import org.zcp.store.mapi.Access;
import org.zcp.store.mapi.Access.Action;
import org.zcp.store.mapi.ObjectStore;
import org.zcp.store.mapi.ObjectTree;
import org.zcp.store.mapi.QuotaService;
import org.zcp.store.mapi.StoreManager;
import org.zcp.store.session.Session;

/**
 * Opening stores, the public store (manual 8.1), orphaned stores (manual 8.2), quota status and
 * the soft-delete purge (manual 7.5).
 */
@Stateless
public class StoreAdmin {
    @Inject
    StoreManager stores;

    @Inject
    Directory directory;

    @Inject
    ObjectStore objects;

    @Inject
    ObjectTree tree;

    @Inject
    Access access;

    @Inject
    QuotaService quota;

    @Inject
    UserAdmin users;

    @Inject
    ServerSettings settings;

    public StoreInfo open(Session s, String userName) {
        DirEntry owner = ownerOrSelf(s, userName);
        StoreEntity st = stores.privateStoreOf(owner.id())
                .orElseThrow(() -> StoreException.notFound("store of " + directory.loginName(owner)));
        access.requireVisible(s, st);
        if (owner.id() != s.userId()) access.checkOpen(s, st.hierarchyId);
        return info(st);
    }

    /** The user a call names, or the session's own user when it names none. */
    private DirEntry ownerOrSelf(Session s, String userName) {
        return userName == null || userName.isEmpty() ? directory.require(s.userId()) : users.visibleUser(s, userName);
    }

    public StoreInfo openPublic(Session s, String companyName) {
        long company = companyOf(s, companyName);
        StoreEntity st = stores.publicStoreOf(company).orElseThrow(() -> StoreException.notFound(
                "public store" + (company == 0 ? "" : " of " + directory.companyName(company))
                        + "; create it with zarafa-admin -s"));
        access.requireVisible(s, st);
        return info(st);
    }

    public StoreInfo createPublic(Session s, String companyName) {
        long company = settings.hosted() && (companyName == null || companyName.isEmpty()) ? 0
                : companyOf(s, companyName);
        directory.requireAdminOf(s, company);
        return info(stores.createPublicStore(company));
    }

    public StoreInfo create(Session s, String userName) {
        DirEntry owner = users.visibleUser(s, userName);
        directory.requireAdminOf(s, owner.companyId());
        return info(stores.createPrivateStore(owner));
    }

    private long companyOf(Session s, String companyName) {
        if (!settings.hosted()) return 0;
        if (companyName == null || companyName.isEmpty()) return s.companyId();
        DirEntry c = directory.requireCompany(companyName);
        if (!directory.canSeeCompany(s, c.id())) throw StoreException.notFound("company " + companyName);
        return c.id();
    }

    public StoreInfo info(StoreEntity st) {
        StoreInfo i = new StoreInfo();
        i.guid = st.guid;
        i.type = st.type;
        i.storeId = objects.entryId(st.id, st.hierarchyId);
        i.rootId = i.storeId;
        i.ownerName = access.ownerName(st);
        i.companyName = st.companyId == 0 ? null : directory.companyName(st.companyId);
        HierarchyObject subtree = stores.ipmSubtree(st);
        i.ipmSubtreeId = objects.entryId(subtree);
        stores.receiveFolder(st.id, "IPM").ifPresent(f -> i.inboxId = objects.entryId(st.id, f));
        i.size = st.storeSize;
        return i;
    }

    public QuotaStatus quotaStatus(Session s, String userName) {
        DirEntry owner = ownerOrSelf(s, userName);
        if (owner.id() != s.userId()) directory.requireAdminOver(s, owner);
        StoreEntity st = stores.privateStoreOf(owner.id())
                .orElseThrow(() -> StoreException.notFound("store of " + userName));
        return quota.status(st);
    }

    public OrphanReport orphans(Session s) {
        directory.requireSystemAdmin(s);
        OrphanReport r = new OrphanReport();
        for (StoreEntity st : stores.orphanStores()) {
            OrphanStore o = new OrphanStore();
            o.guid = st.guid;
            o.guessedUserName = st.userName;
            o.lastModified = st.lastModified;
            o.size = st.storeSize;
            o.type = st.type;
            r.stores.add(o);
        }
        // one query for every store's owner: a query per user would flush-check the whole
        // listing each time, minutes for 10,000 users (benchmarks/ldap-bench.sh)
        java.util.Set<Long> withStore = stores.usersWithPrivateStore();
        for (DirEntry u : directory.users(-1)) {
            if (!withStore.contains(u.id())) r.usersWithoutStore.add(directory.loginName(u));
        }
        return r;
    }

    public void remove(Session s, String guid) {
        directory.requireSystemAdmin(s);
        StoreEntity st = objects.storeByGuid(guid);
        if (st.userId != 0) {
            throw new StoreException(MapiError.MAPI_E_COLLISION, "store " + guid
                    + " belongs to a user; unhook it first");
        }
        tree.purge(objects.object(st.hierarchyId));
        objects.em().createQuery("delete from ReceiveFolder r where r.storeId = :s").setParameter("s", st.id)
                .executeUpdate();
        stores.forgetReceiveFolders(st.id);
        objects.em().remove(st);
    }

    /** manual 8.2: the user's current store, if any, becomes an orphan. */
    public void hook(Session s, String guid, String userName) {
        directory.requireSystemAdmin(s);
        StoreEntity st = objects.storeByGuid(guid);
        if (st.userId != 0) throw new StoreException(MapiError.MAPI_E_COLLISION, "store " + guid + " is not orphaned");
        DirEntry u = users.visibleUser(s, userName);
        stores.privateStoreOf(u.id()).ifPresent(old -> {
            old.userName = directory.loginName(u);
            stores.orphan(old);
        });
        objects.em().flush();
        st.userId = u.id();
        st.companyId = u.companyId();
        st.type = StoreEntity.PRIVATE;
        st.userName = directory.loginName(u);
    }

    public void unhook(Session s, String userName) {
        directory.requireSystemAdmin(s);
        DirEntry u = users.visibleUser(s, userName);
        StoreEntity st = stores.privateStoreOf(u.id()).orElseThrow(() -> StoreException.notFound("store of " + userName));
        st.userName = directory.loginName(u);
        stores.orphan(st);
    }

    /** zarafa-admin --purge-softdelete N: removes what was deleted more than N days ago. */
    public int purge(Session s, int days) {
        directory.requireSystemAdmin(s);
        if (days < 0) throw StoreException.invalid("days cannot be negative");
        return purgeOlderThan(days);
    }

    public int purgeOlderThan(int days) {
        long before = days == 0 ? Long.MAX_VALUE : System.currentTimeMillis() - days * 86_400_000L;
        int n = 0;
        List<HierarchyObject> batch = tree.deletedBefore(before);
        for (HierarchyObject o : batch) {
            // children of a purged folder are gone already
            if (objects.em().find(HierarchyObject.class, o.id) == null) continue;
            HierarchyObject parent = objects.em().find(HierarchyObject.class, o.parentId);
            if (parent != null && parent.deletedAt != null && parent.deletedAt < before) continue;
            n += tree.purge(o);
        }
        return n;
    }
}
