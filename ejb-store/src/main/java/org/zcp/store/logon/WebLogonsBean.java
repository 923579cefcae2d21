package org.zcp.store.logon;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.zcp.store.api.WebLogons;
import org.zcp.store.directory.DirEntry;
import org.zcp.store.directory.Directory;
import org.zcp.store.session.Session;
import org.zcp.store.session.SessionManager;

/**
 * Logon of the HTTP protocols (CalDAV, CardDAV, iCal): the gateways' logon path (by login name or
 * primary address, throttled, audit-logged) without a feature to check, as Zarafa's ical had none.
 */
@Stateless
public class WebLogonsBean implements WebLogons {
    @Inject
    Logon logon;

    @Inject
    SessionManager sessions;

    @Inject
    Directory directory;

    @Override
    public Who logon(String user, String password, String peer, String program) {
        Session s = logon.gateway(user, password, peer, null, program);
        return who(s.id(), directory.require(s.userId()));
    }

    @Override
    public Who user(String session, String loginName) {
        Session s = sessions.require(session);
        return directory.visibleUser(s, loginName).map(u -> who(null, u)).orElse(null);
    }

    @Override
    public void changePassword(String session, String oldPassword, String newPassword, String peer) {
        Session s = sessions.require(session);
        logon.changePassword(s, oldPassword, newPassword, peer, s.program());
    }

    @Override
    public void logoff(String session) {
        logon.logoff(session);
    }

    private Who who(String session, DirEntry e) {
        return new Who(session, directory.loginName(e), e.fullName(), e.email());
    }
}
