package org.zcp.store.admin;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.zcp.api.mapi.MapiError;
import org.zcp.api.mapi.ObjectClass;
import org.zcp.store.api.admin.UserDetails;
import org.zcp.store.StoreException;
import org.zcp.store.config.ServerSettings;
import org.zcp.store.directory.Attr;
import org.zcp.store.directory.DirEntry;
import org.zcp.store.directory.Directory;
import org.zcp.store.directory.Features;
import org.zcp.store.directory.UserScripts;
import org.zcp.store.entity.ObjectRelation;
import org.zcp.store.entity.StoreEntity;
import org.zcp.store.mapi.LocalFreebusy;
import org.zcp.store.mapi.StoreManager;
import org.zcp.store.session.Session;

/**
 * User administration of manual 8.3 (db plugin), 8.7 (features) and 8.8 (meeting requests
 * answered by the store): create, update, delete, list, send-as lists. A new user gets a store
 * with the default folders at once.
 */
@Stateless
public class UserAdmin {
    /** Features that can be enabled or disabled (manual 8.7). */
    public static final Set<String> FEATURES = Set.of("imap", "pop3");

    @Inject
    Directory directory;

    @Inject
    StoreManager stores;

    @Inject
    Details details;

    @Inject
    ServerSettings settings;

    @Inject
    UserScripts scripts;

    @Inject
    org.zcp.store.session.SessionManager sessions;

    @Inject
    LocalFreebusy localFreebusy;

    public UserDetails create(Session s, UserDetails u) {
        requireWritable();
        if (u == null || u.userName == null) throw StoreException.invalid("user name missing");
        Directory.LoginName n = directory.parse(u.userName.trim());
        validateName(n.user(), "user");
        long company = companyFor(n);
        directory.requireAdminOf(s, company);
        if (u.adminLevel != null && u.adminLevel >= 2) directory.requireSystemAdmin(s);
        requireQuotaRights(s, u);
        // manual 8.3.1 (zarafa-admin -n): a non-active user, who never logs on, needs no password
        boolean active = !Boolean.FALSE.equals(u.active);
        if (active && (u.password == null || u.password.isEmpty())) throw StoreException.invalid("a password is required");
        if (directory.findUserIgnoringCase(u.userName.trim()).isPresent() || "SYSTEM".equalsIgnoreCase(n.user())) {
            throw StoreException.collision("user " + u.userName + " already exists");
        }
        Map<String, String> attrs = new HashMap<>();
        attrs.put(Attr.NAME, n.user());
        if (u.password != null && !u.password.isEmpty()) attrs.put(Attr.PASSWORD, u.password);
        attrs.put(Attr.FULLNAME, u.fullName == null ? "" : u.fullName);
        attrs.put(Attr.EMAIL, u.email == null ? "" : validEmail(u.email));
        attrs.put(Attr.ADMIN, Integer.toString(adminLevel(u.adminLevel)));
        if (Boolean.TRUE.equals(u.hidden)) attrs.put(Attr.HIDDEN, "1");
        quotaAttrs(u, attrs);
        ObjectClass cls = active ? ObjectClass.ACTIVE_USER : ObjectClass.NONACTIVE_USER;
        long id = directory.plugin().create(cls, company, attrs);
        DirEntry e = directory.require(id);
        stores.createPrivateStore(e);
        scripts.run("createuser_script", "ZARAFA_USER", directory.loginName(e));
        return details.user(e, true);
    }

