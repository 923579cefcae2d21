package org.zcp.store.directory;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.logging.Logger;
import org.zcp.store.StartRefusal;
import org.zcp.store.config.ServerSettings;
import org.zcp.store.directory.ldap.LdapService;

/**
 * Checks the user plugin's own configuration as the server starts, not at the first logon (unix:
 * unix.cfg and the account files); with user_plugin = ldap, ldap.cfg is loaded and checked and the bind as ldap_bind_user tried, so a
 * wrong file or a wrong ldap_bind_passwd stops the start with one line naming the option, and the
 * server process ends (an LDAP server that does not answer yet is only logged: the server starts
 * and serves what it knows).
 */
@Singleton
@Startup
public class UserPluginStartup {
    private static final Logger LOG = Logger.getLogger(UserPluginStartup.class.getName());

    @Inject
    ServerSettings settings;

    @Inject
    LdapService ldap;

    @Inject
    org.zcp.store.directory.unix.UnixService unix;

    @PostConstruct
    void check() {
        String plugin = settings.get("user_plugin").toLowerCase(Locale.ROOT);
        if (!plugin.equals("ldap") && !plugin.equals("unix")) return;
        try {
            if (plugin.equals("ldap")) ldap.directory();
            else unix.directory();
        } catch (IllegalStateException e) {
            throw StartRefusal.refuse(LOG, e.getMessage());
        }
    }
}
