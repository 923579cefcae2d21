package org.zcp.realm;

/**
 * What the realm asks the application: whether a login name is an account that may log on, and
 * whether a password is that account's. The EAR installs its implementation as it starts
 * ({@link AccountsRegistry}); the answers come from the configured user plugin (db, unix or
 * ldap), so the realm holds no database or directory code of its own.
 */
public interface Accounts {

    /** Whether {@code name} is a user that may log on (known to the plugin, active, not SYSTEM). */
    boolean exists(String name);

    /**
     * Whether {@code password} is the password of {@code name}; false for unknown names.
     *
     * @throws AccountsUnavailableException when the directory cannot tell now (LDAP down)
     */
    boolean verify(String name, String password);
}
