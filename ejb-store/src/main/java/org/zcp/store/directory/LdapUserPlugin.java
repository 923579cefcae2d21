package org.zcp.store.directory;

import jakarta.inject.Inject;
import java.util.Set;
import org.zcp.store.directory.ldap.LdapService;

/**
 * The ldap user plugin (manual 4.4.3, 8.5): users, contacts, groups, dynamic groups and companies
 * live in LDAP or Active Directory, which owns their names, addresses, aliases, admin level,
 * quota, features, resources, visibility and relations (send-as, company view and admin lists).
 */
@jakarta.ejb.Stateless
@jakarta.ejb.LocalBean
public class LdapUserPlugin extends ExternalUserPlugin {
    /** What LDAP owns; everything else (logon times, archives, ...) the server keeps for any plugin. */
    static final Set<String> OWNED = Set.of(Attr.NAME, Attr.PASSWORD, Attr.FULLNAME, Attr.EMAIL, Attr.ALIASES, Attr.ADMIN, Attr.HIDDEN,
            Attr.QUOTA_OVERRIDE, Attr.QUOTA_WARN, Attr.QUOTA_SOFT, Attr.QUOTA_HARD, Attr.UD_QUOTA_OVERRIDE,
            Attr.UD_QUOTA_WARN, Attr.UD_QUOTA_SOFT, Attr.UD_QUOTA_HARD, Attr.FEATURES_ENABLED, Attr.FEATURES_DISABLED,
            Attr.RESOURCE_CAPACITY, Attr.SOURCE_DN, Attr.MODIFIED, Attr.SYSADMIN, "ldap_filter", "ldap_base",
            // relations read from the directory (UserAdmin.requireServerKept)
            "sendas", "company_view", "company_admin");

    @Inject
    LdapService ldap;

    @Override
    public String name() {
        return "ldap";
    }

    @Override
    public Set<String> ownedAttributes() {
        return OWNED;
    }

    @Override
    protected ExternalDirectory dir() {
        return ldap.directory();
    }

    @Override
    protected String label() {
        return "LDAP";
    }

    @Override
    protected ExternalUserPlugin self() {
        return context.getBusinessObject(LdapUserPlugin.class);
    }
}
