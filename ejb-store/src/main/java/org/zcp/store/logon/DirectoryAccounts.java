package org.zcp.store.logon;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.zcp.api.mapi.MapiError;
import org.zcp.realm.Accounts;
import org.zcp.realm.AccountsUnavailableException;
import org.zcp.store.StoreException;
import org.zcp.store.directory.DirEntry;
import org.zcp.store.directory.Directory;

/**
 * The accounts the Elytron plugin realm (org.zcp.realm) asks about: the users of the configured
 * user plugin. A name the logon path has just resolved on this thread ({@link #resolving}) is not
 * looked up again, so a logon reads its user from LDAP once; other callers (HTTP mechanisms of
 * the security domain) resolve the name here.
 */
@ApplicationScoped
public class DirectoryAccounts implements Accounts {
    private static final ThreadLocal<DirEntry> RESOLVED = new ThreadLocal<>();

    @Inject
    Directory directory;

    /** Runs {@code logon} with {@code user} as the entry its name resolves to on this thread. */
    static <T> T resolving(DirEntry user, java.util.function.Supplier<T> logon) {
        DirEntry before = RESOLVED.get();
        RESOLVED.set(user);
        try {
            return logon.get();
        } finally {
            if (before == null) RESOLVED.remove();
            else RESOLVED.set(before);
        }
    }

    private Optional<DirEntry> user(String name) {
        DirEntry known = RESOLVED.get();
        if (known != null && directory.loginName(known).equals(name)) return Optional.of(known);
        return directory.findUser(name);
    }

    /** Whether the entry may log on at all: a real, active user (not SYSTEM, not a contact). */
    static boolean mayLogOn(DirEntry e) {
        return e != null && e.id() != Directory.SYSTEM_ID && e.active();
    }

    @Override
    public boolean exists(String name) {
        return user(name).filter(DirectoryAccounts::mayLogOn).isPresent();
    }

    @Override
    public boolean verify(String name, String password) {
        DirEntry e = user(name).filter(DirectoryAccounts::mayLogOn).orElse(null);
        if (e == null) return false;
        try {
            return directory.plugin().authenticate(e.id(), password);
        } catch (StoreException ex) {
            if (ex.error() == MapiError.MAPI_E_NETWORK_ERROR) throw new AccountsUnavailableException(ex.getMessage());
            throw ex;
        }
    }
}
