package org.zcp.store.directory.ldap;

import org.zcp.store.directory.ExternalObject;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.util.StaticUtils;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.zcp.api.mapi.ObjectClass;
import org.zcp.store.directory.Attr;
import org.zcp.store.directory.StoredPassword;
import org.zcp.store.directory.UserPlugin.Kind;
import org.zcp.store.directory.ldap.LdapSettings.Relation;
import org.zcp.store.directory.ldap.LdapSettings.ValueType;

/**
 * Users, contacts, groups, dynamic groups and companies as ldap.cfg describes them (manual 5.2,
 * 5.3, 8.5, 8.6): what each search asks, how an entry is told to be which kind, and how its
 * attributes become the server's. Every value that comes from a user (a login name, an address)
 * goes into a filter escaped (RFC 4515), so {@code *} never matches somebody.
 *
 * <p>External ids: a user or contact is known by {@code ldap_user_unique_attribute} (the manual
 * asks contacts to have the users' unique attribute, 8.5.3.3), a group by
 * {@code ldap_group_unique_attribute}, a company by {@code ldap_company_unique_attribute}; a
 * dynamic group's and an address list's id carry a prefix, as their unique attribute (cn by
 * default) could equal a group's. Binary ids (Active Directory's objectGUID) are kept as hex.
 */
public class LdapDirectory implements org.zcp.store.directory.ExternalDirectory {
    static final String DYNAMIC_PREFIX = "dynamicgroup:";
    static final String ADDRESSLIST_PREFIX = "addresslist:";

    private final LdapSettings s;
    private final LdapConnector ldap;
    private final String[] attributes;

    public LdapDirectory(LdapSettings settings, LdapConnector connector) {
        this.s = settings;
        this.ldap = connector;
        Set<String> a = new LinkedHashSet<>();
        for (String key : settings.keysEndingIn("_attribute")) {
            String v = settings.get(key);
            if (!v.isEmpty() && !key.startsWith("ldap_server_")) a.add(v);
        }
        a.add(settings.get("ldap_object_type_attribute"));
        attributes = a.toArray(new String[0]);
    }

    @Override
    public String describe() {
        return "the LDAP server " + s.servers();
    }

    public LdapSettings settings() {
        return s;
    }

    public LdapConnector connector() {
        return ldap;
    }

    // ---- searches -------------------------------------------------------------------------------

    private Filter typeFilter(String typeKey, String extraKey) {
        Filter type = Filter.createEqualityFilter(s.get("ldap_object_type_attribute"), s.get(typeKey));
        String extra = s.get(extraKey);
        if (extra.isEmpty()) return type;
        return Filter.createANDFilter(type, parse(extra, extraKey));
    }

    private static Filter parse(String filter, String key) {
        try {
            return Filter.create(filter);
        } catch (LDAPException e) {
            throw new LdapQueryException(key + " is not an LDAP filter: " + e.getMessage(), e);
        }
    }

    /** The filter that finds every object of a kind. */
    Filter kindFilter(Kind kind) {
        return switch (kind) {
            case USER -> Filter.createORFilter(typeFilter("ldap_user_type_attribute_value", "ldap_user_search_filter"),
                    typeFilter("ldap_contact_type_attribute_value", "ldap_user_search_filter"));
            case GROUP -> Filter.createORFilter(typeFilter("ldap_group_type_attribute_value", "ldap_group_search_filter"),
                    typeFilter("ldap_dynamicgroup_type_attribute_value", "ldap_dynamicgroup_search_filter"));
            case COMPANY -> typeFilter("ldap_company_type_attribute_value", "ldap_company_search_filter");
        };
    }

    private String nameAttribute(Kind kind) {
        return switch (kind) {
            case USER -> s.get("ldap_loginname_attribute");
            case GROUP -> s.get("ldap_groupname_attribute");
            case COMPANY -> s.get("ldap_companyname_attribute");
        };
    }

