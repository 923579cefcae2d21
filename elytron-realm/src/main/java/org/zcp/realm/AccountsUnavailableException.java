package org.zcp.realm;

/** The user plugin cannot answer now (its directory server does not answer): not a wrong password. */
public class AccountsUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AccountsUnavailableException(String message) {
        super(message);
    }
}
