package org.zcp.store.directory.ldap;

/** The LDAP server cannot be reached (down, timed out, refused the connection): callers fall back to what is known. */
public class LdapUnavailableException extends RuntimeException {
    public LdapUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
