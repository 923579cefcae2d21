package org.zcp.store.directory;

import java.util.List;
import java.util.Map;
import org.zcp.api.mapi.ObjectClass;

/**
 * One user, contact, group, dynamic group, address list or company as an external directory (LDAP,
 * the Unix account files) describes it.
 *
 * @param externId what names it for good: LDAP's unique attribute (binary values as lower-case
 *                 hex, prefixed for the kinds that have a unique attribute of their own, see
 *                 {@code LdapDirectory}), a Unix uid or gid
 * @param dn       where it was found: its LDAP DN, "unix:user:NAME"
 * @param props    the attributes by the server's names ({@link org.zcp.store.directory.Attr})
 * @param modified the value of ldap_last_modification_attribute ("" when the source has none)
 * @param problems what is wrong with the entry (a missing name, ...): reported, not fatal
 * @param relations the values of its relation attributes (send-as; a company's view, admin and
 *                  system-admin lists) by option name ("sendas", "company_view", ...), binary
 *                  values as hex
 */
public record ExternalObject(ObjectClass objectClass, String externId, String dn, Map<String, String> props,
        String modified, List<String> problems, Map<String, List<String>> relations) {

    public ExternalObject(ObjectClass objectClass, String externId, String dn, Map<String, String> props, String modified,
            List<String> problems) {
        this(objectClass, externId, dn, props, modified, problems, Map.of());
    }

    public String name() {
        return props.getOrDefault(org.zcp.store.directory.Attr.NAME, "");
    }
}
