package org.zcp.store.admin;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.zcp.api.mapi.MapiError;
import org.zcp.api.mapi.ObjectClass;
import org.zcp.store.api.admin.CompanyDetails;
import org.zcp.store.api.admin.UserDetails;
import org.zcp.store.StoreException;
import org.zcp.store.config.ServerSettings;
import org.zcp.store.directory.Attr;
import org.zcp.store.directory.DirEntry;
import org.zcp.store.directory.Directory;
import org.zcp.store.directory.UserScripts;
import org.zcp.store.entity.ObjectRelation;
import org.zcp.store.mapi.StoreManager;
import org.zcp.store.session.Session;

/**
 * Tenants (manual 6.2.3): companies with their public store, quota, view and admin lists.
 * Available only with enable_hosted_zarafa.
 */
@Stateless
public class CompanyAdmin {
    @Inject
    Directory directory;

    @Inject
    Details details;

    @Inject
    UserAdmin users;

    @Inject
    StoreManager stores;

    @Inject
    ServerSettings settings;

    @Inject
    UserScripts scripts;

    public void create(Session s, CompanyDetails c) {
        requireHosted();
        users.requireWritable();
        directory.requireSystemAdmin(s);
        if (c == null || c.companyName == null) throw StoreException.invalid("company name missing");
        String name = c.companyName.trim();
        UserAdmin.validateName(name, "company");
        if (directory.plugin().findIgnoringCase(org.zcp.store.directory.UserPlugin.Kind.COMPANY, name, -1).isPresent()) throw StoreException.collision("company " + name + " already exists");
        Map<String, String> attrs = new HashMap<>();
        attrs.put(Attr.NAME, name);
        attrs.put(Attr.FULLNAME, name);
        quota(c, attrs);
        long id = directory.plugin().create(ObjectClass.CONTAINER_COMPANY, 0, attrs);
        // manual 6.2.2.5: the public store is created with the company
        stores.createPublicStore(id);
        scripts.run("createcompany_script", "ZARAFA_COMPANY", name);
    }

    public void update(Session s, String name, CompanyDetails c) {
        requireHosted();
        DirEntry e = visible(s, name);
        directory.requireAdminOf(s, e.id());
        Map<String, String> attrs = new HashMap<>();
        quota(c, attrs);
        // the company's quotas and its users' defaults are the hoster's limits (review finding 20)
        if (!attrs.isEmpty()) directory.requireSystemAdmin(s);
        if (c.adminName != null) {
            directory.requireSystemAdmin(s);
            if (c.adminName.isEmpty()) {
                attrs.put(Attr.SYSADMIN, null);
            } else {
                DirEntry admin = users.visibleUser(s, c.adminName);
                attrs.put(Attr.SYSADMIN, Long.toString(admin.id()));
            }
        }
        directory.setAttributes(e.id(), attrs);
    }

    public void delete(Session s, String name) {
        requireHosted();
        users.requireWritable();
        directory.requireSystemAdmin(s);
        DirEntry e = visible(s, name);
        if (!directory.users(e.id()).isEmpty() || !directory.groups(e.id()).isEmpty()) {
            throw new StoreException(MapiError.MAPI_E_COLLISION, "company " + name
                    + " still has users or groups; delete them first");
        }
        stores.publicStoreOf(e.id()).ifPresent(st -> {
            st.userName = name;
            stores.orphan(st);
            st.type = org.zcp.store.entity.StoreEntity.ARCHIVE;
        });
        directory.plugin().delete(e.id());
        scripts.run("deletecompany_script", "ZARAFA_COMPANY", name);
    }

    public CompanyDetails get(Session s, String name) {
        requireHosted();
        DirEntry e = visible(s, name);
        return details.company(e, directory.isAdminOf(s, e.id()));
    }

    public List<CompanyDetails> list(Session s) {
        requireHosted();
        List<CompanyDetails> out = new ArrayList<>();
        for (DirEntry e : directory.companies()) {
            if (directory.canSeeCompany(s, e.id())) out.add(details.company(e, directory.isAdminOf(s, e.id())));
        }
        return out;
    }

