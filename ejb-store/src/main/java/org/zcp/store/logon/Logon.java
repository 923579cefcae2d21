package org.zcp.store.logon;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.jboss.ejb3.annotation.SecurityDomain;
import org.zcp.api.mapi.MapiError;
import org.zcp.store.StoreException;
import org.zcp.store.audit.AuditLog;
import org.zcp.store.config.ServerSettings;
import org.zcp.store.directory.Attr;
import org.zcp.store.directory.DirEntry;
import org.zcp.store.directory.Directory;
import org.zcp.store.directory.Features;
import org.zcp.store.session.LogonThrottle;
import org.zcp.store.session.PasswordHash;
import org.zcp.store.session.Session;
import org.zcp.store.session.SessionManager;

/**
 * Authentication for every protocol: password logon through the user plugin, impersonation by
 * administrators, and the trusted local logon of tools. Non-active users cannot log in (manual
 * 1.5.4); every attempt is audit-logged (manual 7.3.1.3). The password itself is checked by
 * WildFly Elytron ({@link SecurityDomainLogon}); throttling and the audit stay here, around it.
 * The security domain associates "zarafa" with this module; every caller may log on, hence
 * {@code @PermitAll} (the ejb3 subsystem denies unannotated methods of a secured bean).
 */
@Stateless
@SecurityDomain("zarafa")
@PermitAll
public class Logon {
    public static final String METHOD_PASSWORD = "User supplied password";

    @Inject
    Directory directory;

    @Inject
    SessionManager sessions;

    @Inject
    AuditLog audit;

    @Inject
    ServerSettings settings;

    @Inject
    Features features;

    @Inject
    LogonThrottle throttle;

    @Inject
    SecurityDomainLogon domain;

    public Session password(String user, String password, String impersonate, String from, String program) {
        DirEntry e = authenticate(user, password, from, program);
        audit.authenticateOk(directory.loginName(e), from, METHOD_PASSWORD, program);
        DirEntry target = e;
        if (impersonate != null && !impersonate.isEmpty() && !impersonate.equals(user)) {
            DirEntry other = directory.findUser(impersonate).orElse(null);
            Session probe = new Session("", e.id(), user, e.companyId(), e.adminLevel(), from, program);
            boolean ok = other != null && other.id() != Directory.SYSTEM_ID && other.active()
                    && e.adminLevel() > 0 && directory.isAdminOver(probe, other);
            audit.impersonate(ok, impersonate, from, program, directory.loginName(e));
            if (!ok) throw new StoreException(MapiError.MAPI_E_LOGON_FAILED, "impersonation not allowed");
            target = other;
        }
        return open(target, from, program);
    }

    private Session open(DirEntry user, String from, String program) {
        directory.setAttributes(user.id(), Map.of(Attr.LAST_LOGON, Long.toString(System.currentTimeMillis())));
        return sessions.open(user.id(), directory.loginName(user), user.companyId(), user.adminLevel(), from, program);
    }

    /**
     * The password check of every protocol, throttled per account and address (review finding
     * 10). An unknown, internal or non-active user costs the same key derivation as a wrong
     * password, so timing does not tell which accounts exist; every failure is
     * MAPI_E_LOGON_FAILED with the same text, and audit-logged.
     */
    private DirEntry authenticate(String user, String password, String from, String program) {
        long wait = throttle.waitSeconds(user, from);
        if (wait > 0) {
            audit.authenticateThrottled(user, from, program, wait);
            throw new StoreException(MapiError.MAPI_E_LOGON_FAILED, "logon failed");
        }
        DirEntry e = user == null ? null : directory.findUser(user).orElse(null);
        boolean candidate = DirectoryAccounts.mayLogOn(e);
        String given = password == null ? "" : password;
        boolean ok;
        try {
            ok = throttle.derive(() -> {
                if (candidate) return domain.verify(e, directory.loginName(e), given);
                PasswordHash.verify(given, DUMMY_HASH); // the same cost as a real check, never a match
                return false;
            });
        } catch (StoreException unavailable) {
            // the directory server cannot check the password (ldap down): not the user's failure,
            // so no throttling, but audited, and the client is told the server cannot log on now
            if (unavailable.error() != MapiError.MAPI_E_NETWORK_ERROR) throw unavailable;
            audit.authenticateFailed(user, from, program);
            throw unavailable;
        }
        if (!ok) {
            throttle.failed(user, from);
            audit.authenticateFailed(user, from, program);
            throw new StoreException(MapiError.MAPI_E_LOGON_FAILED, "logon failed");
        }
        throttle.succeeded(user, from);
        return e;
    }

