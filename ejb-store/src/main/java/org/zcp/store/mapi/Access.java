package org.zcp.store.mapi;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Set;
import org.zcp.api.mapi.ObjectType;
import org.zcp.api.mapi.Rights;
import org.zcp.store.StoreException;
import org.zcp.store.audit.AuditLog;
import org.zcp.store.cache.StoreCaches.ObjectInfo;
import org.zcp.store.config.ServerSettings;
import org.zcp.store.directory.Directory;
import org.zcp.store.entity.StoreEntity;
import org.zcp.store.session.Session;

/**
 * Permission checks on every access (DESIGN "ACLs"): the owner of a store has all rights on it
 * (owner_auto_full_access), administrators on the stores of the companies they administer, and
 * everybody else what the folder's ACL grants them or one of their groups. Access outside one's
 * own store is written to the audit log (manual 7.3.1.5); other tenants' stores are invisible.
 */
@Stateless
public class Access {
    /** Audit names of actions (manual 7.3.1.5). */
    public enum Action {
        READ("read"), CREATE("create"), EDIT("edit"), DELETE("delete"), CREATE_FOLDER("create folder"),
        VIEW("view"), FOLDER_PERMISSIONS("folder permissions"), OWNER("owner");

        final String audit;

        Action(String audit) {
            this.audit = audit;
        }
    }

    @Inject
    ObjectStore objects;

    @Inject
    Directory directory;

    @Inject
    AuditLog audit;

    @Inject
    ServerSettings settings;

    @PersistenceContext(unitName = "zarafa")
    EntityManager em;

    /** Whether the session has every right on the store: its owner, or an administrator over it. */
    public boolean fullAccess(Session s, StoreEntity store) {
        if (s.isSystem()) return true;
        if (store.userId == s.userId() && store.type != StoreEntity.PUBLIC && settings.getBool("owner_auto_full_access")) {
            return true;
        }
        if (s.adminLevel() > 0 && directory.isAdminOf(s, store.companyId)) return true;
        return false;
    }

    /** Tenant boundary: a store of a company the session may not see does not exist for it. */
    public void requireVisible(Session s, StoreEntity store) {
        if (!directory.canSeeCompany(s, store.companyId)) {
            throw StoreException.notFound("store");
        }
    }

    /** Effective rights on a folder (or a store root) from its ACL for the user and their groups. */
    public int rights(Session s, long folderId) {
        ObjectInfo folder = objects.info(folderId);
        StoreEntity store = objects.store(folder.storeId());
        if (fullAccess(s, store)) return Rights.ALL;
        if (!directory.canSeeCompany(s, store.companyId)) return 0;
        Set<Long> members = new java.util.LinkedHashSet<>(directory.groupIdsOf(s.userId()));
        members.add(s.userId());
        List<Integer> grants = em.createQuery("select a.rights from AclRow a where a.hierarchyId = :h and a.memberId in :m",
                Integer.class).setParameter("h", folderId).setParameter("m", members).getResultList();
        int r = 0;
        for (int g : grants) r |= g;
        return r;
    }

    /**
     * Checks that the session may perform {@code action} on an object (its folder's ACL decides
     * for messages); {@code needed} are the rights required, any of {@code anyOf} suffices.
     */
    public void check(Session s, long objectId, Action action, int needed) {
        ObjectInfo obj = objects.info(objectId);
        ObjectInfo folder = objects.folderOf(objectId);
        StoreEntity store = objects.store(obj.storeId());
        requireVisible(s, store);
        boolean own = store.userId == s.userId() && store.type != StoreEntity.PUBLIC;
        boolean ok;
        if (fullAccess(s, store)) {
            ok = true;
        } else {
            int r = rights(s, folder.id());
            ok = (r & needed) == needed;
            // edit/delete own items (manual: ecRightsEditOwned/DeleteOwned)
            if (!ok && obj.type() != ObjectType.MAPI_FOLDER && obj.ownerId() == s.userId()) {
                if (needed == Rights.EDIT_ANY) ok = (r & Rights.EDIT_OWNED) != 0;
                if (needed == Rights.DELETE_ANY) ok = (r & Rights.DELETE_OWNED) != 0;
            }
        }
        if (!own && !s.isSystem()) {
            audit.access(ok, objectId, auditType(obj.type()), ownerName(store), s.userName(), action.audit);
        }
        if (!ok) {
            throw StoreException.noAccess("no " + action.audit + " permission on object " + objectId);
        }
    }

    private static int auditType(int type) {
        return switch (type) {
            case ObjectType.MAPI_STORE -> 3;
            case ObjectType.MAPI_FOLDER -> 5;
            default -> 7;
        };
    }

    /** manual 7.3.1.5 note: SYSTEM (single tenant) or the company name for public stores. */
    public String ownerName(StoreEntity store) {
        if (store.type == StoreEntity.PUBLIC) {
            return store.companyId == 0 ? "SYSTEM" : directory.companyName(store.companyId);
        }
        if (store.userId == 0) return store.userName == null ? "" : store.userName;
        return directory.get(store.userId).map(directory::loginName).orElse(store.userName);
    }
}
