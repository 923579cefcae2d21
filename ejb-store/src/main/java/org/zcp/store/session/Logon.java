package org.zcp.store.session;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.zcp.api.mapi.MapiError;
import org.zcp.store.StoreException;
import org.zcp.store.audit.AuditLog;
import org.zcp.store.config.ServerSettings;
import org.zcp.store.directory.Attr;
import org.zcp.store.directory.DirEntry;
import org.zcp.store.directory.Directory;

/**
 * Authentication for every protocol: password logon through the user plugin, impersonation by
 * administrators, and the trusted local logon of tools. Non-active users cannot log in (manual
 * 1.5.4); every attempt is audit-logged (manual 7.3.1.3).
 */
@Stateless
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
    org.zcp.store.admin.UserAdmin users;

    public Session password(String user, String password, String impersonate, String from, String program) {
        DirEntry e = user == null ? null : directory.findUser(user).orElse(null);
        if (e == null || e.id() == Directory.SYSTEM_ID || !e.active()
                || !directory.plugin().authenticate(e.id(), password == null ? "" : password)) {
            audit.authenticateFailed(user, from, program);
            throw new StoreException(MapiError.MAPI_E_LOGON_FAILED, "logon failed");
        }
        audit.authenticateOk(directory.loginName(e), from, METHOD_PASSWORD, program);
        DirEntry target = e;
        if (impersonate != null && !impersonate.isEmpty() && !impersonate.equalsIgnoreCase(user)) {
            DirEntry other = directory.findUser(impersonate).orElse(null);
            Session probe = new Session("", e.id(), user, e.companyId(), e.adminLevel(), from, program);
            boolean ok = other != null && other.id() != Directory.SYSTEM_ID && other.active()
                    && e.adminLevel() > 0 && directory.isAdminOf(probe, other.companyId());
            audit.impersonate(ok, impersonate, from, program, directory.loginName(e));
            if (!ok) throw new StoreException(MapiError.MAPI_E_LOGON_FAILED, "impersonation not allowed");
            target = other;
        }
        directory.setAttributes(target.id(), Map.of(Attr.LAST_LOGON, Long.toString(System.currentTimeMillis())));
        return sessions.open(target.id(), directory.loginName(target), target.companyId(), target.adminLevel(), from,
                program);
    }

    /**
     * A logon of the IMAP or POP3 gateway: by login name or primary address; the user needs
     * {@code feature} (manual 8.7), else MAPI_E_NO_ACCESS after an audit line; wrong credentials
     * are MAPI_E_LOGON_FAILED as for every logon.
     */
    public Session gateway(String user, String password, String from, String feature, String program) {
        String name = user == null ? "" : user.trim();
        java.util.Optional<DirEntry> e = directory.findUser(name);
        if (e.isEmpty() && name.contains("@")) e = directory.findUserByAddress(name);
        if (e.isPresent() && e.get().id() != Directory.SYSTEM_ID && !users.featureAllowed(e.get(), feature)) {
            audit.authenticateFailed(name, from, program);
            throw new StoreException(MapiError.MAPI_E_NO_ACCESS, feature.toUpperCase(java.util.Locale.ROOT)
                    + " is not enabled for this user");
        }
        return password(e.map(directory::loginName).orElse(name), password, null, from, program);
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

    public void logoff(String sessionId) {
        Session s = sessions.close(sessionId);
        if (s != null && !s.isSystem()) {
            directory.setAttributes(s.userId(), Map.of(Attr.LAST_LOGOFF, Long.toString(System.currentTimeMillis())));
        }
    }
}
