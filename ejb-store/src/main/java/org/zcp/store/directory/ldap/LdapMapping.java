package org.zcp.store.directory.ldap;

import org.zcp.store.directory.ExternalObject;
import com.unboundid.ldap.sdk.SearchResultEntry;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.zcp.api.mapi.ObjectClass;
import org.zcp.store.directory.Attr;
import org.zcp.store.directory.ldap.LdapSettings.ValueType;

/**
 * How an LDAP entry becomes a directory object: its kind from the object type attribute (user,
 * contact, group, dynamic group, address list, company; manual 5.2.3), security or distribution
 * group (5.2.5: boolean, or Active Directory's groupType bit), non-active users, rooms and
 * equipment (zarafaSharedStoreOnly, zarafaResourceType), and the attributes of ldap.cfg mapped to
 * the server's names.
 */
final class LdapMapping {
    /** A dynamic group's or address list's filter and base (zarafaFilter, zarafaBase). */
    static final String FILTER = "ldap_filter";
    static final String BASE = "ldap_base";
    /** Active Directory: a security group has the 0x80000000 bit of groupType set. */
    private static final long ADS_SECURITY_BIT = 0x80000000L;

    private LdapMapping() {
    }

    static Optional<ExternalObject> toObject(LdapSettings s, SearchResultEntry e) {
        ObjectClass cls = classify(s, e);
        if (cls == null) return Optional.empty();
        String kind = switch (cls) {
            case DISTLIST_DYNAMIC -> "dynamicgroup";
            case CONTAINER_ADDRESSLIST -> "addresslist";
            case CONTAINER_COMPANY -> "company";
            case DISTLIST_GROUP, DISTLIST_SECURITY -> "group";
            default -> "user";
        };
        String uniqueAttr = s.get("ldap_" + kind + "_unique_attribute");
        if (uniqueAttr.isEmpty() || !e.hasAttribute(uniqueAttr)) return Optional.empty();
        String id = s.uniqueType(kind) == ValueType.BINARY ? HexFormat.of().formatHex(e.getAttributeValueBytes(uniqueAttr))
                : e.getAttributeValue(uniqueAttr);
        if (id == null || id.isEmpty()) return Optional.empty();
        if (cls == ObjectClass.DISTLIST_DYNAMIC) id = LdapDirectory.DYNAMIC_PREFIX + id;
        if (cls == ObjectClass.CONTAINER_ADDRESSLIST) id = LdapDirectory.ADDRESSLIST_PREFIX + id;

        Map<String, String> p = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        switch (kind) {
            case "user" -> user(s, e, cls, p);
            case "group" -> {
                put(p, Attr.NAME, first(e, s.get("ldap_groupname_attribute")));
                put(p, Attr.FULLNAME, first(e, s.get("ldap_groupname_attribute")));
                put(p, Attr.EMAIL, first(e, s.get("ldap_emailaddress_attribute")));
            }
            case "dynamicgroup" -> {
                put(p, Attr.NAME, first(e, s.get("ldap_dynamicgroup_name_attribute")));
                put(p, Attr.FULLNAME, first(e, s.get("ldap_dynamicgroup_name_attribute")));
                put(p, Attr.EMAIL, first(e, s.get("ldap_emailaddress_attribute")));
                put(p, FILTER, first(e, s.get("ldap_dynamicgroup_filter_attribute")));
                put(p, BASE, first(e, s.get("ldap_dynamicgroup_search_base_attribute")));
            }
            case "addresslist" -> {
                put(p, Attr.NAME, first(e, s.get("ldap_addresslist_name_attribute")));
                put(p, FILTER, first(e, s.get("ldap_addresslist_filter_attribute")));
                put(p, BASE, first(e, s.get("ldap_addresslist_search_base_attribute")));
            }
            case "company" -> {
                put(p, Attr.NAME, first(e, s.get("ldap_companyname_attribute")));
                put(p, Attr.FULLNAME, first(e, s.get("ldap_companyname_attribute")));
                quota(s, e, p, "ldap_userdefault_", Attr.UD_QUOTA_OVERRIDE, Attr.UD_QUOTA_WARN, Attr.UD_QUOTA_SOFT,
                        Attr.UD_QUOTA_HARD);
            }
            default -> throw new IllegalStateException(kind);
        }
        if (!kind.equals("user") && !kind.equals("company")) {
            put(p, Attr.ALIASES, all(e, s.get("ldap_emailaliases_attribute")));
        }
        if (!kind.equals("addresslist") && bool(first(e, s.get("ldap_addressbook_hide_attribute")))) p.put(Attr.HIDDEN, "1");
        if (p.getOrDefault(Attr.NAME, "").isEmpty()) {
            problems.add(e.getDN() + " has no " + kind + " name (" + switch (kind) {
                case "user" -> "ldap_loginname_attribute " + s.get("ldap_loginname_attribute");
                case "group" -> "ldap_groupname_attribute " + s.get("ldap_groupname_attribute");
                case "company" -> "ldap_companyname_attribute " + s.get("ldap_companyname_attribute");
                default -> "ldap_" + kind + "_name_attribute";
            } + ")");
        }
        String modified = first(e, s.get("ldap_last_modification_attribute"));
        Map<String, List<String>> relations = new LinkedHashMap<>();
        for (String r : kind.equals("user") ? List.of("sendas") : kind.equals("company")
                ? List.of("company_view", "company_admin", "company_system_admin") : List.<String>of()) {
            LdapSettings.Relation rel = s.relation(r);
            if (rel.configured() && e.hasAttribute(rel.attribute())) {
                List<String> values = new ArrayList<>();
                for (byte[] v : e.getAttributeValueByteArrays(rel.attribute())) {
                    values.add(rel.type() == ValueType.BINARY ? HexFormat.of().formatHex(v)
                            : new String(v, java.nio.charset.StandardCharsets.UTF_8));
                }
                relations.put(r, values);
            }
        }
        return Optional.of(new ExternalObject(cls, id, e.getDN(), p, modified == null ? "" : modified, problems, relations));
    }

