package org.zcp.store.directory;

/**
 * An external directory cannot answer (the LDAP server is down, timed out or refused the
 * connection; the account files cannot be read): callers fall back to what the server knows.
 */
public class DirectoryUnavailableException extends RuntimeException {
    public DirectoryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
