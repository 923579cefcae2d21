package org.zcp.realm;

import java.util.Objects;

/**
 * The one {@link Accounts} of the running application. This class lives in the JBoss module
 * org.zcp.realm, loaded once by the server, so the realm (created by the Elytron subsystem) and
 * the EAR (which depends on the module) see the same registry; the EAR installs its accounts as
 * it starts and takes them away as it stops, and a realm asked in between answers "unavailable".
 */
public final class AccountsRegistry {
    private static volatile Accounts current;

    private AccountsRegistry() {
    }

    public static void install(Accounts accounts) {
        current = Objects.requireNonNull(accounts, "accounts");
    }

    /** Takes {@code accounts} away, unless another application's have replaced them since. */
    public static synchronized void uninstall(Accounts accounts) {
        if (current == accounts) current = null;
    }

    /** The installed accounts; unavailable while the application is not deployed. */
    static Accounts current() {
        Accounts a = current;
        if (a == null) throw new AccountsUnavailableException("the ZCP application is not running");
        return a;
    }
}
