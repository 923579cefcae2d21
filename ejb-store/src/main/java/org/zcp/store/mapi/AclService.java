package org.zcp.store.mapi;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import org.zcp.api.mapi.ObjectType;
import org.zcp.api.mapi.Rights;
import org.zcp.store.api.mapi.AclEntry;
import org.zcp.store.StoreException;
import org.zcp.store.directory.DirEntry;
import org.zcp.store.directory.Directory;
import org.zcp.store.entity.AclId;
import org.zcp.store.entity.AclRow;
import org.zcp.store.entity.HierarchyObject;
import org.zcp.store.mapi.Access.Action;
import org.zcp.store.session.Session;

/** Folder permissions (getRights/setRights): who may do what in a folder. */
@Stateless
public class AclService {
    @PersistenceContext(unitName = "zarafa")
    EntityManager em;

    @Inject
    ObjectStore objects;

    @Inject
    Access access;

    @Inject
    Directory directory;

    public List<AclEntry> get(Session s, String entryId) {
        HierarchyObject f = folder(entryId);
        access.check(s, f.id, Action.VIEW, Rights.FOLDER_VISIBLE);
        List<AclEntry> out = new ArrayList<>();
        for (AclRow r : em.createQuery("select a from AclRow a where a.hierarchyId = :h order by a.memberId",
                AclRow.class).setParameter("h", f.id).getResultList()) {
            directory.get(r.memberId).ifPresent(e -> out.add(new AclEntry(
                    e.isGroup() ? e.name() : directory.loginName(e), e.isGroup() ? "group" : "user", r.rights)));
        }
        return out;
    }

    public void set(Session s, String entryId, List<AclEntry> entries) {
        HierarchyObject f = folder(entryId);
        access.check(s, f.id, Action.FOLDER_PERMISSIONS, Rights.FOLDER_ACCESS);
        for (AclEntry e : entries) {
            if (e == null || e.memberName == null || e.memberName.isBlank()) {
                throw StoreException.invalid("a permission entry names no user or group");
            }
            DirEntry member = "group".equalsIgnoreCase(e.memberType) ? directory.requireGroup(e.memberName)
                    : directory.findUser(e.memberName).orElseGet(() -> directory.requireGroup(e.memberName));
            if (!directory.canSeeCompany(s, member.companyId()) && member.id() != Directory.EVERYONE_ID) {
                throw StoreException.notFound("user or group " + e.memberName);
            }
            if ((e.rights & ~(Rights.ALL | Rights.CONTACT | Rights.FREEBUSY_SIMPLE | Rights.FREEBUSY_DETAILED)) != 0) {
                throw StoreException.invalid("unknown rights bits in 0x" + Integer.toHexString(e.rights));
            }
            AclId key = new AclId();
            key.hierarchyId = f.id;
            key.memberId = member.id();
            AclRow row = em.find(AclRow.class, key);
            if (e.rights == 0) {
                if (row != null) em.remove(row);
            } else if (row == null) {
                em.persist(new AclRow(f.id, member.id(), e.rights));
            } else {
                row.rights = e.rights;
            }
        }
    }

    private HierarchyObject folder(String entryId) {
        HierarchyObject f = objects.resolve(entryId);
        if (f.type != ObjectType.MAPI_FOLDER) throw StoreException.invalid("permissions exist on folders only");
        return f;
    }
}
