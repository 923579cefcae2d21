package org.zcp.store.api;

/**
 * Logon for the HTTP protocols (CalDAV, CardDAV, the iCal gateway; later the web client): a user
 * by login name or primary address with the password, through the same check, throttling and
 * audit log as SOAP, IMAP and POP3 (issue 5). Failures are {@link StoreFailure}s of kind
 * NO_ACCESS with a text that tells nothing about the account.
 */
public interface WebLogons {
    /**
     * The program name of the web client's logons: the store keeps such a session for as long as
     * the web client's own session lives (webaccess.cfg session_timeout), which logs it off when
     * it ends, as it keeps a gateway connection's.
     */
    String WEBACCESS = "zarafa-webaccess";

    /**
     * Who logged on: the store session, the login name, the full name and the primary e-mail
     * address (may be empty).
     */
    record Who(String session, String loginName, String fullName, String email) {
    }

    Who logon(String user, String password, String peer, String program);

    /**
     * A user of the session's company by login name (for principals of others: shared
     * calendars); null when there is none the session may see.
     */
    Who user(String session, String loginName);

    /**
     * The session's user changes their own password: the old one checked as at a logon
     * (throttled, audit-logged; NO_ACCESS when wrong), the new one written by the user plugin
     * (LDAP and Unix passwords are changed in their directory). The user's
     * other sessions end; this one goes on. A read-only directory is INVALID with the reason.
     */
    void changePassword(String session, String oldPassword, String newPassword, String peer);

    void logoff(String session);
}