    private static void user(LdapSettings s, SearchResultEntry e, ObjectClass cls, Map<String, String> p) {
        String login = first(e, s.get("ldap_loginname_attribute"));
        String full = first(e, s.get("ldap_fullname_attribute"));
        // a contact has no login name (Appendix C's Mary Poppins): its full name names it
        put(p, Attr.NAME, cls == ObjectClass.NONACTIVE_CONTACT && (login == null || login.isEmpty()) ? full : login);
        put(p, Attr.FULLNAME, full);
        put(p, Attr.EMAIL, first(e, s.get("ldap_emailaddress_attribute")));
        put(p, Attr.ALIASES, all(e, s.get("ldap_emailaliases_attribute")));
        String admin = first(e, s.get("ldap_isadmin_attribute"));
        if (admin != null) p.put(Attr.ADMIN, Integer.toString(adminLevel(admin)));
        quota(s, e, p, "ldap_", Attr.QUOTA_OVERRIDE, Attr.QUOTA_WARN, Attr.QUOTA_SOFT, Attr.QUOTA_HARD);
        put(p, Attr.FEATURES_ENABLED, all(e, s.get("ldap_enabled_features_attribute")));
        put(p, Attr.FEATURES_DISABLED, all(e, s.get("ldap_disabled_features_attribute")));
        if (cls == ObjectClass.NONACTIVE_ROOM || cls == ObjectClass.NONACTIVE_EQUIPMENT) {
            put(p, Attr.RESOURCE_CAPACITY, number(first(e, s.get("ldap_resource_capacity_attribute"))));
        }
    }

    private static void quota(LdapSettings s, SearchResultEntry e, Map<String, String> p, String prefix, String override,
            String warn, String soft, String hard) {
        String o = first(e, s.get(prefix + "quotaoverride_attribute"));
        if (o != null) p.put(override, bool(o) ? "1" : "0");
        long m = s.quotaMultiplier();
        put(p, warn, scaled(first(e, s.get(prefix + "warnquota_attribute")), m));
        put(p, soft, scaled(first(e, s.get(prefix + "softquota_attribute")), m));
        put(p, hard, scaled(first(e, s.get(prefix + "hardquota_attribute")), m));
    }

