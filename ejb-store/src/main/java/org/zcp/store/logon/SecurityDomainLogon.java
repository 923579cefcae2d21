package org.zcp.store.logon;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.wildfly.security.auth.server.RealmUnavailableException;
import org.wildfly.security.auth.server.SecurityDomain;
import org.zcp.api.mapi.MapiError;
import org.zcp.realm.PasswordLogon;
import org.zcp.store.StoreException;
import org.zcp.store.directory.DirEntry;
import org.zcp.store.directory.Directory;

/**
 * The password check of every protocol, made by WildFly Elytron: the security domain "zarafa"
 * (configure.cli) maps the name to the realm the launcher chose from server.cfg/ldap.cfg
 * ({@code zcp.auth.realm}) and grants the login permission. The plugin realm ("zarafa-plugin")
 * asks the user plugin through {@link DirectoryAccounts} and knows users by their login name;
 * Elytron's ldap-realm ("zarafa-ldap", "zarafa-ldaps") binds to LDAP as the user it finds by the
 * LDAP login attribute, after which the plugin brings the user's groups up to date, as its own
 * password check does. The domain is the one WildFly associates with this EJB module (Logon's
 * {@code @SecurityDomain("zarafa")}, ejb3 application-security-domain "zarafa").
 */
@ApplicationScoped
public class SecurityDomainLogon {
    private static final Logger LOG = Logger.getLogger(SecurityDomainLogon.class.getName());

    /** The realm the launcher chose; the plugin realm when started without the launcher's properties. */
    static final String REALM = System.getProperty("zcp.auth.realm", "zarafa-plugin");

    @Inject
    Directory directory;

    /**
     * Whether {@code password} is the password of {@code user}, known by {@code loginName}.
     *
     * @throws StoreException MAPI_E_NETWORK_ERROR when the realm cannot tell now (LDAP down)
     */
    public boolean verify(DirEntry user, String loginName, String password) {
        SecurityDomain domain = SecurityDomain.getCurrent();
        if (domain == null) {
            LOG.severe("no Elytron security domain is associated with the store: ejb3 application-security-domain"
                    + " 'zarafa' is missing from the server configuration (appliance/src/main/cli/configure.cli)");
            throw new StoreException(MapiError.MAPI_E_LOGON_FAILED, "the server cannot check passwords");
        }
        boolean pluginRealm = REALM.equals("zarafa-plugin");
        boolean ok = DirectoryAccounts.resolving(user, () -> {
            try {
                return PasswordLogon.verify(domain, pluginRealm ? loginName : user.name(), password);
            } catch (RealmUnavailableException e) {
                throw new StoreException(MapiError.MAPI_E_NETWORK_ERROR, "the password of " + loginName
                        + " cannot be checked now: " + (pluginRealm ? e.getMessage() : unavailable(e)));
            }
        });
        if (ok && !pluginRealm) directory.plugin().loggedOn(user.id());
        return ok;
    }

    /** Why Elytron's ldap-realm cannot answer, in the plugin's words: which servers, and the cause. */
    private static String unavailable(RealmUnavailableException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String cause = root == e || root.getMessage() == null ? e.getMessage() : root.getMessage();
        return "the LDAP server " + System.getProperty("zcp.ldap.url", "") + " cannot be used: " + cause;
    }
}
