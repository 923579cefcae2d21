package org.zcp.caldav.fake;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.zcp.store.api.StoreFailure.Kind;
import org.zcp.store.api.WebLogons;

/** Users with passwords; sessions that a test can end to see the DAV layer log on again. */
public final class FakeWebLogons implements WebLogons {
    private final Map<String, String[]> users = new HashMap<>();
    private final Map<String, String> sessions = new HashMap<>();
    private final Set<String> ended = new HashSet<>();
    public int logons;
    public int logoffs;

    public FakeWebLogons user(String login, String password, String fullName, String email) {
        users.put(login, new String[] {password, fullName, email});
        return this;
    }

    @Override
    public Who logon(String user, String password, String peer, String program) {
        for (var e : users.entrySet()) {
            boolean byName = e.getKey().equalsIgnoreCase(user) || e.getValue()[2].equalsIgnoreCase(user);
            if (byName && e.getValue()[0].equals(password)) {
                String session = "s" + (++logons);
                sessions.put(session, e.getKey());
                return new Who(session, e.getKey(), e.getValue()[1], e.getValue()[2]);
            }
        }
        throw new FakeFailure(Kind.NO_ACCESS, "logon failed");
    }

    @Override
    public Who user(String session, String loginName) {
        check(session);
        String[] u = users.get(loginName);
        return u == null ? null : new Who(null, loginName, u[1], u[2]);
    }

    @Override
    public void changePassword(String session, String oldPassword, String newPassword, String peer) {
        String login = check(session);
        String[] u = users.get(login);
        if (!u[0].equals(oldPassword)) throw new FakeFailure(Kind.NO_ACCESS, "logon failed");
        if (newPassword == null || newPassword.isEmpty()) throw new FakeFailure(Kind.INVALID, "the new password may not be empty");
        u[0] = newPassword;
    }

    @Override
    public void logoff(String session) {
        logoffs++;
        sessions.remove(session);
    }

    /** Every user (no session), in login name order: what the fake address book lists. */
    public java.util.List<Who> users() {
        return users.entrySet().stream().sorted(Map.Entry.comparingByKey(String.CASE_INSENSITIVE_ORDER))
                .map(e -> new Who(null, e.getKey(), e.getValue()[1], e.getValue()[2])).toList();
    }

    /** The store ends a session (timeout, rights changed): its next call is SESSION_ENDED. */
    public void end(String session) {
        ended.add(session);
    }

    /** The login of a live session; SESSION_ENDED otherwise. */
    public String check(String session) {
        String login = sessions.get(session);
        if (login == null || ended.contains(session)) throw new FakeFailure(Kind.SESSION_ENDED, "session ended");
        return login;
    }

    /** Sessions handed out and not logged off. */
    public Set<String> live() {
        return sessions.keySet();
    }
}
