package org.zcp.store.mapi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Set;
import org.zcp.api.mapi.ObjectType;
import org.zcp.api.mapi.PropTag;
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
@ApplicationScoped
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

    @Inject
    EntityManager em;

    /** Whether the session has every right on the store: its owner, or an administrator over it. */
    public boolean fullAccess(Session s, StoreEntity store) {
        if (s.isSystem()) return true;
        if (store.userId == s.userId() && store.type != StoreEntity.PUBLIC && settings.getBool("owner_auto_full_access")) {
            return true;
        }
        if (s.adminLevel() <= 0 || !directory.isAdminOf(s, store.companyId)) return false;
        // a company administrator does not own the stores of the system administrators of its company
        if (store.userId != 0 && store.type != StoreEntity.PUBLIC) {
            return directory.get(store.userId).map(owner -> directory.isAdminOver(s, owner)).orElse(true);
        }
        return true;
    }

    /**
     * The session's own private store with full access (owner_auto_full_access), or SYSTEM:
     * every object in it may be read and changed, and nothing there is audited.
     */
    public boolean ownStore(Session s, long storeId) {
        if (s.isSystem()) return true;
        StoreEntity store = objects.store(storeId);
        return store.userId == s.userId() && store.type != StoreEntity.PUBLIC && fullAccess(s, store);
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

    /** Whether the session holds {@code needed} on a folder, without auditing (for subtree walks). */
    public boolean allows(Session s, long folderId, int needed) {
        StoreEntity store = objects.store(objects.info(folderId).storeId());
        return fullAccess(s, store) || (rights(s, folderId) & needed) == needed;
    }

    /**
     * Opening a store or a folder's hierarchy: needs no right on the object itself (what is
     * listed below it is filtered by FOLDER_VISIBLE), only the tenant boundary; access to another
     * user's store is audited as a view.
     */
    public void checkOpen(Session s, long objectId) {
        decide(s, objectId, Action.VIEW, 0);
    }

    /**
     * Reading an object of any kind (store root, folder, message, recipient, attachment): folders
     * and store roots need FOLDER_VISIBLE on themselves, messages and everything inside them
     * READ_ANY on their folder. Properties beyond the object itself need more, see
     * {@link #propertyFilter}.
     */
    public void checkRead(Session s, long objectId) {
        int type = objects.info(objectId).type();
        if (type == ObjectType.MAPI_FOLDER || type == ObjectType.MAPI_STORE) {
            check(s, objectId, Action.VIEW, Rights.FOLDER_VISIBLE);
        } else {
            check(s, objectId, Action.READ, Rights.READ_ANY);
        }
    }

    /** Which properties of one object the session may read, decided once per object. */
    @FunctionalInterface
    public interface PropertyFilter {
        /** {@code computed}: a value the server makes (entry ids, counts), not one a client stored. */
        boolean allows(int tag, boolean computed);
    }

    private static final PropertyFilter EVERY_PROPERTY = (tag, computed) -> true;

    /**
     * Properties that stay private although their object can be read (review finding 4): the
     * store root's own settings (out-of-office, IMAP subscriptions, anything a client keeps there)
     * belong to whoever has full access to the store; a folder's rules (with forward addresses) to
     * whoever may change them, the folder owner right, as setRules demands. The store, full access
     * and the rights are looked up once for the object, the rights only when rules are asked for.
     */
    public PropertyFilter propertyFilter(Session s, long objectId) {
        ObjectInfo obj = objects.info(objectId);
        if (obj.type() != ObjectType.MAPI_FOLDER && obj.type() != ObjectType.MAPI_STORE) return EVERY_PROPERTY;
        StoreEntity store = objects.store(obj.storeId());
        if (fullAccess(s, store)) return EVERY_PROPERTY;
        boolean root = obj.id() == store.hierarchyId;
        return new PropertyFilter() {
            private Boolean folderOwner;

            @Override
            public boolean allows(int tag, boolean computed) {
                if (tag == PropTag.PR_RULES_DATA) {
                    if (folderOwner == null) folderOwner = (rights(s, objectId) & Rights.FOLDER_ACCESS) != 0;
                    return folderOwner;
                }
                return !root || computed || PUBLIC_ROOT_PROPS.contains(tag);
            }
        };
    }

    /** Store-root properties anyone who sees the root may read: where the folders are, its name. */
    private static final Set<Integer> PUBLIC_ROOT_PROPS = Set.of(PropTag.PR_DISPLAY_NAME, PropTag.PR_IPM_SUBTREE_ENTRYID,
            PropTag.PR_IPM_OUTBOX_ENTRYID, PropTag.PR_IPM_WASTEBASKET_ENTRYID, PropTag.PR_IPM_SENTMAIL_ENTRYID,
            PropTag.PR_IPM_APPOINTMENT_ENTRYID, PropTag.PR_IPM_CONTACT_ENTRYID, PropTag.PR_IPM_JOURNAL_ENTRYID,
            PropTag.PR_IPM_NOTE_ENTRYID, PropTag.PR_IPM_TASK_ENTRYID, PropTag.PR_IPM_DRAFTS_ENTRYID,
            PropTag.PR_ADDITIONAL_REN_ENTRYIDS, PropTag.PR_FREEBUSY_ENTRYIDS);

    /**
     * Checks that the session may perform {@code action} on an object (its folder's ACL decides
     * for messages); {@code needed} are the rights required (never none: use {@link #checkOpen}).
     */
    public void check(Session s, long objectId, Action action, int needed) {
        if (needed == 0) throw new IllegalArgumentException("an access check needs the rights it checks");
        decide(s, objectId, action, needed);
    }

    private void decide(Session s, long objectId, Action action, int needed) {
        ObjectInfo obj = objects.info(objectId);
        ObjectInfo folder = objects.folderOf(objectId);
        StoreEntity store = objects.store(obj.storeId());
        requireVisible(s, store);
        boolean own = store.userId == s.userId() && store.type != StoreEntity.PUBLIC;
        boolean ok;
        if (fullAccess(s, store)) {
            ok = true;
        } else {
            int r = needed == 0 ? 0 : rights(s, folder.id());
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