    public void update(Session s, String userName, UserDetails u) {
        boolean meetingRequests = u.mrAccept != null || u.mrDeclineConflict != null || u.mrDeclineRecurring != null;
        // manual 8.8: the meeting request settings are the store's, which any user plugin has; with a
        // plugin that only reads its directory (unix, ldap) the attributes it does not own are the
        // server's (manual 8.4.3: address, admin flag, quota with the unix plugin), and its update
        // refuses the others by name
        if (directory.plugin().writable()) {
            if (!meetingRequests || touchesDirectory(u)) requireWritable();
        } else if (u.active != null) {
            throw new StoreException(MapiError.MAPI_E_NO_SUPPORT, "whether a user is active comes from the "
                    + directory.plugin().name() + " user plugin's directory: change it there");
        }
        DirEntry e = visibleUser(s, userName);
        directory.requireAdminOver(s, e);
        requireQuotaRights(s, u);
        StoreEntity store = !meetingRequests ? null : stores.privateStoreOf(e.id())
                .orElseThrow(() -> new StoreException(MapiError.MAPI_E_NOT_FOUND, "user " + userName + " has no store"));
        Map<String, String> attrs = new HashMap<>();
        if (u.userName != null && !u.userName.equals(userName)) {
            Directory.LoginName n = directory.parse(u.userName.trim());
            validateName(n.user(), "user");
            Directory.LoginName old = directory.parse(userName.trim());
            boolean caseOnly = n.user().equalsIgnoreCase(old.user()) && java.util.Objects.equals(n.company(), old.company());
            if (!caseOnly && directory.findUserIgnoringCase(u.userName.trim()).isPresent()) {
                throw StoreException.collision("user " + u.userName + " already exists");
            }
            attrs.put(Attr.NAME, n.user());
        }
        if (u.password != null) {
            if (u.password.isEmpty()) throw StoreException.invalid("the password may not be empty");
            attrs.put(Attr.PASSWORD, u.password);
        }
        if (u.fullName != null) attrs.put(Attr.FULLNAME, u.fullName);
        if (u.email != null) attrs.put(Attr.EMAIL, u.email.isEmpty() ? "" : validEmail(u.email));
        if (u.adminLevel != null) {
            if (u.adminLevel >= 2 || e.adminLevel() >= 2) directory.requireSystemAdmin(s);
            attrs.put(Attr.ADMIN, Integer.toString(adminLevel(u.adminLevel)));
        }
        if (u.hidden != null) attrs.put(Attr.HIDDEN, u.hidden ? "1" : null);
        quotaAttrs(u, attrs);
        if (!attrs.isEmpty()) directory.plugin().update(e.id(), attrs);
        if (u.active != null && u.active != e.active()) {
            setActive(e, u.active);
        }
        boolean newLevel = u.adminLevel != null && u.adminLevel != e.adminLevel();
        if (attrs.containsKey(Attr.PASSWORD) || attrs.containsKey(Attr.NAME) || newLevel || Boolean.FALSE.equals(u.active)) {
            // an administrator changing their own password keeps the session they do it with
            sessions.revoke(e.id(), other -> !other.id().equals(s.id()));
        }
        if (attrs.containsKey(Attr.NAME)) {
            stores.privateStoreOf(e.id()).ifPresent(st -> st.userName = directory.loginName(directory.require(e.id())));
        }
        if (store != null) {
            localFreebusy.setAutoAccept(store, u.mrAccept, u.mrDeclineConflict, u.mrDeclineRecurring);
        }
    }

    /** Whether an update changes the directory entry, not only the store's meeting request settings. */
    private static boolean touchesDirectory(UserDetails u) {
        return u.userName != null || u.password != null || u.fullName != null || u.email != null || u.active != null
                || u.adminLevel != null || u.hidden != null || u.quotaOverride != null || u.quotaWarn != null
                || u.quotaSoft != null || u.quotaHard != null;
    }

    /**
     * In hosted mode quotas are the hoster's limits on a tenant: only a system administrator sets
     * or overrides them, a company administrator cannot lift them (review finding 20).
     */
    private void requireQuotaRights(Session s, UserDetails u) {
        if (u.quotaOverride != null || u.quotaWarn != null || u.quotaSoft != null || u.quotaHard != null) {
            if (settings.hosted()) directory.requireSystemAdmin(s);
        }
    }

    private void setActive(DirEntry e, boolean active) {
        directory.changeClass(e.id(), active ? ObjectClass.ACTIVE_USER : ObjectClass.NONACTIVE_USER);
    }

    public void delete(Session s, String userName) {
        requireWritable();
        DirEntry e = visibleUser(s, userName);
        directory.requireAdminOver(s, e);
        if (e.id() == s.userId()) throw StoreException.noAccess("you cannot delete yourself");
        String login = directory.loginName(e);
        // manual 8.3.4: the store is kept as an orphan
        stores.privateStoreOf(e.id()).ifPresent(st -> {
            st.userName = login;
            stores.orphan(st);
        });
        directory.plugin().delete(e.id());
        sessions.revoke(e.id(), any -> true);
        scripts.run("deleteuser_script", "ZARAFA_USER", login);
    }