    /** Every object of a kind under {@code base} (null: ldap_search_base). */
    @Override
    public List<ExternalObject> list(Kind kind, String base) {
        List<ExternalObject> out = new ArrayList<>();
        ldap.search(base == null ? s.searchBase() : base, SearchScope.SUB, kindFilter(kind), attributes,
                e -> toObject(e).ifPresent(out::add));
        return out;
    }

    /**
     * Objects of a kind whose name attribute equals {@code name} as LDAP compares (mostly without
     * case); the caller picks the exact one. Dynamic groups are found by their own name attribute.
     */
    @Override
    public List<ExternalObject> findByName(Kind kind, String name, String base) {
        if (name == null || name.isEmpty() || name.indexOf('\0') >= 0) return List.of();
        Filter byName = Filter.createEqualityFilter(nameAttribute(kind), name);
        if (kind == Kind.GROUP && !s.get("ldap_dynamicgroup_name_attribute").equalsIgnoreCase(nameAttribute(kind))) {
            byName = Filter.createORFilter(byName, Filter.createEqualityFilter(s.get("ldap_dynamicgroup_name_attribute"), name));
        }
        if (kind == Kind.USER && !s.get("ldap_fullname_attribute").isEmpty()) {
            // contacts have no login name (manual 8.5.3.3): they are named by their full name
            byName = Filter.createORFilter(byName, Filter.createANDFilter(
                    typeFilter("ldap_contact_type_attribute_value", "ldap_user_search_filter"),
                    Filter.createEqualityFilter(s.get("ldap_fullname_attribute"), name)));
        }
        List<ExternalObject> out = new ArrayList<>();
        ldap.search(base == null ? s.searchBase() : base, SearchScope.SUB, Filter.createANDFilter(kindFilter(kind), byName),
                attributes, e -> toObject(e).ifPresent(out::add));
        return out;
    }

    /** The object of a kind with this external id, if it (still) exists. */
    @Override
    public Optional<ExternalObject> byExternId(Kind kind, String externId) {
        String unique;
        ValueType type;
        Filter kindFilter = kindFilter(kind);
        String id = externId;
        if (kind == Kind.GROUP && externId.startsWith(DYNAMIC_PREFIX)) {
            unique = s.get("ldap_dynamicgroup_unique_attribute");
            type = s.uniqueType("dynamicgroup");
            id = externId.substring(DYNAMIC_PREFIX.length());
            kindFilter = typeFilter("ldap_dynamicgroup_type_attribute_value", "ldap_dynamicgroup_search_filter");
        } else {
            String k = kind.name().toLowerCase(Locale.ROOT);
            unique = s.get("ldap_" + k + "_unique_attribute");
            type = s.uniqueType(k);
        }
        Filter f = type == ValueType.BINARY ? Filter.createEqualityFilter(unique, hexToBytes(id))
                : Filter.createEqualityFilter(unique, id);
        for (SearchResultEntry e : ldap.search(s.searchBase(), SearchScope.SUB, Filter.createANDFilter(kindFilter, f), attributes)) {
            Optional<ExternalObject> o = toObject(e);
            if (o.isPresent() && o.get().externId().equals(externId)) return o;
        }
        return Optional.empty();
    }

    /** The object at a DN (a member, a send-as delegate, a company admin), if it is one we know how to read. */
    @Override
    public Optional<ExternalObject> byDn(String dn) {
        SearchResultEntry e = ldap.read(dn, attributes);
        return e == null ? Optional.empty() : toObject(e);
    }

    /** Users, contacts and groups whose e-mail address or alias is {@code address} (compared without case). */
    @Override
    public List<ExternalObject> byAddress(String address) {
        if (address == null || address.isBlank() || address.indexOf('\0') >= 0) return List.of();
        List<Filter> any = new ArrayList<>();
        any.add(Filter.createEqualityFilter(s.get("ldap_emailaddress_attribute"), address));
        if (!s.get("ldap_emailaliases_attribute").isEmpty()) {
            any.add(Filter.createEqualityFilter(s.get("ldap_emailaliases_attribute"), address));
        }
        Filter f = Filter.createANDFilter(Filter.createORFilter(kindFilter(Kind.USER), kindFilter(Kind.GROUP)),
                Filter.createORFilter(any));
        List<ExternalObject> out = new ArrayList<>();
        ldap.search(s.searchBase(), SearchScope.SUB, f, attributes, e -> toObject(e).ifPresent(out::add));
        return out;
    }

