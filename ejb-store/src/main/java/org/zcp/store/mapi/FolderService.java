package org.zcp.store.mapi;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import org.zcp.api.mapi.MapiError;
import org.zcp.api.mapi.ObjectType;
import org.zcp.api.mapi.PropTag;
import org.zcp.api.mapi.Rights;
import org.zcp.store.api.mapi.PropValue;
import org.zcp.store.StoreException;
import org.zcp.store.entity.AclRow;
import org.zcp.store.entity.ChangeEntry;
import org.zcp.store.entity.HierarchyObject;
import org.zcp.store.entity.StoreEntity;
import org.zcp.store.mapi.Access.Action;
import org.zcp.store.session.Session;

/** Folders: create (open if exists), rename, copy, move, delete (soft or hard), empty. */
@Stateless
public class FolderService {
    @Inject
    ObjectStore objects;

    @Inject
    Access access;

    @Inject
    ObjectTree tree;

    @Inject
    PropertyReader reader;

    @Inject
    QuotaService quota;

    /** Folder properties do not count in the store size, so each is bounded instead. */
    static final int MAX_FOLDER_PROPERTY = 1 << 20;

    public String create(Session s, String parentEntryId, String name, String containerClass, boolean openIfExists) {
        HierarchyObject parent = folder(parentEntryId);
        checkName(name);
        access.check(s, parent.id, Action.CREATE_FOLDER, Rights.CREATE_SUBFOLDER);
        HierarchyObject existing = sibling(parent.id, name, -1);
        if (existing != null) {
            if (openIfExists) return objects.entryId(existing);
            throw StoreException.collision("a folder named '" + name + "' already exists");
        }
        HierarchyObject f = objects.create(parent.storeId, parent.id, ObjectType.MAPI_FOLDER, s.userId());
        f.folderType = ObjectType.FOLDER_GENERIC;
        f.displayName = name;
        f.containerClass = containerClass == null || containerClass.isEmpty() ? null : containerClass;
        inheritPermissions(s, parent, f);
        objects.journal(f, ChangeEntry.ADD);
        return objects.entryId(f);
    }

    /**
     * A new folder starts with its parent's permissions (as in Exchange), so a folder made in the
     * public store is seen by whoever saw its parent; its maker, when the store is not theirs,
     * owns it.
     */
    private void inheritPermissions(Session s, HierarchyObject parent, HierarchyObject f) {
        var em = objects.em();
        boolean makerListed = false;
        for (AclRow a : em.createQuery("select a from AclRow a where a.hierarchyId = :h", AclRow.class)
                .setParameter("h", parent.id).getResultList()) {
            boolean maker = a.memberId == s.userId();
            em.persist(new AclRow(f.id, a.memberId, maker ? a.rights | Rights.ROLE_OWNER : a.rights));
            makerListed |= maker;
        }
        if (!makerListed && !s.isSystem() && !access.fullAccess(s, objects.store(f.storeId))) {
            em.persist(new AclRow(f.id, s.userId(), Rights.ROLE_OWNER));
        }
    }

    public void rename(Session s, HierarchyObject f, String name) {
        checkName(name);
        access.check(s, f.id, Action.FOLDER_PERMISSIONS, Rights.FOLDER_ACCESS);
        if (sibling(f.parentId, name, f.id) != null) {
            throw StoreException.collision("a folder named '" + name + "' already exists");
        }
        f.displayName = name;
        objects.journal(f, ChangeEntry.MODIFY);
    }

    public String copy(Session s, String folderEntryId, String destParentId, String newName, boolean move) {
        HierarchyObject f = folder(folderEntryId);
        HierarchyObject dest = folder(destParentId);
        String name = newName == null || newName.isEmpty() ? f.displayName : newName;
        checkName(name);
        access.check(s, f.id, Action.READ, Rights.READ_ANY);
        access.check(s, dest.id, Action.CREATE_FOLDER, Rights.CREATE_SUBFOLDER);
        if (isAncestorOrSelf(f.id, dest.id)) {
            throw new StoreException(MapiError.MAPI_E_FOLDER_CYCLE, "cannot put a folder inside itself");
        }
        if (sibling(dest.id, name, move ? f.id : -1) != null) {
            throw StoreException.collision("a folder named '" + name + "' already exists");
        }
        if (move) {
            requireDeletable(s, f);
            if (f.storeId == dest.storeId) {
                objects.journal(f, ChangeEntry.MOVE_OUT);
                f.parentId = dest.id;
                f.displayName = name;
                objects.journal(f, ChangeEntry.ADD);
                objects.invalidate(f.id);
                return objects.entryId(f);
            }
        }
        if (move) requireSubtree(s, f, Rights.READ_ANY | Rights.FOLDER_ACCESS);
        // a copy holds only subfolders the caller may read (review finding 5); the copy starts with
        // the destination's permissions, as a new folder does
        StoreEntity destStore = objects.store(dest.storeId);
        long sizeBefore = destStore.storeSize;
        HierarchyObject c = tree.copyFolder(f, dest, name, s.userId(),
                sub -> access.allows(s, sub.id, Rights.READ_ANY | Rights.FOLDER_VISIBLE),
                (parent, copy) -> inheritPermissions(s, parent, copy));
        quota.checkGrowth(objects.store(dest.storeId), sizeBefore);
        if (move) tree.softDelete(f, System.currentTimeMillis());
        return objects.entryId(c);
    }

