package org.zcp.store.logon;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.wildfly.security.auth.server.SecurityDomain;
import org.zcp.realm.AccountsRegistry;
import org.zcp.store.StartRefusal;

/**
 * Hands the user plugin's accounts to the Elytron plugin realm as the application starts and
 * takes them back as it stops (the realm then answers "unavailable", never "wrong password").
 * A server whose configuration lacks the security domain would refuse every logon: it says so
 * at start, in one line, and does not start.
 */
@Singleton
@Startup
public class AccountsInstaller {
    private static final Logger LOG = Logger.getLogger(AccountsInstaller.class.getName());
    @Inject
    DirectoryAccounts accounts;

    @PostConstruct
    void install() {
        if (SecurityDomain.getCurrent() == null) {
            throw StartRefusal.refuse(LOG, "no Elytron security domain is associated with the store"
                    + " (ejb3 application-security-domain 'zarafa' of configure.cli is missing)");
        }
        AccountsRegistry.install(accounts);
        String reason = System.getProperty("zcp.auth.realm.reason");
        LOG.info("logons are checked by the Elytron security domain 'zarafa', realm "
                + SecurityDomainLogon.REALM + (reason == null ? "" : " (" + reason + ")"));
    }

    @PreDestroy
    void uninstall() {
        AccountsRegistry.uninstall(accounts);
    }
}
