package org.zcp.store.directory.ldap;

/** The LDAP server answered a query with an error other than "not found" (a bad filter, no access, ...). */
public class LdapQueryException extends RuntimeException {
    public LdapQueryException(String message, Throwable cause) {
        super(message, cause);
    }
}