    /**
     * Users, contacts and groups whose login or group name, full name, address or alias starts with
     * {@code text} (or a word of the full name does), at most {@code limit}; with
     * ldap_object_search_filter set (Active Directory: "(anr=%s)") that filter decides instead,
     * its %s replaced by the escaped text.
     */
    @Override
    public List<ExternalObject> search(String text, int limit) {
        if (text == null || text.isBlank() || text.indexOf('\0') >= 0) return List.of();
        String t = text.trim();
        Filter match;
        String custom = s.get("ldap_object_search_filter");
        if (!custom.isEmpty()) {
            match = parse(custom.replace("%s", Filter.encodeValue(t)), "ldap_object_search_filter");
        } else {
            Set<String> attrs = new LinkedHashSet<>();
            for (String key : List.of("ldap_loginname_attribute", "ldap_fullname_attribute", "ldap_emailaddress_attribute",
                    "ldap_emailaliases_attribute", "ldap_groupname_attribute", "ldap_dynamicgroup_name_attribute")) {
                if (!s.get(key).isEmpty()) attrs.add(s.get(key));
            }
            List<Filter> any = new ArrayList<>();
            for (String a : attrs) any.add(Filter.createSubstringFilter(a, t, null, null));
            if (!s.get("ldap_fullname_attribute").isEmpty()) {
                any.add(Filter.createSubstringFilter(s.get("ldap_fullname_attribute"), null, new String[] {" " + t}, null));
            }
            match = Filter.createORFilter(any);
        }
        Filter f = Filter.createANDFilter(Filter.createORFilter(kindFilter(Kind.USER), kindFilter(Kind.GROUP)), match);
        List<ExternalObject> out = new ArrayList<>();
        for (SearchResultEntry e : ldap.searchAtMost(s.searchBase(), f, limit, attributes)) toObject(e).ifPresent(out::add);
        return out;
    }

    /** Whether a user, contact or group has its primary address in {@code domain}. */
    @Override
    public boolean hasAddressIn(String domain) {
        if (domain == null || domain.isBlank() || domain.indexOf('\0') >= 0) return false;
        Filter f = Filter.createANDFilter(Filter.createORFilter(kindFilter(Kind.USER), kindFilter(Kind.GROUP)),
                Filter.createSubstringFilter(s.get("ldap_emailaddress_attribute"), null, null, "@" + domain));
        boolean[] found = {false};
        ldap.search(s.searchBase(), SearchScope.SUB, f, new String[] {"1.1"}, e -> found[0] = true);
        return found[0];
    }

    // ---- logon ----------------------------------------------------------------------------------

    /**
     * Whether {@code password} is the user's: a bind as the user's DN (ldap_authentication_method =
     * bind) or a comparison with the hash in ldap_password_attribute (password). Contacts and
     * empty passwords never log on.
     */
    @Override
    public boolean authenticate(ExternalObject user, String password) {
        if (password == null || password.isEmpty() || !user.objectClass().isUser()
                || user.objectClass() == ObjectClass.NONACTIVE_CONTACT) {
            return false;
        }
        if (s.bindAuthentication()) return ldap.bindAs(user.dn(), password);
        String attr = s.get("ldap_password_attribute");
        if (attr.isEmpty()) return false;
        SearchResultEntry e = ldap.read(user.dn(), attr);
        if (e == null || !e.hasAttribute(attr)) return false;
        for (byte[] v : e.getAttributeValueByteArrays(attr)) {
            if (StoredPassword.matches(password, new String(v, java.nio.charset.StandardCharsets.UTF_8))) return true;
        }
        return false;
    }

    // ---- groups ---------------------------------------------------------------------------------

