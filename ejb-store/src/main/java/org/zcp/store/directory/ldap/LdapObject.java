package org.zcp.store.directory.ldap;

import java.util.List;
import java.util.Map;
import org.zcp.api.mapi.ObjectClass;

/**
 * One user, contact, group, dynamic group, address list or company as read from LDAP.
 *
 * @param externId the unique attribute's value (binary values as lower-case hex), prefixed for
 *                 the kinds that have a unique attribute of their own (see {@link LdapDirectory})
 * @param props    the attributes by the server's names ({@link org.zcp.store.directory.Attr})
 * @param modified the value of ldap_last_modification_attribute ("" when the server has none)
 * @param problems what is wrong with the entry (a missing name, ...): reported, not fatal
 * @param relations the values of its relation attributes (send-as; a company's view, admin and
 *                  system-admin lists) by option name ("sendas", "company_view", ...), binary
 *                  values as hex
 */
public record LdapObject(ObjectClass objectClass, String externId, String dn, Map<String, String> props,
        String modified, List<String> problems, Map<String, List<String>> relations) {

    public LdapObject(ObjectClass objectClass, String externId, String dn, Map<String, String> props, String modified,
            List<String> problems) {
        this(objectClass, externId, dn, props, modified, problems, Map.of());
    }

    public String name() {
        return props.getOrDefault(org.zcp.store.directory.Attr.NAME, "");
    }
}
