package org.zcp.store.admin;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.zcp.api.mapi.ObjectClass;
import org.zcp.store.api.admin.GroupDetails;
import org.zcp.store.api.admin.UserDetails;
import org.zcp.store.StoreException;
import org.zcp.store.directory.Attr;
import org.zcp.store.directory.DirEntry;
import org.zcp.store.directory.Directory;
import org.zcp.store.directory.UserScripts;
import org.zcp.store.session.Session;

/** Security groups of the db plugin (manual 8.3.6): Everyone always exists and holds every user. */
@Stateless
public class GroupAdmin {
    @Inject
    Directory directory;

    @Inject
    Details details;

    @Inject
    UserAdmin users;

    @Inject
    UserScripts scripts;

    public void create(Session s, GroupDetails g) {
        users.requireWritable();
        if (g == null || g.groupName == null) throw StoreException.invalid("group name missing");
        Directory.LoginName n = directory.parse(g.groupName.trim());
        UserAdmin.validateName(n.user(), "group");
        long company = users.companyFor(n);
        directory.requireAdminOf(s, company);
        if (directory.findGroup(g.groupName.trim()).isPresent()) {
            throw StoreException.collision("group " + g.groupName + " already exists");
        }
        Map<String, String> attrs = new HashMap<>();
        attrs.put(Attr.NAME, n.user());
        attrs.put(Attr.FULLNAME, g.fullName == null ? n.user() : g.fullName);
        attrs.put(Attr.EMAIL, g.email == null || g.email.isEmpty() ? "" : UserAdmin.validEmail(g.email));
        if (Boolean.TRUE.equals(g.hidden)) attrs.put(Attr.HIDDEN, "1");
        directory.plugin().create(ObjectClass.DISTLIST_SECURITY, company, attrs);
        scripts.run("creategroup_script", "ZARAFA_GROUP", g.groupName.trim());
    }

    public void update(Session s, String name, GroupDetails g) {
        users.requireWritable();
        DirEntry e = visibleGroup(s, name);
        requireNotEveryone(e);
        directory.requireAdminOf(s, e.companyId());
        Map<String, String> attrs = new HashMap<>();
        if (g.groupName != null && !g.groupName.equals(name)) {
            Directory.LoginName n = directory.parse(g.groupName.trim());
            UserAdmin.validateName(n.user(), "group");
            if (directory.findGroup(g.groupName.trim()).isPresent()) {
                throw StoreException.collision("group " + g.groupName + " already exists");
            }
            attrs.put(Attr.NAME, n.user());
        }
        if (g.fullName != null) attrs.put(Attr.FULLNAME, g.fullName);
        if (g.email != null) attrs.put(Attr.EMAIL, g.email.isEmpty() ? "" : UserAdmin.validEmail(g.email));
        if (g.hidden != null) attrs.put(Attr.HIDDEN, g.hidden ? "1" : null);
        directory.plugin().update(e.id(), attrs);
    }

    public void delete(Session s, String name) {
        users.requireWritable();
        DirEntry e = visibleGroup(s, name);
        requireNotEveryone(e);
        directory.requireAdminOf(s, e.companyId());
        directory.plugin().delete(e.id());
        scripts.run("deletegroup_script", "ZARAFA_GROUP", name);
    }

    public GroupDetails get(Session s, String name) {
        return details.group(visibleGroup(s, name));
    }

    public List<GroupDetails> list(Session s, String companyName) {
        long company = users.listCompany(s, companyName);
        List<GroupDetails> out = new ArrayList<>();
        for (DirEntry e : directory.groups(company)) {
            if (e.id() != Directory.EVERYONE_ID && !directory.canSeeCompany(s, e.companyId())) continue;
            if (company > 0 && e.id() == Directory.EVERYONE_ID) continue;
            out.add(details.group(e));
        }
        if (company > 0) {
            // every tenant has its own view of Everyone (manual 8.3.6)
            directory.get(Directory.EVERYONE_ID).ifPresent(ev -> out.add(0, details.group(ev)));
        }
        return out;
    }

    public void addUser(Session s, String group, String user) {
        users.requireWritable();
        DirEntry g = visibleGroup(s, group);
        requireNotEveryone(g);
        DirEntry u = users.visibleUser(s, user);
        directory.requireAdminOf(s, g.companyId());
        if (directory.plugin().groupsOf(u.id()).contains(g.id())) {
            throw StoreException.collision("user " + user + " is already in group " + group);
        }
        directory.plugin().addMember(g.id(), u.id());
    }

    public void removeUser(Session s, String group, String user) {
        users.requireWritable();
        DirEntry g = visibleGroup(s, group);
        requireNotEveryone(g);
        DirEntry u = users.visibleUser(s, user);
        directory.requireAdminOf(s, g.companyId());
        if (!directory.plugin().groupsOf(u.id()).contains(g.id())) {
            throw StoreException.notFound("user " + user + " in group " + group);
        }
        directory.plugin().removeMember(g.id(), u.id());
    }

    public List<UserDetails> members(Session s, String group) {
        DirEntry g = visibleGroup(s, group);
        List<UserDetails> out = new ArrayList<>();
        for (DirEntry u : directory.membersOf(g.id())) {
            if (u.id() == Directory.SYSTEM_ID || !directory.canSeeCompany(s, u.companyId())) continue;
            if (g.id() == Directory.EVERYONE_ID && !s.isSystem() && s.adminLevel() < 2
                    && u.companyId() != s.companyId()) {
                continue;
            }
            out.add(details.user(u, false));
        }
        return out;
    }

    private DirEntry visibleGroup(Session s, String name) {
        DirEntry e = directory.findGroup(name == null ? "" : name.trim())
                .orElseThrow(() -> StoreException.notFound("group " + name));
        if (e.id() != Directory.EVERYONE_ID && !directory.canSeeCompany(s, e.companyId())) {
            throw StoreException.notFound("group " + name);
        }
        return e;
    }

    private static void requireNotEveryone(DirEntry e) {
        if (e.id() == Directory.EVERYONE_ID) {
            throw StoreException.noAccess("the group Everyone cannot be changed (manual 8.3.6)");
        }
    }
}
