package org.zcp.store.mapi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.zcp.api.mapi.ObjectType;
import org.zcp.store.entity.ChangeEntry;
import org.zcp.store.entity.HierarchyObject;

/**
 * Whole-subtree operations: deep copies, soft delete and restore (manual 7.5), and purge, which
 * removes objects for good and gives their space back to the store's quota.
 */
@ApplicationScoped
public class ObjectTree {
    @Inject
    ObjectStore objects;

    @Inject
    AttachmentStorage attachments;

    /** The next IMAP UID of a folder (UIDs never repeat within a folder's UIDVALIDITY). */
    public long nextUid(HierarchyObject folder) {
        HierarchyObject locked = objects.lockFresh(HierarchyObject.class, folder.id);
        long uid = locked.nextUid;
        locked.nextUid = uid + 1;
        return uid;
    }

    public HierarchyObject copyMessage(HierarchyObject msg, HierarchyObject destFolder, long ownerId) {
        HierarchyObject c = clone(msg, destFolder.storeId, destFolder.id, ownerId);
        c.imapUid = nextUid(destFolder);
        copyChildren(msg, c);
        objects.addSize(c.storeId, c.size);
        objects.journal(c, ChangeEntry.ADD);
        return c;
    }

    private void copyChildren(HierarchyObject from, HierarchyObject to) {
        for (HierarchyObject child : objects.allChildren(from.id)) {
            if (child.deletedAt != null) continue;
            HierarchyObject c = clone(child, to.storeId, to.id, child.ownerId);
            if (child.type == ObjectType.MAPI_ATTACH) attachments.share(child.id, c.id);
            copyChildren(child, c);
        }
    }

    private HierarchyObject clone(HierarchyObject o, long storeId, long parentId, long ownerId) {
        HierarchyObject c = objects.create(storeId, parentId, o.type, ownerId);
        c.flags = o.flags & ~HierarchyObject.FLAG_DELETED;
        c.displayName = o.displayName;
        c.containerClass = o.containerClass;
        c.folderType = o.folderType;
        c.messageClass = o.messageClass;
        c.subject = o.subject;
        c.senderName = o.senderName;
        c.senderEmail = o.senderEmail;
        c.displayTo = o.displayTo;
        c.messageId = o.messageId;
        c.deliveryTime = o.deliveryTime;
        c.size = o.size;
        c.msgFlags = o.msgFlags;
        FlagColumns.copy(o, c);
        c.attachNum = o.attachNum;
        objects.copyProps(o.id, c.id);
        return c;
    }

    /**
     * Deep copy of a folder with its live messages and those live subfolders {@code include}
     * accepts (the caller's read right, checked per folder); {@code created} sees every new
     * folder with its new parent, to give it permissions.
     */
    public HierarchyObject copyFolder(HierarchyObject folder, HierarchyObject destParent, String name, long ownerId,
            Predicate<HierarchyObject> include, BiConsumer<HierarchyObject, HierarchyObject> created) {
        HierarchyObject c = clone(folder, destParent.storeId, destParent.id, ownerId);
        c.displayName = name;
        c.folderType = ObjectType.FOLDER_GENERIC;
        objects.journal(c, ChangeEntry.ADD);
        created.accept(destParent, c);
        for (HierarchyObject child : objects.allChildren(folder.id)) {
            if (child.deletedAt != null) continue;
            if (child.type == ObjectType.MAPI_FOLDER) {
                if (include.test(child)) copyFolder(child, c, child.displayName, ownerId, include, created);
            } else if (child.type == ObjectType.MAPI_MESSAGE) {
                copyMessage(child, c, child.ownerId);
            }
        }
        return c;
    }

    /** Marks the object and, for folders, everything below it deleted at {@code when}. */
    public void softDelete(HierarchyObject o, long when) {
        o.flags |= HierarchyObject.FLAG_DELETED;
        o.deletedAt = when;
        objects.journal(o, ChangeEntry.DELETE);
        objects.invalidate(o.id);
        if (o.type == ObjectType.MAPI_FOLDER) {
            for (HierarchyObject child : objects.allChildren(o.id)) {
                if (child.deletedAt == null && (child.type == ObjectType.MAPI_FOLDER
                        || child.type == ObjectType.MAPI_MESSAGE)) {
                    softDelete(child, when);
                }
            }
        }
    }

    /** Undoes a soft delete, with the children that were deleted together with the object. */
    public void restore(HierarchyObject o) {
        Long when = o.deletedAt;
        if (when == null) return;
        o.flags &= ~HierarchyObject.FLAG_DELETED;
        o.deletedAt = null;
        objects.journal(o, ChangeEntry.RESTORE);
        objects.invalidate(o.id);
        if (o.type == ObjectType.MAPI_FOLDER) {
            for (HierarchyObject child : objects.allChildren(o.id)) {
                if (when.equals(child.deletedAt)) restore(child);
            }
        }
    }

    /** Removes the object and its subtree for good; returns the number of messages and folders removed. */
    public int purge(HierarchyObject o) {
        int n = 0;
        for (HierarchyObject child : objects.allChildren(o.id)) {
            if (o.type == ObjectType.MAPI_MESSAGE || o.type == ObjectType.MAPI_ATTACH) {
                discard(child); // a recipient, an attachment, the message an attachment holds
            } else {
                n += purge(child);
            }
        }
        if (o.type == ObjectType.MAPI_ATTACH) attachments.detach(o.id);
        if (o.type == ObjectType.MAPI_MESSAGE) {
            objects.addSize(o.storeId, -o.size);
            n++;
        }
        if (o.type == ObjectType.MAPI_FOLDER) n++;
        if (o.type == ObjectType.MAPI_MESSAGE || o.type == ObjectType.MAPI_FOLDER) {
            objects.journal(o, ChangeEntry.PURGE);
        }
        objects.destroy(o);
        return n;
    }

    /**
     * Removes a part of a message for good (a recipient, an attachment with its content or the
     * message it holds): no journal and no store size of its own, the message it is part of
     * changes with it.
     */
    public void discard(HierarchyObject part) {
        for (HierarchyObject child : objects.allChildren(part.id)) discard(child);
        if (part.type == ObjectType.MAPI_ATTACH) attachments.detach(part.id);
        objects.destroy(part);
    }

    /** Soft-deleted objects whose deletion is older than {@code before}, top-most first. */
    public List<HierarchyObject> deletedBefore(long before) {
        return objects.em().createQuery("select h from HierarchyObject h where h.deletedAt is not null and h.deletedAt < :t"
                + " and h.type in (3, 5) order by h.id", HierarchyObject.class).setParameter("t", before)
                .setMaxResults(5000).getResultList();
    }
}