    /**
     * The users and contacts of a group: its members, the members of the groups among them
     * (nested groups, manual 8.5.2.2), each once; a cycle of groups ends where it closes. A
     * dynamic group's members are the users its filter finds (manual 8.6).
     */
    @Override
    public List<ExternalObject> members(ExternalObject group) {
        Map<String, ExternalObject> users = new LinkedHashMap<>();
        Set<String> seenGroups = new HashSet<>();
        Deque<ExternalObject> todo = new ArrayDeque<>();
        todo.add(group);
        while (!todo.isEmpty()) {
            ExternalObject g = todo.poll();
            if (!seenGroups.add(g.dn().toLowerCase(Locale.ROOT))) continue;
            for (ExternalObject m : directMembers(g)) {
                if (m.objectClass().isGroup()) todo.add(m);
                else if (m.objectClass().isUser()) users.putIfAbsent(m.externId(), m);
            }
        }
        return new ArrayList<>(users.values());
    }

    private List<ExternalObject> directMembers(ExternalObject group) {
        if (group.objectClass() == ObjectClass.DISTLIST_DYNAMIC) return dynamicMembers(group);
        Relation r = s.relation("groupmembers");
        SearchResultEntry e = ldap.read(group.dn(), r.attribute());
        if (e == null || !e.hasAttribute(r.attribute())) return List.of();
        return resolve(r, e.getAttributeValueByteArrays(r.attribute()), Kind.USER, true);
    }

    private List<ExternalObject> dynamicMembers(ExternalObject group) {
        String filter = group.props().getOrDefault(LdapMapping.FILTER, "");
        if (filter.isEmpty()) return List.of();
        String base = group.props().getOrDefault(LdapMapping.BASE, "");
        Filter f = Filter.createANDFilter(kindFilter(Kind.USER), parse(filter, "the filter of " + group.dn()));
        List<ExternalObject> out = new ArrayList<>();
        ldap.search(base.isEmpty() ? s.searchBase() : base, SearchScope.SUB, f, attributes, x -> toObject(x).ifPresent(out::add));
        return out;
    }

    @Override
    public List<ExternalObject> addressLists() {
        if (s.get("ldap_addresslist_type_attribute_value").isEmpty()) return List.of();
        List<ExternalObject> out = new ArrayList<>();
        ldap.search(s.searchBase(), SearchScope.SUB, typeFilter("ldap_addresslist_type_attribute_value",
                "ldap_addresslist_search_filter"), attributes, e -> toObject(e).ifPresent(out::add));
        return out;
    }

    /**
     * Manual 5.2.6: "All users matching this filter AND matching the default ldap_user_search_filter
     * will be included", under the list's own base (zarafaBase) when it has one.
     */
    @Override
    public List<ExternalObject> addressListMembers(ExternalObject list) {
        return dynamicMembers(list);
    }

