package org.zcp.store.directory.ldap;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.zcp.api.config.Config;
import org.zcp.api.config.LdapServers;

/**
 * ldap.cfg read and checked once (manual 5.2.3-5.2.6, 5.3.2-5.3.5): the servers to try in turn,
 * how to bind, and for each kind of object how it is recognised and which attributes carry its
 * name, its unique id and its relations. Problems are collected and reported together, each naming
 * its option, as the configuration loader does.
 */
public final class LdapSettings {
    /** How a unique attribute or a relation value is kept: as text, as bytes (AD's objectGUID), as a DN. */
    public enum ValueType {
        TEXT, BINARY, DN;

        static ValueType of(String v) {
            return switch (v.trim().toLowerCase(Locale.ROOT)) {
                case "", "text" -> TEXT;
                case "binary" -> BINARY;
                case "dn" -> DN;
                default -> null;
            };
        }
    }

    /** A relation attribute (send-as, group members, company view/admin): where, kept how, matched against what. */
    public record Relation(String attribute, ValueType type, String relationAttribute) {
        public boolean configured() {
            return !attribute.isEmpty();
        }
    }

    private final Config config;
    private final List<String> problems = new ArrayList<>();
    private final List<LdapServers.Server> servers = new ArrayList<>();

    public LdapSettings(Config config) {
        this.config = config;
        readServers();
        String method = get("ldap_authentication_method").toLowerCase(Locale.ROOT);
        if (!method.equals("bind") && !method.equals("password")) {
            problems.add("ldap_authentication_method must be bind or password, not '" + method + "'");
        }
        for (String kind : List.of("user", "group", "company", "addresslist", "dynamicgroup")) {
            checkType("ldap_" + kind + "_unique_attribute_type", false);
        }
        for (String key : List.of("ldap_sendas_attribute_type", "ldap_groupmembers_attribute_type",
                "ldap_company_view_attribute_type", "ldap_company_admin_attribute_type",
                "ldap_company_system_admin_attribute_type", "ldap_quota_userwarning_recipients_attribute_type",
                "ldap_quota_companywarning_recipients_attribute_type")) {
            checkType(key, true);
        }
        String security = get("ldap_group_security_attribute_type").toLowerCase(Locale.ROOT);
        if (!security.equals("boolean") && !security.equals("ads")) {
            problems.add("ldap_group_security_attribute_type must be boolean or ads, not '" + security + "'");
        }
        if (get("ldap_search_base").isEmpty()) problems.add("ldap_search_base is empty: set the base DN of the directory");
        if (get("ldap_user_unique_attribute").isEmpty()) problems.add("ldap_user_unique_attribute is empty");
        if (get("ldap_loginname_attribute").isEmpty()) problems.add("ldap_loginname_attribute is empty");
        if (config.getInt("ldap_page_size") < 0) problems.add("ldap_page_size must be 0 (no paging) or more");
        if (config.getInt("ldap_network_timeout") < 1) problems.add("ldap_network_timeout must be at least 1 second");
        if (config.getInt("ldap_quota_multiplier") < 1) problems.add("ldap_quota_multiplier must be at least 1");
        for (String key : List.of("ldap_user_search_filter", "ldap_group_search_filter", "ldap_company_search_filter",
                "ldap_addresslist_search_filter", "ldap_dynamicgroup_search_filter")) {
            String f = get(key);
            if (f.isEmpty()) continue;
            try {
                com.unboundid.ldap.sdk.Filter.create(f);
            } catch (com.unboundid.ldap.sdk.LDAPException e) {
                problems.add(key + " is not an LDAP filter: " + e.getMessage());
            }
        }
    }

    private void checkType(String key, boolean dnAllowed) {
        ValueType t = ValueType.of(get(key));
        if (t == null || (!dnAllowed && t == ValueType.DN)) {
            problems.add(key + " must be text" + (dnAllowed ? ", binary or dn" : " or binary") + ", not '" + get(key) + "'");
        }
    }

    private void readServers() {
        LdapServers read = new LdapServers(config);
        problems.addAll(read.problems());
        servers.addAll(read.servers());
    }

    public List<String> problems() {
        return problems;
    }

    public String get(String key) {
        return config.get(key).trim();
    }

    public int getInt(String key) {
        return config.getInt(key);
    }

    public boolean getBool(String key) {
        return config.getBool(key);
    }

    public java.nio.file.Path file() {
        return config.file();
    }

    /** The option names of ldap.cfg that end in {@code suffix} (all attribute options: "_attribute"). */
    public List<String> keysEndingIn(String suffix) {
        return config.schema().keys().stream().filter(k -> k.endsWith(suffix)).toList();
    }

    public List<LdapServers.Server> servers() {
        return servers;
    }

    public String searchBase() {
        return get("ldap_search_base");
    }

    public boolean bindAuthentication() {
        return get("ldap_authentication_method").equalsIgnoreCase("bind");
    }

    public ValueType uniqueType(String kind) {
        ValueType t = ValueType.of(get("ldap_" + kind + "_unique_attribute_type"));
        return t == null ? ValueType.TEXT : t;
    }

    /**
     * A relation option triple: {@code ldap_NAME_attribute}, {@code ldap_NAME_attribute_type} and
     * {@code ldap_NAME_relation_attribute} (NAME sendas, groupmembers, company_view, ...).
     */
    public Relation relation(String name) {
        ValueType t = ValueType.of(get("ldap_" + name + "_attribute_type"));
        return new Relation(get("ldap_" + name + "_attribute"), t == null ? ValueType.TEXT : t,
                get("ldap_" + name + "_relation_attribute"));
    }

    public long quotaMultiplier() {
        return Math.max(1, config.getInt("ldap_quota_multiplier"));
    }
}