    /**
     * Deleting a folder deletes its subtree, so the caller needs the folder owner right on every
     * folder in it, not only on the top one (review finding 19).
     */
    public void delete(Session s, String folderEntryId, boolean hard) {
        HierarchyObject f = folder(folderEntryId);
        requireDeletable(s, f);
        requireSubtree(s, f, Rights.FOLDER_ACCESS);
        if (hard) tree.purge(f);
        else tree.softDelete(f, System.currentTimeMillis());
    }

    /**
     * Every live subfolder below {@code f} must grant {@code needed}; the first that does not is
     * refused through {@link Access#check}, so the refusal is audit-logged like any other.
     */
    private void requireSubtree(Session s, HierarchyObject f, int needed) {
        if (access.fullAccess(s, objects.store(f.storeId))) return;
        for (HierarchyObject sub : objects.children(f.id, ObjectType.MAPI_FOLDER, false)) {
            HierarchyObject denied = firstDenied(s, sub, needed);
            if (denied != null) access.check(s, denied.id, Action.FOLDER_PERMISSIONS, needed);
        }
    }

    private boolean subtreeAllows(Session s, HierarchyObject folder, int needed) {
        return firstDenied(s, folder, needed) == null;
    }

    /** The first folder of the subtree (the folder itself first) that does not grant {@code needed}. */
    private HierarchyObject firstDenied(Session s, HierarchyObject folder, int needed) {
        if (!access.allows(s, folder.id, needed)) return folder;
        for (HierarchyObject sub : objects.children(folder.id, ObjectType.MAPI_FOLDER, false)) {
            HierarchyObject denied = firstDenied(s, sub, needed);
            if (denied != null) return denied;
        }
        return null;
    }

    public void empty(Session s, String folderEntryId, boolean hard) {
        HierarchyObject f = folder(folderEntryId);
        access.check(s, f.id, Action.DELETE, Rights.DELETE_ANY);
        long now = System.currentTimeMillis();
        boolean full = access.fullAccess(s, objects.store(f.storeId));
        for (HierarchyObject child : objects.allChildren(f.id)) {
            if (child.deletedAt != null || child.isAssociated()) continue;
            if (child.type != ObjectType.MAPI_MESSAGE && child.type != ObjectType.MAPI_FOLDER) continue;
            // subfolders go only when the caller owns each folder of them (review finding 19);
            // the others stay, as MAPI's partial completion of EmptyFolder
            if (child.type == ObjectType.MAPI_FOLDER && !full && !subtreeAllows(s, child, Rights.FOLDER_ACCESS)) continue;
            if (hard) tree.purge(child);
            else tree.softDelete(child, now);
        }
    }

    /** Default folders and the store's roots cannot be deleted or moved. */
    private void requireDeletable(Session s, HierarchyObject f) {
        access.check(s, f.id, Action.FOLDER_PERMISSIONS, Rights.FOLDER_ACCESS);
        StoreEntity store = objects.store(f.storeId);
        if (f.id == store.hierarchyId || f.parentId == store.hierarchyId || isSpecial(store, f)) {
            throw StoreException.noAccess("the folder '" + f.displayName + "' is a default folder");
        }
    }

    private boolean isSpecial(StoreEntity store, HierarchyObject f) {
        HierarchyObject root = objects.object(store.hierarchyId);
        byte[] id = EntryIds.bytes(store.guid, f.id);
        for (PropValue v : reader.all(root).values()) {
            if (v.bin != null && java.util.Arrays.equals(v.bin, id)) return true;
            if (v.mvbin != null) for (byte[] b : v.mvbin) if (java.util.Arrays.equals(b, id)) return true;
        }
        // the receive folder (Inbox) has no pointer property
        return "Inbox".equals(f.displayName) && store.type != StoreEntity.PUBLIC
                && objects.object(f.parentId).parentId == store.hierarchyId;
    }

    private boolean isAncestorOrSelf(long ancestor, long id) {
        long cur = id;
        int guard = 0;
        while (cur != 0 && guard++ < 1000) {
            if (cur == ancestor) return true;
            cur = objects.info(cur).parentId();
        }
        return false;
    }