    public void addView(Session s, String viewer, String company) {
        requireHosted();
        users.requireServerKept("company_view");
        directory.requireSystemAdmin(s);
        DirEntry v = directory.requireCompany(viewer);
        DirEntry c = directory.requireCompany(company);
        if (v.id() == c.id()) throw StoreException.invalid("a company always sees itself");
        directory.addRelation(v.id(), c.id(), ObjectRelation.COMPANY_VIEW);
    }

    public void delView(Session s, String viewer, String company) {
        requireHosted();
        users.requireServerKept("company_view");
        directory.requireSystemAdmin(s);
        DirEntry v = directory.requireCompany(viewer);
        DirEntry c = directory.requireCompany(company);
        if (!directory.removeRelation(v.id(), c.id(), ObjectRelation.COMPANY_VIEW)) {
            throw StoreException.notFound(viewer + " in the view list of " + company);
        }
    }

    public List<CompanyDetails> viewList(Session s, String company) {
        requireHosted();
        DirEntry c = visible(s, company);
        directory.requireAdminOf(s, c.id());
        List<CompanyDetails> out = new ArrayList<>();
        for (long id : directory.related(c.id(), ObjectRelation.COMPANY_VIEW)) {
            directory.get(id).ifPresent(e -> out.add(details.company(e, false)));
        }
        return out;
    }

    public void addAdmin(Session s, String user, String company) {
        requireHosted();
        users.requireServerKept("company_admin");
        directory.requireSystemAdmin(s);
        DirEntry u = directory.requireUser(user);
        DirEntry c = directory.requireCompany(company);
        directory.addRelation(u.id(), c.id(), ObjectRelation.COMPANY_ADMIN);
    }

    public void delAdmin(Session s, String user, String company) {
        requireHosted();
        users.requireServerKept("company_admin");
        directory.requireSystemAdmin(s);
        DirEntry u = directory.requireUser(user);
        DirEntry c = directory.requireCompany(company);
        if (!directory.removeRelation(u.id(), c.id(), ObjectRelation.COMPANY_ADMIN)) {
            throw StoreException.notFound(user + " in the admin list of " + company);
        }
    }

    public List<UserDetails> adminList(Session s, String company) {
        requireHosted();
        DirEntry c = visible(s, company);
        directory.requireAdminOf(s, c.id());
        List<UserDetails> out = new ArrayList<>();
        for (long id : directory.related(c.id(), ObjectRelation.COMPANY_ADMIN)) {
            directory.get(id).ifPresent(e -> out.add(details.user(e, false)));
        }
        return out;
    }

    private DirEntry visible(Session s, String name) {
        DirEntry e = directory.requireCompany(name == null ? "" : name.trim());
        if (!directory.canSeeCompany(s, e.id())) throw StoreException.notFound("company " + name);
        return e;
    }

    private void requireHosted() {
        if (!settings.hosted()) {
            throw new StoreException(MapiError.MAPI_E_NO_SUPPORT,
                    "multi-tenancy is disabled; set enable_hosted_zarafa = yes in server.cfg");
        }
    }

    private static void quota(CompanyDetails c, Map<String, String> attrs) {
        if (c.quotaOverride != null) attrs.put(Attr.QUOTA_OVERRIDE, c.quotaOverride ? "1" : "0");
        if (c.quotaWarn != null) attrs.put(Attr.QUOTA_WARN, UserAdmin.nonNegative(c.quotaWarn));
        if (c.userDefaultQuotaOverride != null) attrs.put(Attr.UD_QUOTA_OVERRIDE, c.userDefaultQuotaOverride ? "1" : "0");
        if (c.userDefaultQuotaWarn != null) attrs.put(Attr.UD_QUOTA_WARN, UserAdmin.nonNegative(c.userDefaultQuotaWarn));
        if (c.userDefaultQuotaSoft != null) attrs.put(Attr.UD_QUOTA_SOFT, UserAdmin.nonNegative(c.userDefaultQuotaSoft));
        if (c.userDefaultQuotaHard != null) attrs.put(Attr.UD_QUOTA_HARD, UserAdmin.nonNegative(c.userDefaultQuotaHard));
    }
}