    /**
     * The groups a user (or group) is in, nested groups followed upwards, each once. Dynamic
     * groups are not among them (their filters would have to be run for every question); their
     * members are found from the group's side.
     */
    @Override
    public List<ExternalObject> groupsOf(ExternalObject member) {
        Map<String, ExternalObject> out = new LinkedHashMap<>();
        Deque<ExternalObject> todo = new ArrayDeque<>();
        todo.add(member);
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            ExternalObject m = todo.poll();
            if (!seen.add(m.dn().toLowerCase(Locale.ROOT))) continue;
            for (ExternalObject g : directGroupsOf(m)) {
                if (out.putIfAbsent(g.externId(), g) == null) todo.add(g);
            }
        }
        return new ArrayList<>(out.values());
    }

    private List<ExternalObject> directGroupsOf(ExternalObject member) {
        Relation r = s.relation("groupmembers");
        String value = relationValue(r, member);
        if (value == null) return List.of();
        Filter f = Filter.createANDFilter(typeFilter("ldap_group_type_attribute_value", "ldap_group_search_filter"),
                Filter.createEqualityFilter(r.attribute(), value));
        List<ExternalObject> out = new ArrayList<>();
        ldap.search(s.searchBase(), SearchScope.SUB, f, attributes, e -> toObject(e).ifPresent(out::add));
        return out;
    }

    /** What a relation attribute holds to name {@code o}: its DN, its relation attribute or its unique attribute. */
    private String relationValue(Relation r, ExternalObject o) {
        if (r.type() == ValueType.DN) return o.dn();
        String attr = !r.relationAttribute().isEmpty() ? r.relationAttribute() : uniqueAttribute(o.objectClass());
        SearchResultEntry e = ldap.read(o.dn(), attr);
        if (e == null || !e.hasAttribute(attr)) return null;
        if (r.type() == ValueType.BINARY) return null; // a binary relation value is matched by bytes only
        return e.getAttributeValue(attr);
    }

    /**
     * The objects a relation attribute's values name: DNs read one by one, text or binary values
     * looked up by the relation attribute (or the unique attribute) in a few OR searches.
     */
    public List<ExternalObject> resolve(Relation r, byte[][] values, Kind kind, boolean groupsToo) {
        List<ExternalObject> out = new ArrayList<>();
        if (values == null || values.length == 0) return out;
        if (r.type() == ValueType.DN) {
            for (byte[] v : values) byDn(StaticUtils.toUTF8String(v)).ifPresent(out::add);
            return out;
        }
        String attr = !r.relationAttribute().isEmpty() ? r.relationAttribute()
                : s.get("ldap_" + kind.name().toLowerCase(Locale.ROOT) + "_unique_attribute");
        Filter scope = groupsToo ? Filter.createORFilter(kindFilter(kind), kindFilter(Kind.GROUP)) : kindFilter(kind);
        int chunk = Math.max(1, Math.min(500, s.getInt("ldap_filter_cutoff_elements")));
        for (int i = 0; i < values.length; i += chunk) {
            List<Filter> any = new ArrayList<>();
            for (int j = i; j < Math.min(values.length, i + chunk); j++) {
                any.add(r.type() == ValueType.BINARY ? Filter.createEqualityFilter(attr, values[j])
                        : Filter.createEqualityFilter(attr, StaticUtils.toUTF8String(values[j])));
            }
            ldap.search(s.searchBase(), SearchScope.SUB, Filter.createANDFilter(scope, Filter.createORFilter(any)),
                    attributes, e -> toObject(e).ifPresent(out::add));
        }
        return out;
    }

    /**
     * The objects the values of a relation (as {@link ExternalObject#relations()} keeps them) name:
     * users (and groups when {@code groupsToo}) for send-as and company administrators, companies
     * for the view list.
     */
    @Override
    public List<ExternalObject> related(String relation, List<String> values, Kind kind, boolean groupsToo) {
        Relation r = s.relation(relation);
        byte[][] raw = new byte[values.size()][];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = r.type() == ValueType.BINARY ? hexToBytes(values.get(i))
                    : values.get(i).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        return resolve(r, raw, kind, groupsToo);
    }

    private String uniqueAttribute(ObjectClass c) {
        if (c.isUser()) return s.get("ldap_user_unique_attribute");
        if (c == ObjectClass.DISTLIST_DYNAMIC) return s.get("ldap_dynamicgroup_unique_attribute");
        if (c.isGroup()) return s.get("ldap_group_unique_attribute");
        if (c == ObjectClass.CONTAINER_ADDRESSLIST) return s.get("ldap_addresslist_unique_attribute");
        return s.get("ldap_company_unique_attribute");
    }

    // ---- entries --------------------------------------------------------------------------------

    /** The entry as an object, or empty when it is none of the configured kinds or lacks its unique id. */
    public Optional<ExternalObject> toObject(SearchResultEntry e) {
        return LdapMapping.toObject(s, e);
    }

    /** The DN of the nearest company above {@code dn} among {@code companyDns}, or null. */
    public static String companyOf(String dn, Iterable<String> companyDns) {
        String best = null;
        int bestDepth = -1;
        try {
            DN d = new DN(dn);
            for (String c : companyDns) {
                DN cd = new DN(c);
                if (d.isDescendantOf(cd, false) && cd.getRDNs().length > bestDepth) {
                    best = c;
                    bestDepth = cd.getRDNs().length;
                }
            }
        } catch (LDAPException e) {
            return null;
        }
        return best;
    }

    static byte[] hexToBytes(String hex) {
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }
}
