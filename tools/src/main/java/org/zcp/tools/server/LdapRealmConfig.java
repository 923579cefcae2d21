package org.zcp.tools.server;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.zcp.api.config.Config;
import org.zcp.api.config.ConfigException;
import org.zcp.api.config.LdapServers;
import org.zcp.api.config.Schemas;

/**
 * Which realm of the security domain "zarafa" checks passwords (configure.cli), and for Elytron's
 * ldap-realm its connection and search, from server.cfg and ldap.cfg at every start.
 *
 * <p>With {@code user_plugin = ldap} and {@code ldap_authentication_method = bind}, Elytron's
 * ldap-realm binds as the user: "zarafa-ldap" over ldap:// servers, "zarafa-ldaps" over ldaps://
 * ones (trusting {@code ldap_tls_cacert}, or the Java runtime's CAs when it is empty). It finds the
 * user's entry with the plugin's user filter under {@code ldap_search_base}, as the bind user.
 * Where Elytron's realm cannot do what ldap.cfg asks, the plugin realm ("zarafa-plugin") checks the
 * password through the user plugin instead, and {@link #plugin} says why: password comparison
 * (Elytron knows fewer hash formats than {@code ldap_password_attribute} may hold), StartTLS (the
 * dir-context has none), ldap:// and ldaps:// servers mixed, a search filter with braces (the
 * realm's filter takes {0} for the name). Every other plugin uses the plugin realm.
 */
final class LdapRealmConfig {
    static final String PLUGIN = "zarafa-plugin";
    static final String LDAP = "zarafa-ldap";
    static final String LDAPS = "zarafa-ldaps";
    static final String TRUST_STORE = "zarafa-ldap-trust.p12";

    /** The realm chosen and, for an ldap user plugin served by the plugin realm, the reason. */
    record Choice(String realm, String reason) {
    }

    private LdapRealmConfig() {
    }

    /** The realm for {@code user_plugin} and, when it is ldap, the loaded ldap.cfg. */
    static Choice choose(String userPlugin, Config ldap) {
        if (!userPlugin.equalsIgnoreCase("ldap")) return new Choice(PLUGIN, null);
        if (!ldap.get("ldap_authentication_method").trim().equalsIgnoreCase("bind")) {
            return plugin("ldap_authentication_method = password: the plugin compares the hash itself");
        }
        if (ldap.getBool("ldap_starttls")) return plugin("ldap_starttls = yes: Elytron's dir-context has no StartTLS");
        LdapServers servers = new LdapServers(ldap);
        if (!servers.problems().isEmpty() || servers.servers().isEmpty()) return plugin("ldap_uri: " + servers.problems());
        long secure = servers.servers().stream().filter(LdapServers.Server::ssl).count();
        if (secure != 0 && secure != servers.servers().size()) return plugin("ldap_uri mixes ldap:// and ldaps:// servers");
        String extra = ldap.get("ldap_user_search_filter").trim();
        if (extra.contains("{") || extra.contains("}")) return plugin("ldap_user_search_filter holds braces");
        return new Choice(secure == 0 ? LDAP : LDAPS, null);
    }

    private static Choice plugin(String reason) {
        return new Choice(PLUGIN, reason);
    }

    /**
     * The zcp.auth.* and zcp.ldap.* properties; with ldaps, the trust store written under
     * {@code run}. The ldap.cfg is {@code server.cfg}'s {@code user_plugin_config}, checked before.
     */
    static Map<String, String> properties(Config server, Path run) throws IOException {
        Map<String, String> p = new LinkedHashMap<>();
        String userPlugin = server.get("user_plugin").trim().toLowerCase(Locale.ROOT);
        Config ldap = null;
        if (userPlugin.equals("ldap")) {
            try {
                ldap = Config.load(Schemas.LDAP, server.file().resolveSibling(server.get("user_plugin_config")));
            } catch (ConfigException e) {
                throw new IOException(String.join("; ", e.problems()), e); // checked before, with the others
            }
        }
        Choice choice = choose(userPlugin, ldap);
        // the ldaps realm's trust store lives in the run directory (absent unless zarafa-ldaps),
        // written anew at every start like the other key stores
        Path trust = run.resolve(TRUST_STORE);
        java.nio.file.Files.deleteIfExists(trust);
        String trustPassword = KeyStores.randomPassword();
        p.put("zcp.ldap.truststore", trust.toString());
        p.put("zcp.ldap.truststore.password", trustPassword);
        p.put("zcp.auth.realm", choice.realm());
        if (choice.reason() != null) p.put("zcp.auth.realm.reason", choice.reason());
        if (choice.realm().equals(PLUGIN)) return p;

        p.put("zcp.ldap.url", String.join(" ", new LdapServers(ldap).servers().stream().map(Object::toString).toList()));
        String bindDn = ldap.get("ldap_bind_user").trim();
        p.put("zcp.ldap.auth.level", bindDn.isEmpty() ? "none" : "simple");
        p.put("zcp.ldap.bind.dn", bindDn.isEmpty() ? "cn=anonymous" : bindDn);
        p.put("zcp.ldap.bind.password", bindDn.isEmpty() ? "anonymous" : ldap.get("ldap_bind_passwd"));
        p.put("zcp.ldap.timeout", Integer.toString(Math.max(1, ldap.getInt("ldap_network_timeout")) * 1000));
        p.put("zcp.ldap.base", ldap.get("ldap_search_base").trim());
        p.put("zcp.ldap.login.attribute", ldap.get("ldap_loginname_attribute").trim());
        p.put("zcp.ldap.filter", filter(ldap));
        if (choice.realm().equals(LDAPS)) {
            String ca = ldap.get("ldap_tls_cacert").trim();
            if (ca.isEmpty()) {
                Path cacerts = Path.of(System.getProperty("java.home"), "lib", "security", "cacerts");
                KeyStores.copy(cacerts, "changeit", trust, trustPassword);
            } else if (KeyStores.trustStore(List.of(Path.of(ca)), List.of(), trust, trustPassword) == null) {
                throw new IOException(ldap.file() + ": ldap_tls_cacert " + ca + " cannot be read");
            }
        }
        return p;
    }

    /**
     * The plugin's filter for a user that may log on, with {0} for the login name (which Elytron
     * escapes): the user type ({@code ldap_object_type_attribute} = {@code
     * ldap_user_type_attribute_value}), {@code ldap_user_search_filter}, and the login attribute.
     */
    static String filter(Config ldap) {
        StringBuilder f = new StringBuilder("(&(");
        f.append(ldap.get("ldap_object_type_attribute").trim()).append('=')
                .append(escape(ldap.get("ldap_user_type_attribute_value").trim())).append(')');
        String extra = ldap.get("ldap_user_search_filter").trim();
        if (!extra.isEmpty()) f.append(extra.startsWith("(") ? extra : "(" + extra + ")");
        f.append('(').append(ldap.get("ldap_loginname_attribute").trim()).append("={0}))");
        return f.toString();
    }

    /** RFC 4515 escaping of an assertion value. */
    static String escape(String value) {
        StringBuilder b = new StringBuilder();
        for (char ch : value.toCharArray()) {
            switch (ch) {
                case '*' -> b.append("\\2a");
                case '(' -> b.append("\\28");
                case ')' -> b.append("\\29");
                case '\\' -> b.append("\\5c");
                case '\0' -> b.append("\\00");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }
}