    /** The kind of an entry by its object type attribute, or null when it is none of ours. */
    static ObjectClass classify(LdapSettings s, SearchResultEntry e) {
        String typeAttr = s.get("ldap_object_type_attribute");
        String[] types = e.getAttributeValues(typeAttr);
        if (types == null) return null;
        if (has(types, s.get("ldap_contact_type_attribute_value"))) return ObjectClass.NONACTIVE_CONTACT;
        if (has(types, s.get("ldap_user_type_attribute_value"))) {
            String resource = first(e, s.get("ldap_resource_type_attribute"));
            if (resource != null && resource.equalsIgnoreCase("room")) return ObjectClass.NONACTIVE_ROOM;
            if (resource != null && resource.equalsIgnoreCase("equipment")) return ObjectClass.NONACTIVE_EQUIPMENT;
            return bool(first(e, s.get("ldap_nonactive_attribute"))) ? ObjectClass.NONACTIVE_USER : ObjectClass.ACTIVE_USER;
        }
        if (has(types, s.get("ldap_dynamicgroup_type_attribute_value"))) return ObjectClass.DISTLIST_DYNAMIC;
        if (has(types, s.get("ldap_group_type_attribute_value"))) {
            return securityGroup(s, first(e, s.get("ldap_group_security_attribute"))) ? ObjectClass.DISTLIST_SECURITY
                    : ObjectClass.DISTLIST_GROUP;
        }
        if (has(types, s.get("ldap_addresslist_type_attribute_value"))) return ObjectClass.CONTAINER_ADDRESSLIST;
        if (has(types, s.get("ldap_company_type_attribute_value"))) return ObjectClass.CONTAINER_COMPANY;
        return null;
    }

    /**
     * Manual 8.5.3.2: groups are security groups unless the attribute says 0; with type "ads" the
     * groupType's security bit decides (8.5.2.2).
     */
    static boolean securityGroup(LdapSettings s, String value) {
        if (s.get("ldap_group_security_attribute_type").equalsIgnoreCase("ads")) {
            if (value == null) return false;
            try {
                return (Long.parseLong(value.trim()) & ADS_SECURITY_BIT) != 0;
            } catch (NumberFormatException ex) {
                return false;
            }
        }
        return value == null || bool(value);
    }

    private static boolean has(String[] values, String wanted) {
        if (wanted.isEmpty()) return false;
        for (String v : values) {
            if (v.equalsIgnoreCase(wanted)) return true;
        }
        return false;
    }

    /** Manual (ldap.cfg): "0 and false (case insensitive) meaning no, all other values yes"; absent is no. */
    static boolean bool(String v) {
        if (v == null) return false;
        String t = v.trim().toLowerCase(Locale.ROOT);
        return !t.isEmpty() && !t.equals("0") && !t.equals("false") && !t.equals("no");
    }

    /** zarafaAdmin: 0 none, 1 administrator, 2 system administrator (hosted); other true values 1. */
    static int adminLevel(String v) {
        try {
            return Math.max(0, Math.min(2, Integer.parseInt(v.trim())));
        } catch (NumberFormatException e) {
            return bool(v) ? 1 : 0;
        }
    }

    private static String scaled(String v, long multiplier) {
        if (v == null) return null;
        try {
            return Long.toString(Math.max(0, Long.parseLong(v.trim())) * multiplier);
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    private static String number(String v) {
        if (v == null) return null;
        try {
            return Long.toString(Long.parseLong(v.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String first(SearchResultEntry e, String attr) {
        if (attr == null || attr.isEmpty()) return null;
        String v = e.getAttributeValue(attr);
        return v == null ? null : v.trim();
    }

    /** Every value, space separated (addresses and feature names hold no spaces). */
    private static String all(SearchResultEntry e, String attr) {
        if (attr == null || attr.isEmpty()) return null;
        String[] v = e.getAttributeValues(attr);
        if (v == null || v.length == 0) return null;
        return String.join(" ", java.util.Arrays.stream(v).map(String::trim).filter(x -> !x.isEmpty()).toList());
    }

    private static void put(Map<String, String> p, String key, String value) {
        if (value != null && !value.isEmpty()) p.put(key, value);
    }
}