    /**
     * A user's details; the private ones (last logon and logoff, store size, quota, groups,
     * features) only for the user and the administrators over them (review finding 25).
     */
    public UserDetails get(Session s, String userName) {
        DirEntry e = visibleUser(s, userName);
        return details.user(e, e.id() == s.userId() || directory.isAdminOver(s, e));
    }

    public List<UserDetails> list(Session s, String companyName) {
        long company = listCompany(s, companyName);
        List<UserDetails> out = new ArrayList<>();
        for (DirEntry e : directory.users(company)) {
            if (!directory.canSeeCompany(s, e.companyId())) continue;
            // hidden users are hidden from the address book (zarafaHidden, Appendix B) for all but administrators
            if (e.hidden() && e.id() != s.userId() && !directory.isAdminOf(s, e.companyId())) continue;
            out.add(details.user(e, false));
        }
        return out;
    }

    public long listCompany(Session s, String companyName) {
        if (!settings.hosted()) return 0;
        if (companyName == null || companyName.isEmpty()) {
            return s.isSystem() || s.adminLevel() >= 2 ? -1 : s.companyId();
        }
        DirEntry c = directory.requireCompany(companyName);
        if (!directory.canSeeCompany(s, c.id())) throw StoreException.notFound("company " + companyName);
        return c.id();
    }

    public void setFeature(Session s, String userName, String feature, boolean enabled) {
        DirEntry e = visibleUser(s, userName);
        directory.requireAdminOver(s, e);
        String f = feature == null ? "" : feature.toLowerCase(Locale.ROOT);
        if (!FEATURES.contains(f)) throw StoreException.invalid("unknown feature '" + feature + "' (imap, pop3)");
        Set<String> on = new LinkedHashSet<>(Features.listed(e, Attr.FEATURES_ENABLED));
        Set<String> off = new LinkedHashSet<>(Features.listed(e, Attr.FEATURES_DISABLED));
        // manual 8.7.2 note: never in both lists
        if (enabled) {
            on.add(f);
            off.remove(f);
        } else {
            off.add(f);
            on.remove(f);
        }
        Map<String, String> attrs = new HashMap<>();
        attrs.put(Attr.FEATURES_ENABLED, on.isEmpty() ? null : String.join(" ", on));
        attrs.put(Attr.FEATURES_DISABLED, off.isEmpty() ? null : String.join(" ", off));
        directory.setAttributes(e.id(), attrs);
        if (!enabled) {
            // the gateway sessions of the feature end (programs are "zarafa-gateway (imap)", ...)
            sessions.revoke(e.id(), other -> other.program() != null && other.program().endsWith("(" + f + ")"));
        }
    }

    public List<UserDetails> sendAsList(Session s, String userName) {
        DirEntry e = visibleUser(s, userName);
        if (e.id() != s.userId()) directory.requireAdminOver(s, e);
        List<UserDetails> out = new ArrayList<>();
        for (long id : directory.related(e.id(), ObjectRelation.SEND_AS)) {
            directory.get(id).ifPresent(d -> out.add(details.user(d, false)));
        }
        return out;
    }

    /** manual 8.3.5: zarafa-admin -u user --add-sendas delegate. */
    public void addSendAs(Session s, String userName, String delegate) {
        requireServerKept("sendas");
        DirEntry e = visibleUser(s, userName);
        DirEntry d = visibleUser(s, delegate);
        directory.requireAdminOver(s, e);
        if (e.id() == d.id()) throw StoreException.invalid("a user cannot be his own send-as delegate");
        directory.addRelation(d.id(), e.id(), ObjectRelation.SEND_AS);
    }

    public void delSendAs(Session s, String userName, String delegate) {
        requireServerKept("sendas");
        DirEntry e = visibleUser(s, userName);
        DirEntry d = visibleUser(s, delegate);
        directory.requireAdminOver(s, e);
        if (!directory.removeRelation(d.id(), e.id(), ObjectRelation.SEND_AS)) {
            throw StoreException.notFound(delegate + " in the send-as list of " + userName);
        }
    }

