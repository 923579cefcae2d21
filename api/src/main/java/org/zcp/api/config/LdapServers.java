package org.zcp.api.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The LDAP servers of ldap.cfg, tried in turn (manual 5.2.3): the whitespace-separated
 * {@code ldap_uri}, or {@code ldap_host}/{@code ldap_port}/{@code ldap_protocol} when it is empty.
 * Read the same by the user plugin and by the launcher that configures Elytron's ldap-realm.
 */
public final class LdapServers {

    /** One server: ldap:// or ldaps://, host and port. */
    public record Server(String host, int port, boolean ssl) {
        @Override
        public String toString() {
            return (ssl ? "ldaps://" : "ldap://") + host + ":" + port;
        }
    }

    private final List<Server> servers = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    public LdapServers(Config ldapCfg) {
        String uris = ldapCfg.get("ldap_uri").trim();
        if (uris.isBlank()) {
            String protocol = ldapCfg.get("ldap_protocol").trim().toLowerCase(Locale.ROOT);
            if (!protocol.equals("ldap") && !protocol.equals("ldaps")) {
                problems.add("ldap_protocol must be ldap or ldaps, not '" + protocol + "'");
            }
            int port = ldapCfg.getInt("ldap_port");
            if (port < 1 || port > 65535) problems.add("ldap_port must be a port number");
            String host = ldapCfg.get("ldap_host").trim();
            if (host.isBlank()) problems.add("ldap_host is empty and no ldap_uri is set");
            servers.add(new Server(host, port, protocol.equals("ldaps")));
            return;
        }
        // manual 5.2.3: "The different ldap uri's should be separated by a whitespace"
        for (String u : uris.split("\\s+")) {
            try {
                URI uri = new URI(u);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (!scheme.equals("ldap") && !scheme.equals("ldaps") || uri.getHost() == null) {
                    problems.add("ldap_uri: '" + u + "' is not an ldap:// or ldaps:// URI with a host");
                    continue;
                }
                boolean ssl = scheme.equals("ldaps");
                servers.add(new Server(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : ssl ? 636 : 389, ssl));
            } catch (URISyntaxException e) {
                problems.add("ldap_uri: '" + u + "' is not a URI: " + e.getReason());
            }
        }
    }

    public List<Server> servers() {
        return servers;
    }

    public List<String> problems() {
        return problems;
    }
}