    private HierarchyObject sibling(long parentId, String name, long except) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (HierarchyObject c : objects.children(parentId, ObjectType.MAPI_FOLDER, false)) {
            if (c.id != except && c.displayName != null && c.displayName.toLowerCase(Locale.ROOT).equals(lower)) {
                return c;
            }
        }
        return null;
    }

    HierarchyObject folder(String entryId) {
        HierarchyObject f = objects.resolve(entryId);
        if (f.type != ObjectType.MAPI_FOLDER || f.deletedAt != null) throw StoreException.invalid("not a folder");
        return f;
    }

    private static void checkName(String name) {
        if (name == null || name.isBlank()) throw StoreException.invalid("folder name is empty");
        if (name.length() > 255) throw StoreException.invalid("folder name longer than 255 characters");
    }

    /** Properties of any object; for a folder, PR_DISPLAY_NAME renames it. */
    public void setProps(Session s, String entryId, List<PropValue> props) {
        HierarchyObject o = objects.resolve(entryId);
        if (o.type == ObjectType.MAPI_FOLDER) {
            for (PropValue v : props) {
                if (v.tag == PropTag.PR_DISPLAY_NAME) rename(s, o, v.s);
            }
            access.check(s, o.id, Action.FOLDER_PERMISSIONS, Rights.FOLDER_ACCESS);
            for (PropValue v : props) {
                if (v.octets() > MAX_FOLDER_PROPERTY) {
                    throw StoreException.invalid(String.format("property 0x%08X of a folder is larger than %d bytes",
                            v.tag, MAX_FOLDER_PROPERTY));
                }
                // rules are checked when they are set (targets, forwards): only through setRules
                if (v.tag == PropTag.PR_RULES_DATA) throw StoreException.invalid("rules are set with setRules");
            }
            objects.setProps(o, props.stream().filter(v -> v.tag != PropTag.PR_DISPLAY_NAME).toList());
            objects.journal(o, ChangeEntry.MODIFY);
        } else if (o.type == ObjectType.MAPI_MESSAGE) {
            access.check(s, o.id, Action.EDIT, Rights.EDIT_ANY);
            StoreEntity store = objects.store(o.storeId);
            long sizeBefore = store.storeSize;
            objects.setProps(o, props);
            // message properties count in the store size and its quota (review finding 7)
            objects.updateSize(o);
            quota.checkGrowth(objects.store(o.storeId), sizeBefore);
            objects.contentChanged(o, props.stream().map(v -> v.tag).toList(), false);
            objects.journal(o, ChangeEntry.MODIFY);
        } else {
            throw StoreException.invalid("properties of this object cannot be set directly");
        }
    }

    public void deleteProps(Session s, String entryId, List<Integer> tags) {
        HierarchyObject o = objects.resolve(entryId);
        access.check(s, o.id, o.type == ObjectType.MAPI_FOLDER ? Action.FOLDER_PERMISSIONS : Action.EDIT,
                o.type == ObjectType.MAPI_FOLDER ? Rights.FOLDER_ACCESS : Rights.EDIT_ANY);
        objects.deleteProps(o, tags);
        objects.contentChanged(o, tags, false);
        objects.journal(o, ChangeEntry.MODIFY);
    }

    /**
     * Properties of any object, after {@link Access#checkRead}; a property the caller may not read
     * although it sees the object is left out of a whole-bag read and comes back as
     * MAPI_E_NO_ACCESS when asked for by tag (MAPI's per-property error).
     */
    public List<PropValue> getProps(Session s, String entryId, List<Integer> tags) {
        HierarchyObject o = objects.resolve(entryId);
        access.checkRead(s, o.id);
        Access.PropertyFilter filter = access.propertyFilter(s, o.id);
        java.util.Set<Integer> stored = objects.stored(o.id).keySet();
        List<PropValue> out = new java.util.ArrayList<>();
        if (tags == null || tags.isEmpty()) {
            for (PropValue v : reader.all(o).values()) {
                if (filter.allows(v.tag, !stored.contains(v.tag))) out.add(v);
            }
        } else {
            for (PropValue v : reader.some(o, tags)) {
                out.add(filter.allows(v.tag, !stored.contains(v.tag)) ? v : PropValue.ofError(v.tag, "MAPI_E_NO_ACCESS"));
            }
        }
        return out;
    }

    public void restore(Session s, List<String> ids) {
        for (String id : ids) {
            HierarchyObject o = objects.resolve(id);
            access.check(s, o.id, Action.DELETE, Rights.DELETE_ANY);
            HierarchyObject parent = objects.object(o.parentId);
            if (parent.deletedAt != null) {
                throw new StoreException(MapiError.MAPI_E_NOT_FOUND,
                        "the folder it was deleted from is deleted too; restore that folder first");
            }
            tree.restore(o);
        }
    }
}
