package org.zcp.realm;

import java.security.Principal;
import java.util.Map;
import org.wildfly.security.auth.server.RealmMapper;
import org.wildfly.security.evidence.Evidence;

/**
 * Sends every logon of the security domain "zarafa" to the one realm the configuration chose
 * (custom-realm-mapper "zarafa-realms" of configure.cli, its {@code realm} an expression the
 * launcher sets from server.cfg and ldap.cfg: Elytron's ldap-realm for LDAP bind logons, the
 * plugin realm otherwise). Elytron's own constant mapper takes no expression, hence this class.
 */
public class ConfiguredRealmMapper implements RealmMapper {
    private volatile String realm;

    /** Elytron's custom-component configuration: {@code realm} names the realm. */
    public void initialize(Map<String, String> configuration) {
        String r = configuration.get("realm");
        if (r == null || r.isBlank()) throw new IllegalArgumentException("custom-realm-mapper zarafa-realms needs realm=<name>");
        realm = r.trim();
    }

    @Override
    public String getRealmMapping(Principal principal, Evidence evidence) {
        return realm;
    }
}