    /** A hash no password is checked against but the absent ones, for equal timing. */
    private static final String DUMMY_HASH = PasswordHash.hash(java.util.UUID.randomUUID().toString());

    /**
     * A logon of the IMAP or POP3 gateway or an HTTP protocol: by login name or primary address; the
     * user needs {@code feature} (manual 8.7; null for protocols without one: CalDAV, iCal), else
     * MAPI_E_NO_ACCESS after an audit line; wrong credentials
     * are MAPI_E_LOGON_FAILED as for every logon. The password is checked first, so the answer
     * tells nothing about an account to who does not know its password.
     */
    public Session gateway(String user, String password, String from, String feature, String program) {
        String name = user == null ? "" : user.trim();
        java.util.Optional<DirEntry> found = directory.findUser(name);
        if (found.isEmpty() && name.contains("@")) found = directory.findUserByAddress(name);
        String login = found.map(directory::loginName).orElse(name);
        DirEntry e = authenticate(login, password, from, program);
        if (feature != null && !features.allowed(e, feature)) {
            audit.authenticateFailed(login, from, program);
            throw new StoreException(MapiError.MAPI_E_NO_ACCESS, feature.toUpperCase(java.util.Locale.ROOT)
                    + " is not enabled for this user");
        }
        audit.authenticateOk(login, from, METHOD_PASSWORD, program);
        return open(e, from, program);
    }

    /** A tool run by a user in local_admin_users on the server host becomes SYSTEM (manual 6.1). */
    public Session localAdmin(String unixUser, String secret, String from, String program) {
        List<String> allowed = settings.config().getList("local_admin_users");
        if (!sessions.isLocalToken(secret) || unixUser == null || !allowed.contains(unixUser)) {
            audit.authenticateFailed(unixUser, from, program);
            throw new StoreException(MapiError.MAPI_E_LOGON_FAILED, "not a trusted local administrator");
        }
        audit.authenticateOk(unixUser, from, "socket", program);
        return sessions.open(Directory.SYSTEM_ID, "SYSTEM", 0, 2, from, program);
    }

    /**
     * A user's own password change (the web client's settings, as zarafa-passwd): the old
     * password checked as at a logon (throttled, audit-logged), the new one written by the user
     * plugin when its directory is writable (manual 6: the DB plugin; LDAP and Unix passwords are
     * changed in their directory), the user's other sessions ended. MAPI_E_NO_SUPPORT when the
     * plugin's directory is read-only, MAPI_E_LOGON_FAILED for a wrong old password.
     */
    public void changePassword(Session s, String oldPassword, String newPassword, String from, String program) {
        DirEntry me = directory.require(s.userId());
        String login = directory.loginName(me);
        if (!directory.plugin().writable()) {
            throw new StoreException(MapiError.MAPI_E_NO_SUPPORT, "passwords come from the " + directory.plugin().name()
                    + " user plugin's directory: change yours there");
        }
        if (newPassword == null || newPassword.isEmpty()) throw StoreException.invalid("the new password may not be empty");
        if (newPassword.length() > 1024) throw StoreException.invalid("a password of at most 1,024 characters");
        authenticate(login, oldPassword, from, program);
        directory.plugin().update(me.id(), Map.of(Attr.PASSWORD, newPassword));
        sessions.revoke(me.id(), other -> !other.id().equals(s.id()));
        audit.passwordChanged(login, from, program);
    }

    public void logoff(String sessionId) {
        Session s = sessions.close(sessionId);
        if (s != null && !s.isSystem()) {
            directory.setAttributes(s.userId(), Map.of(Attr.LAST_LOGOFF, Long.toString(System.currentTimeMillis())));
        }
    }
}