    public DirEntry visibleUser(Session s, String name) {
        DirEntry e = directory.findUser(name == null ? "" : name.trim())
                .orElseThrow(() -> StoreException.notFound("user " + name));
        if (e.id() == Directory.SYSTEM_ID || !directory.canSeeCompany(s, e.companyId())) {
            throw StoreException.notFound("user " + name);
        }
        return e;
    }

    public long companyFor(Directory.LoginName n) {
        if (!settings.hosted()) return 0;
        if (n.company() == null) {
            throw StoreException.invalid("multi-tenancy is enabled: name the company as loginname_format '"
                    + settings.get("loginname_format") + "' says");
        }
        return directory.requireCompany(n.company()).id();
    }

    /**
     * zarafa-admin --sync (manual 8.5.1): a system administrator has the directory read whole; the
     * db plugin has nothing to synchronise.
     */
    @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.NOT_SUPPORTED)
    public List<String> sync(Session s) {
        directory.requireSystemAdmin(s);
        if (directory.plugin() instanceof org.zcp.store.directory.ExternalUserPlugin x) return x.synchronise();
        return List.of("nothing to synchronise: the " + directory.plugin().name()
                + " user plugin keeps its users in the server's database");
    }

    /**
     * Refuses to change a relation the user plugin owns ("sendas", "company_view",
     * "company_admin": the ldap plugin reads them from the directory, where they are changed).
     */
    public void requireServerKept(String relation) {
        if (directory.plugin().ownedAttributes().contains(relation)) {
            throw new StoreException(MapiError.MAPI_E_NO_SUPPORT, "'" + relation + "' comes from the "
                    + directory.plugin().name() + " user plugin's directory: change it there");
        }
    }

    public void requireWritable() {
        if (!directory.plugin().writable()) {
            throw new StoreException(MapiError.MAPI_E_NO_SUPPORT, "the " + directory.plugin().name()
                    + " user plugin manages users outside the server");
        }
    }

    /**
     * Characters never allowed in user, group and company names: path separators, and what a
     * shell or a log line would read as syntax, since names reach the event scripts (manual
     * 8.5.1.1) in ZARAFA_USER and friends, and the logs (review finding 24).
     */
    static final String NAME_FORBIDDEN = "/\\$`;|&<>()'\"*?!{}[]~#%^";

    static void validateName(String name, String what) {
        if (name == null || name.isEmpty()) throw StoreException.invalid(what + " name is empty");
        if (name.length() > 255) throw StoreException.invalid(what + " name is longer than 255 characters");
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || NAME_FORBIDDEN.indexOf(c) >= 0) {
                throw StoreException.invalid(what + " name '" + name.replaceAll("\\p{Cntrl}", "?")
                        + "' contains an invalid character (" + (Character.isISOControl(c) ? "a control character" : "'" + c + "'")
                        + "); names may not contain spaces or any of " + NAME_FORBIDDEN);
            }
        }
    }

    static String validEmail(String email) {
        String e = email.trim();
        int at = e.indexOf('@');
        if (at <= 0 || at != e.lastIndexOf('@') || at == e.length() - 1 || e.chars().anyMatch(Character::isWhitespace)) {
            throw StoreException.invalid("'" + email + "' is not an email address");
        }
        return e;
    }

    static int adminLevel(Integer level) {
        if (level == null) return 0;
        if (level < 0 || level > 2) throw StoreException.invalid("administrator level must be 0, 1 or 2");
        return level;
    }

    static void quotaAttrs(UserDetails u, Map<String, String> attrs) {
        if (u.quotaOverride != null) attrs.put(Attr.QUOTA_OVERRIDE, u.quotaOverride ? "1" : "0");
        if (u.quotaWarn != null) attrs.put(Attr.QUOTA_WARN, nonNegative(u.quotaWarn));
        if (u.quotaSoft != null) attrs.put(Attr.QUOTA_SOFT, nonNegative(u.quotaSoft));
        if (u.quotaHard != null) attrs.put(Attr.QUOTA_HARD, nonNegative(u.quotaHard));
    }

    static String nonNegative(long v) {
        if (v < 0) throw StoreException.invalid("quota values cannot be negative");
        return Long.toString(v);
    }

    public StoreEntity storeOf(DirEntry e) {
        return stores.privateStoreOf(e.id()).orElse(null);
    }
}
