package org.zcp.tools.admin;

import jakarta.activation.DataHandler;
import jakarta.jws.WebService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.zcp.api.mapi.MapiError;
import org.zcp.api.soap.AclEntry;
import org.zcp.api.soap.ArchiveInfo;
import org.zcp.api.soap.CompanyDetails;
import org.zcp.api.soap.GroupDetails;
import org.zcp.api.soap.LogonResult;
import org.zcp.api.soap.MapiException;
import org.zcp.api.soap.Message;
import org.zcp.api.soap.OrphanReport;
import org.zcp.api.soap.OrphanStore;
import org.zcp.api.soap.PropValue;
import org.zcp.api.soap.QuotaStatus;
import org.zcp.api.soap.StoreInfo;
import org.zcp.api.soap.TableQuery;
import org.zcp.api.soap.TableResult;
import org.zcp.api.soap.UserDetails;
import org.zcp.api.soap.ZarafaCmd;

/**
 * An in-memory server for the tools' tests: users, groups, companies, send-as, stores, archives
 * and the store properties zarafa-set-oof writes, with the server's rights and faults. It keeps to
 * {@link ZarafaCmdContract}, which the real server passes too (itests), so what the tools' tests
 * see is what the server does. The message store calls are not needed by the tools and throw.
 * Also publishable as a real SOAP endpoint for client round trips.
 *
 * <p>Like the server it is multi-tenant (enable_hosted_zarafa, loginname_format %u@%c) as soon as
 * it has a company, and single-tenant before. The maps are public so that a test can set up what
 * it needs and look at the result; {@link #addUser} and friends add without the server's checks.
 * The trusted local logon's SYSTEM session {@link #SESSION} outlives a logoff, so one test can run
 * a tool several times.
 */
@WebService(endpointInterface = "org.zcp.api.soap.ZarafaCmd", targetNamespace = "urn:zarafa",
        serviceName = "ZarafaCmd", portName = "ZarafaCmdPort")
public class FakeZarafaCmd implements ZarafaCmd {
    public static final String SESSION = "session-1";
    public static final String EVERYONE = "Everyone";
    private static final String SYSTEM = "SYSTEM";
    /** Characters never allowed in user, group and company names (UserAdmin.NAME_FORBIDDEN). */
    private static final String NAME_FORBIDDEN = "/\\$`;|&<>()'\"*?!{}[]~#%^";
    private static final Set<String> FEATURES = Set.of("imap", "pop3");

    /** A store: its owner's login, or null for an orphan, and the properties of its root. */
    public static final class Store {
        public final String guid;
        public String owner;
        public String guessedUserName;
        public long lastModified = System.currentTimeMillis();
        public long size;
        public final Map<Integer, PropValue> props = new LinkedHashMap<>();
        /** Manual 8.8, kept on the store's LocalFreebusy message by the server: they go with the store. */
        public boolean mrAccept;
        public boolean mrDeclineConflict;
        public boolean mrDeclineRecurring;

        Store(String guid, String owner) {
            this.guid = guid;
            this.owner = owner;
            this.guessedUserName = owner;
        }

        /** The entry id of the store's root, as getStore answers it. */
        public String entryId() {
            return "ROOT-" + guid;
        }
    }

    /** Users by login name; what getUser shows is computed from them (groups, store). */
    public final Map<String, UserDetails> users = new LinkedHashMap<>();
    public final Map<String, String> passwords = new HashMap<>();
    /** Groups by the name they were created with (name@company in hosted mode). */
    public final Map<String, GroupDetails> groups = new LinkedHashMap<>();
    public final Map<String, List<String>> members = new LinkedHashMap<>();
    /** Per user, the delegates who may send as the user. */
    public final Map<String, List<String>> sendAs = new HashMap<>();
    public final Map<String, CompanyDetails> companies = new LinkedHashMap<>();
    /** Companies with a public store; "" is the single-tenant server's. */
    public final Set<String> publicStores = new HashSet<>();
    /** A fixed quota state per user, shown instead of the one computed from the quota levels. */
    public final Map<String, QuotaStatus> quota = new HashMap<>();
    public final Map<String, List<String>> remoteViewers = new HashMap<>();
    public final Map<String, List<String>> remoteAdmins = new HashMap<>();
    /** Per user, the attached archive users and the folder of each (ArchiveService). */
    public final Map<String, Map<String, String>> archives = new LinkedHashMap<>();
    public final Map<String, Store> stores = new LinkedHashMap<>();
    /** What purgeSoftDelete answers. */
    public int softDeleted = 7;
    /** Every mutating call, e.g. "hookStore GUID john". */
    public final List<String> calls = new ArrayList<>();
    public UserDetails lastUserUpdate;
    public CompanyDetails lastCompanyUpdate;
    public String lastLogon;
    public boolean loggedOff;
    /** Live sessions: id to login (SYSTEM for the trusted local logon). */
    private final Map<String, String> sessions = new HashMap<>();
    private int sessionCount = 1;

    public FakeZarafaCmd() {
        sessions.put(SESSION, SYSTEM);
        GroupDetails everyone = new GroupDetails();
        everyone.groupName = EVERYONE;
        everyone.fullName = EVERYONE;
        everyone.email = "";
        everyone.hidden = false;
        groups.put(EVERYONE, everyone);
    }

    // ---- set-up without the server's checks ------------------------------------------------

    /** An active user with a store; in a company when the name ends in {@code @company} of one. */
    public UserDetails addUser(String name, String fullName) {
        UserDetails u = new UserDetails();
        u.userName = name;
        u.fullName = fullName;
        u.email = name + "@example.com";
        u.active = true;
        u.adminLevel = 0;
        u.hidden = false;
        int at = name.lastIndexOf('@');
        if (at > 0 && companies.containsKey(name.substring(at + 1))) {
            u.company = name.substring(at + 1);
        }
        users.put(name, u);
        newStore(name);
        return u;
    }

    public GroupDetails addGroup(String name, String... memberNames) {
        GroupDetails g = new GroupDetails();
        g.groupName = name;
        g.fullName = name;
        g.email = "";
        g.hidden = false;
        groups.put(name, g);
        members.put(name, new ArrayList<>(List.of(memberNames)));
        return g;
    }

    public CompanyDetails addCompany(String name, String admin) {
        CompanyDetails c = new CompanyDetails();
        c.companyName = name;
        c.adminName = admin;
        companies.put(name, c);
        publicStores.add(name);
        return c;
    }

    /** A store without a user, as a deleted or unhooked user leaves it (manual 8.2). */
    public Store addOrphan(String guid, String guessedUserName, long lastModified, long size) {
        Store s = new Store(guid, null);
        s.guessedUserName = guessedUserName;
        s.lastModified = lastModified;
        s.size = size;
        stores.put(guid, s);
        return s;
    }

    /** The store of a user, or null. */
    public Store storeOf(String login) {
        for (Store s : stores.values()) {
            if (login.equals(s.owner)) return s;
        }
        return null;
    }

    private Store newStore(String owner) {
        Store s = new Store(UUID.randomUUID().toString().replace("-", "").toUpperCase(Locale.ROOT), owner);
        stores.put(s.guid, s);
        return s;
    }

    // ---- names, faults and rights (Directory, UserAdmin) ------------------------------------

    private boolean hosted() {
        return !companies.isEmpty();
    }

    private record Name(String user, String company) {
    }

    /** loginname_format %u@%c: the company is after the last '@' (Directory.parse). */
    private Name parse(String login) {
        if (!hosted()) return new Name(login, null);
        int at = login.lastIndexOf('@');
        return at < 0 ? new Name(login, null) : new Name(login.substring(0, at), login.substring(at + 1));
    }

    /** The user's name without the company part of the login (what the archive folder is named after). */
    private static String bareName(UserDetails u) {
        String suffix = "@" + u.company;
        return u.company != null && u.userName.endsWith(suffix)
                ? u.userName.substring(0, u.userName.length() - suffix.length()) : u.userName;
    }

    private static MapiException fault(MapiError error, String text) {
        return new MapiException(error, text);
    }

    private static MapiException notFound(String what) {
        return fault(MapiError.MAPI_E_NOT_FOUND, what + " not found");
    }

    private static MapiException invalid(String what) {
        return fault(MapiError.MAPI_E_INVALID_PARAMETER, what);
    }

    private static MapiException collision(String what) {
        return fault(MapiError.MAPI_E_COLLISION, what);
    }

    private static MapiException noAccess(String what) {
        return fault(MapiError.MAPI_E_NO_ACCESS, what);
    }

    /** Who calls: SYSTEM, or a logged-on user (level 0 when the user record is gone). */
    private record Caller(String login, boolean system, int level, String company) {
    }

    private Caller caller(String sessionId) throws MapiException {
        String login = sessionId == null ? null : sessions.get(sessionId);
        if (login == null) throw fault(MapiError.MAPI_E_END_OF_SESSION, "no such session");
        if (SYSTEM.equals(login)) return new Caller(SYSTEM, true, 2, null);
        UserDetails u = users.get(login);
        return new Caller(login, false, u == null ? 0 : level(u), u == null ? null : u.company);
    }

    private static int level(UserDetails u) {
        return u.adminLevel == null ? 0 : u.adminLevel;
    }

    private static boolean listed(Map<String, List<String>> lists, String key, String value) {
        return value != null && lists.getOrDefault(key, List.of()).contains(value);
    }

    private boolean canSeeCompany(Caller c, String company) {
        if (c.system() || c.level() >= 2 || !hosted()) return true;
        if (Objects.equals(company, c.company())) return true;
        return listed(remoteViewers, company, c.company()) || listed(remoteAdmins, company, c.login());
    }

    private boolean isAdminOf(Caller c, String company) {
        if (c.system() || c.level() >= 2) return true;
        if (!hosted()) return c.level() >= 1;
        if (c.level() >= 1 && Objects.equals(company, c.company())) return true;
        return listed(remoteAdmins, company, c.login());
    }

    /** In hosted mode a company administrator never acts on a system administrator. */
    private boolean isAdminOver(Caller c, UserDetails u) {
        if (!isAdminOf(c, u.company)) return false;
        if (c.system() || c.level() >= 2 || !hosted()) return true;
        return level(u) < 2;
    }

    private void requireAdminOf(Caller c, String company) throws MapiException {
        if (!isAdminOf(c, company)) throw noAccess("administrator rights required");
    }

    private void requireAdminOver(Caller c, UserDetails u) throws MapiException {
        if (!isAdminOver(c, u)) throw noAccess("administrator rights over this user required");
    }

    private void requireSystemAdmin(Caller c) throws MapiException {
        if (!(c.system() || c.level() >= 2 || (!hosted() && c.level() >= 1))) {
            throw noAccess("system administrator rights required");
        }
    }

    private UserDetails visibleUser(Caller c, String name) throws MapiException {
        UserDetails u = users.get(name == null ? "" : name.trim());
        if (u == null || !canSeeCompany(c, u.company)) throw notFound("user " + name);
        return u;
    }

    private CompanyDetails requireCompany(String name) throws MapiException {
        CompanyDetails c = name == null ? null : companies.get(name);
        if (c == null) throw notFound("company " + name);
        return c;
    }

    private CompanyDetails visibleCompany(Caller c, String name) throws MapiException {
        CompanyDetails company = requireCompany(name == null ? "" : name.trim());
        if (!canSeeCompany(c, company.companyName)) throw notFound("company " + name);
        return company;
    }

    /** The company of a new user or group: none single-tenant, else the login's, which must exist. */
    private String companyFor(Name n) throws MapiException {
        if (!hosted()) return null;
        if (n.company() == null) {
            throw invalid("multi-tenancy is enabled: name the company as loginname_format '%u@%c' says");
        }
        return requireCompany(n.company()).companyName;
    }

    private record Scope(boolean all, String company) {
    }

    /** Which users or groups a list call asks for (UserAdmin.listCompany). */
    private Scope listScope(Caller c, String companyName) throws MapiException {
        if (!hosted()) return new Scope(true, null);
        if (companyName == null || companyName.isEmpty()) {
            return c.system() || c.level() >= 2 ? new Scope(true, null) : new Scope(false, c.company());
        }
        CompanyDetails company = requireCompany(companyName);
        if (!canSeeCompany(c, company.companyName)) throw notFound("company " + companyName);
        return new Scope(false, company.companyName);
    }

    private static void validateName(String name, String what) throws MapiException {
        if (name == null || name.isEmpty()) throw invalid(what + " name is empty");
        if (name.length() > 255) throw invalid(what + " name is longer than 255 characters");
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (Character.isWhitespace(ch) || Character.isISOControl(ch) || NAME_FORBIDDEN.indexOf(ch) >= 0) {
                throw invalid(what + " name '" + name.replaceAll("\\p{Cntrl}", "?")
                        + "' contains an invalid character (" + (Character.isISOControl(ch) ? "a control character"
                        : "'" + ch + "'") + "); names may not contain spaces or any of " + NAME_FORBIDDEN);
            }
        }
    }

    private static String validEmail(String email) throws MapiException {
        String e = email.trim();
        int at = e.indexOf('@');
        if (at <= 0 || at != e.lastIndexOf('@') || at == e.length() - 1 || e.chars().anyMatch(Character::isWhitespace)) {
            throw invalid("'" + email + "' is not an email address");
        }
        return e;
    }

    private static int adminLevel(Integer level) throws MapiException {
        if (level == null) return 0;
        if (level < 0 || level > 2) throw invalid("administrator level must be 0, 1 or 2");
        return level;
    }

    private static void nonNegative(Long... values) throws MapiException {
        for (Long v : values) {
            if (v != null && v < 0) throw invalid("quota values cannot be negative");
        }
    }

    /** In hosted mode quotas are the hoster's limits: only a system administrator sets them. */
    private void requireQuotaRights(Caller c, UserDetails u) throws MapiException {
        if (u.quotaOverride != null || u.quotaWarn != null || u.quotaSoft != null || u.quotaHard != null) {
            if (hosted()) requireSystemAdmin(c);
        }
    }

    /** Sessions of a user end (new password or name, deactivated, deleted), but {@code keep}. */
    private void revoke(String login, String keep) {
        sessions.entrySet().removeIf(e -> e.getValue().equals(login) && !e.getKey().equals(keep));
    }

    // ---- what the calls show -----------------------------------------------------------------

    /** A user as getUser shows it: the private details only for the user and its administrators. */
    private UserDetails view(UserDetails u, boolean full) {
        UserDetails d = new UserDetails();
        d.userName = u.userName;
        d.fullName = u.fullName;
        d.email = u.email;
        d.active = !Boolean.FALSE.equals(u.active);
        d.adminLevel = level(u);
        d.hidden = Boolean.TRUE.equals(u.hidden);
        d.company = u.company;
        d.resourceType = u.resourceType;
        d.resourceCapacity = u.resourceType == null ? null : u.resourceCapacity == null ? 1 : u.resourceCapacity;
        if (!full) return d;
        d.quotaOverride = Boolean.TRUE.equals(u.quotaOverride);
        d.quotaWarn = u.quotaWarn;
        d.quotaSoft = u.quotaSoft;
        d.quotaHard = u.quotaHard;
        d.lastLogon = u.lastLogon;
        d.lastLogoff = u.lastLogoff;
        d.storeSize = u.storeSize;
        Store store = storeOf(u.userName);
        d.hasStore = store != null;
        if (store != null) {
            d.mrAccept = store.mrAccept;
            d.mrDeclineConflict = store.mrDeclineConflict;
            d.mrDeclineRecurring = store.mrDeclineRecurring;
        }
        // manual 8.3.6: every user is in Everyone
        d.groups.add(EVERYONE);
        members.forEach((g, list) -> {
            GroupDetails group = groups.get(g);
            if (group != null && !EVERYONE.equals(g) && list.contains(u.userName)) d.groups.add(group.groupName);
        });
        d.enabledFeatures = u.enabledFeatures == null ? new ArrayList<>() : new ArrayList<>(u.enabledFeatures);
        d.disabledFeatures = u.disabledFeatures == null ? new ArrayList<>() : new ArrayList<>(u.disabledFeatures);
        return d;
    }

    private static GroupDetails view(GroupDetails g) {
        GroupDetails d = new GroupDetails();
        d.groupName = g.groupName;
        d.fullName = g.fullName == null || g.fullName.isEmpty() ? g.groupName : g.fullName;
        d.email = g.email == null ? "" : g.email;
        d.hidden = Boolean.TRUE.equals(g.hidden);
        d.company = g.company;
        return d;
    }

    private static CompanyDetails view(CompanyDetails c, boolean full) {
        CompanyDetails d = new CompanyDetails();
        d.companyName = c.companyName;
        if (!full) return d;
        d.adminName = c.adminName;
        d.quotaOverride = Boolean.TRUE.equals(c.quotaOverride);
        d.quotaWarn = c.quotaWarn;
        d.userDefaultQuotaOverride = c.userDefaultQuotaOverride;
        d.userDefaultQuotaWarn = c.userDefaultQuotaWarn;
        d.userDefaultQuotaSoft = c.userDefaultQuotaSoft;
        d.userDefaultQuotaHard = c.userDefaultQuotaHard;
        d.storeSize = c.storeSize;
        return d;
    }

    // ---- session -------------------------------------------------------------------------

    /** A non-active user, or one without a password, never logs on (manual 1.5.4). */
    @Override
    public LogonResult logon(String user, String password, String impersonate, String clientApp) throws MapiException {
        String stored = passwords.get(user);
        UserDetails u = users.get(user);
        if (stored == null || !stored.equals(password) || (u != null && Boolean.FALSE.equals(u.active))) {
            throw fault(MapiError.MAPI_E_LOGON_FAILED, "logon failed");
        }
        lastLogon = "logon " + user + " " + clientApp;
        String id = "session-" + ++sessionCount;
        sessions.put(id, user);
        return session(id, user);
    }

    @Override
    public LogonResult localAdminLogon(String unixUser, String secret, String clientApp) throws MapiException {
        if (!"s3cret".equals(secret)) {
            throw fault(MapiError.MAPI_E_LOGON_FAILED, "not a trusted local administrator");
        }
        lastLogon = "localAdminLogon " + unixUser + " " + clientApp;
        return session(SESSION, SYSTEM);
    }

    private static LogonResult session(String id, String user) {
        LogonResult r = new LogonResult();
        r.sessionId = id;
        r.userName = user;
        r.serverVersion = "7.1.0";
        return r;
    }

    @Override
    public void logoff(String sessionId) throws MapiException {
        caller(sessionId);
        loggedOff = true;
        if (!SESSION.equals(sessionId)) sessions.remove(sessionId);
    }

    // ---- stores --------------------------------------------------------------------------

    @Override
    public StoreInfo createPublicStore(String sessionId, String companyName) throws MapiException {
        Caller c = caller(sessionId);
        String company;
        if (!hosted() || companyName == null || companyName.isEmpty()) {
            company = "";
        } else {
            company = visibleCompany(c, companyName).companyName;
        }
        requireAdminOf(c, company.isEmpty() ? null : company);
        if (!publicStores.add(company)) throw collision("the public store already exists");
        calls.add("createPublicStore " + companyName);
        StoreInfo s = new StoreInfo();
        s.type = StoreInfo.PUBLIC;
        s.companyName = company.isEmpty() ? null : company;
        s.ownerName = company.isEmpty() ? SYSTEM : company;
        return s;
    }

    @Override
    public OrphanReport listOrphans(String sessionId) throws MapiException {
        requireSystemAdmin(caller(sessionId));
        OrphanReport r = new OrphanReport();
        for (Store s : stores.values()) {
            if (s.owner != null) continue;
            OrphanStore o = new OrphanStore();
            o.guid = s.guid;
            o.guessedUserName = s.guessedUserName;
            o.lastModified = s.lastModified;
            o.size = s.size;
            o.type = StoreInfo.PRIVATE;
            r.stores.add(o);
        }
        for (String login : users.keySet()) {
            if (storeOf(login) == null) r.usersWithoutStore.add(login);
        }
        return r;
    }

    private Store storeByGuid(String guid) throws MapiException {
        Store s = guid == null ? null : stores.get(guid.toUpperCase(Locale.ROOT));
        if (s == null) throw notFound("store " + guid);
        return s;
    }

    private void orphan(Store s) {
        s.guessedUserName = s.owner;
        s.owner = null;
    }

    @Override
    public void removeStore(String sessionId, String guid) throws MapiException {
        requireSystemAdmin(caller(sessionId));
        Store s = storeByGuid(guid);
        if (s.owner != null) throw collision("store " + guid + " belongs to a user; unhook it first");
        stores.remove(s.guid);
        calls.add("removeStore " + guid);
    }

    /** manual 8.2: the user's current store, if any, becomes an orphan. */
    @Override
    public void hookStore(String sessionId, String guid, String userName) throws MapiException {
        Caller c = caller(sessionId);
        requireSystemAdmin(c);
        Store s = storeByGuid(guid);
        if (s.owner != null) throw collision("store " + guid + " is not orphaned");
        UserDetails u = visibleUser(c, userName);
        Store old = storeOf(u.userName);
        if (old != null) orphan(old);
        s.owner = u.userName;
        s.guessedUserName = u.userName;
        calls.add("hookStore " + guid + " " + userName);
    }

    @Override
    public void unhookStore(String sessionId, String userName) throws MapiException {
        Caller c = caller(sessionId);
        requireSystemAdmin(c);
        UserDetails u = visibleUser(c, userName);
        Store s = storeOf(u.userName);
        if (s == null) throw notFound("store of " + userName);
        orphan(s);
        calls.add("unhookStore " + userName);
    }

    /** The user a call names, or the caller when it names none. */
    private UserDetails ownerOrSelf(Caller c, String userName) throws MapiException {
        if (userName == null || userName.isEmpty()) {
            UserDetails self = users.get(c.login());
            if (self == null) throw notFound("user " + c.login());
            return self;
        }
        return visibleUser(c, userName);
    }

    @Override
    public QuotaStatus getQuotaStatus(String sessionId, String userName) throws MapiException {
        Caller c = caller(sessionId);
        UserDetails u = ownerOrSelf(c, userName);
        if (!u.userName.equals(c.login())) requireAdminOver(c, u);
        if (storeOf(u.userName) == null) throw notFound("store of " + userName);
        QuotaStatus fixed = quota.get(u.userName);
        if (fixed != null) return fixed;
        // QuotaService.levels: the user's own with the override, else the company's defaults
        QuotaStatus q = new QuotaStatus();
        CompanyDetails company = u.company == null ? null : companies.get(u.company);
        if (Boolean.TRUE.equals(u.quotaOverride)) {
            q.warn = orZero(u.quotaWarn);
            q.soft = orZero(u.quotaSoft);
            q.hard = orZero(u.quotaHard);
        } else if (company != null && Boolean.TRUE.equals(company.userDefaultQuotaOverride)) {
            q.warn = orZero(company.userDefaultQuotaWarn);
            q.soft = orZero(company.userDefaultQuotaSoft);
            q.hard = orZero(company.userDefaultQuotaHard);
        }
        q.storeSize = orZero(u.storeSize);
        q.status = q.hard > 0 && q.storeSize >= q.hard ? QuotaStatus.HARD
                : q.soft > 0 && q.storeSize >= q.soft ? QuotaStatus.SOFT
                : q.warn > 0 && q.storeSize >= q.warn ? QuotaStatus.WARN : QuotaStatus.OK;
        return q;
    }

    private static long orZero(Long v) {
        return v == null ? 0 : v;
    }

    @Override
    public List<org.zcp.api.soap.AddressEntry> getGlobalAddressBook(String sessionId) throws MapiException {
        throw new UnsupportedOperationException("not used by the tools");
    }

    @Override
    public List<org.zcp.api.soap.ResolvedName> resolveNames(String sessionId, List<String> names) throws MapiException {
        throw new UnsupportedOperationException("not used by the tools");
    }

    @Override
    public List<String> getAddressLists(String sessionId) throws MapiException {
        throw new UnsupportedOperationException("not used by the tools");
    }

    @Override
    public List<org.zcp.api.soap.AddressEntry> getAddressList(String sessionId, String name) throws MapiException {
        throw new UnsupportedOperationException("not used by the tools");
    }

    @Override
    public org.zcp.api.soap.AddressEntry getAddressEntry(String sessionId, String entryId) throws MapiException {
        throw new UnsupportedOperationException("not used by the tools");
    }

    @Override
    public List<org.zcp.api.soap.AddressContainer> getAddressBookHierarchy(String sessionId) throws MapiException {
        throw new UnsupportedOperationException("not used by the tools");
    }

    @Override
    public List<org.zcp.api.soap.AddressEntry> getAddressContainer(String sessionId, String entryId) throws MapiException {
        throw new UnsupportedOperationException("not used by the tools");
    }

    @Override
    public List<String> syncDirectory(String sessionId) throws MapiException {
        requireSystemAdmin(caller(sessionId));
        calls.add("syncDirectory");
        return List.of("nothing to synchronise: the db user plugin keeps its users in the server's database");
    }

    @Override
    public int purgeSoftDelete(String sessionId, int days) throws MapiException {
        requireSystemAdmin(caller(sessionId));
        if (days < 0) throw invalid("days cannot be negative");
        calls.add("purgeSoftDelete " + days);
        return softDeleted;
    }

    @Override
    public StoreInfo getStore(String sessionId, String userName) throws MapiException {
        Caller c = caller(sessionId);
        UserDetails u = ownerOrSelf(c, userName);
        Store s = storeOf(u.userName);
        if (s == null) throw notFound("store of " + u.userName);
        if (!u.userName.equals(c.login()) && !isAdminOver(c, u)) throw noAccess("no access to the store");
        StoreInfo i = new StoreInfo();
        i.guid = s.guid;
        i.type = StoreInfo.PRIVATE;
        i.storeId = s.entryId();
        i.rootId = i.storeId;
        i.ownerName = u.userName;
        i.companyName = u.company;
        i.size = orZero(u.storeSize);
        return i;
    }

    /** The store whose root an entry id names, if the caller may use it. */
    private Store root(Caller c, String objectId) throws MapiException {
        for (Store s : stores.values()) {
            if (s.entryId().equals(objectId)) {
                UserDetails owner = s.owner == null ? null : users.get(s.owner);
                if (!c.system() && (owner == null || !owner.userName.equals(c.login()) && !isAdminOver(c, owner))) {
                    throw noAccess("no access to the store");
                }
                return s;
            }
        }
        throw notFound("object " + objectId);
    }

    @Override
    public List<PropValue> getProps(String sessionId, String objectId, List<Integer> tags) throws MapiException {
        Store s = root(caller(sessionId), objectId);
        List<PropValue> out = new ArrayList<>();
        for (int tag : tags) {
            PropValue v = s.props.get(tag);
            out.add(v != null ? v : PropValue.ofError(tag, "MAPI_E_NOT_FOUND"));
        }
        return out;
    }

    @Override
    public void setProps(String sessionId, String objectId, List<PropValue> props) throws MapiException {
        Store s = root(caller(sessionId), objectId);
        for (PropValue v : props) {
            s.props.put(v.tag, v);
        }
    }

    @Override
    public void deleteProps(String sessionId, String objectId, List<Integer> tags) throws MapiException {
        Store s = root(caller(sessionId), objectId);
        tags.forEach(s.props::remove);
    }

    // ---- users ---------------------------------------------------------------------------

    /** manual 8.3.1: a password unless the user is non-active; a new user gets a store at once. */
    @Override
    public UserDetails createUser(String sessionId, UserDetails user) throws MapiException {
        Caller c = caller(sessionId);
        if (user == null || user.userName == null) throw invalid("user name missing");
        String login = user.userName.trim();
        Name n = parse(login);
        validateName(n.user(), "user");
        String company = companyFor(n);
        requireAdminOf(c, company);
        if (user.adminLevel != null && user.adminLevel >= 2) requireSystemAdmin(c);
        requireQuotaRights(c, user);
        boolean active = !Boolean.FALSE.equals(user.active);
        if (active && (user.password == null || user.password.isEmpty())) throw invalid("a password is required");
        if (SYSTEM.equalsIgnoreCase(n.user()) || users.keySet().stream().anyMatch(login::equalsIgnoreCase)) {
            throw collision("user " + user.userName + " already exists");
        }
        UserDetails u = new UserDetails();
        u.userName = login;
        u.fullName = user.fullName == null ? "" : user.fullName;
        u.email = user.email == null ? "" : validEmail(user.email);
        u.adminLevel = adminLevel(user.adminLevel);
        u.active = active;
        u.hidden = Boolean.TRUE.equals(user.hidden);
        u.company = company;
        nonNegative(user.quotaWarn, user.quotaSoft, user.quotaHard);
        u.quotaOverride = user.quotaOverride;
        u.quotaWarn = user.quotaWarn;
        u.quotaSoft = user.quotaSoft;
        u.quotaHard = user.quotaHard;
        users.put(login, u);
        if (user.password != null && !user.password.isEmpty()) passwords.put(login, user.password);
        newStore(login);
        calls.add("createUser " + login);
        return view(u, true);
    }

    /** manual 8.3.3: null fields stay as they are. */
    @Override
    public void setUser(String sessionId, String userName, UserDetails details) throws MapiException {
        Caller c = caller(sessionId);
        UserDetails user = details == null ? new UserDetails() : details;
        UserDetails u = visibleUser(c, userName);
        requireAdminOver(c, u);
        requireQuotaRights(c, user);
        // manual 8.8: the store's settings, on its LocalFreebusy message
        Store store = null;
        if (user.mrAccept != null || user.mrDeclineConflict != null || user.mrDeclineRecurring != null) {
            store = storeOf(u.userName);
            if (store == null) throw fault(MapiError.MAPI_E_NOT_FOUND, "user " + userName + " has no store");
        }
        lastUserUpdate = user;
        String newLogin = null;
        if (user.userName != null && !user.userName.equals(userName)) {
            Name n = parse(user.userName.trim());
            validateName(n.user(), "user");
            Name old = parse(u.userName);
            newLogin = u.company == null ? n.user() : n.user() + "@" + u.company;
            boolean caseOnly = n.user().equalsIgnoreCase(old.user()) && Objects.equals(n.company(), old.company());
            String candidate = newLogin;
            if (!caseOnly && users.keySet().stream().anyMatch(candidate::equalsIgnoreCase)) {
                throw collision("user " + user.userName + " already exists");
            }
        }
        if (user.password != null && user.password.isEmpty()) throw invalid("the password may not be empty");
        String email = user.email == null || user.email.isEmpty() ? user.email : validEmail(user.email);
        Integer level = null;
        if (user.adminLevel != null) {
            if (user.adminLevel >= 2 || level(u) >= 2) requireSystemAdmin(c);
            level = adminLevel(user.adminLevel);
        }
        nonNegative(user.quotaWarn, user.quotaSoft, user.quotaHard);
        boolean newLevel = level != null && level != level(u);
        if (user.password != null) passwords.put(u.userName, user.password);
        if (user.fullName != null) u.fullName = user.fullName;
        if (email != null) u.email = email;
        if (level != null) u.adminLevel = level;
        if (user.hidden != null) u.hidden = user.hidden;
        if (user.active != null) u.active = user.active;
        if (user.quotaOverride != null) u.quotaOverride = user.quotaOverride;
        if (user.quotaWarn != null) u.quotaWarn = user.quotaWarn;
        if (user.quotaSoft != null) u.quotaSoft = user.quotaSoft;
        if (user.quotaHard != null) u.quotaHard = user.quotaHard;
        if (store != null) {
            if (user.mrAccept != null) store.mrAccept = user.mrAccept;
            if (user.mrDeclineConflict != null) store.mrDeclineConflict = user.mrDeclineConflict;
            if (user.mrDeclineRecurring != null) store.mrDeclineRecurring = user.mrDeclineRecurring;
        }
        if (user.password != null || newLogin != null || newLevel || Boolean.FALSE.equals(user.active)) {
            // an administrator changing their own password keeps the session they do it with
            revoke(u.userName, sessionId);
        }
        if (newLogin != null) rename(u.userName, newLogin);
    }

    /** The directory keeps objects by id; here every relation names the login, so all follow it. */
    private void rename(String from, String to) {
        UserDetails u = users.remove(from);
        u.userName = to;
        users.put(to, u);
        String password = passwords.remove(from);
        if (password != null) passwords.put(to, password);
        members.values().forEach(l -> l.replaceAll(m -> m.equals(from) ? to : m));
        remoteAdmins.values().forEach(l -> l.replaceAll(m -> m.equals(from) ? to : m));
        List<String> delegates = sendAs.remove(from);
        if (delegates != null) sendAs.put(to, new ArrayList<>(delegates));
        sendAs.replaceAll((k, l) -> l.stream().map(m -> m.equals(from) ? to : m).toList());
        Map<String, String> attached = archives.remove(from);
        if (attached != null) archives.put(to, attached);
        for (Map.Entry<String, Map<String, String>> e : archives.entrySet()) {
            String folder = e.getValue().remove(from);
            if (folder != null) e.getValue().put(to, folder);
        }
        for (Store s : stores.values()) {
            if (from.equals(s.owner)) s.owner = to;
        }
        sessions.replaceAll((id, login) -> login.equals(from) ? to : login);
        QuotaStatus q = quota.remove(from);
        if (q != null) quota.put(to, q);
    }

    @Override
    public UserDetails getUser(String sessionId, String userName) throws MapiException {
        Caller c = caller(sessionId);
        UserDetails u = visibleUser(c, userName);
        return view(u, u.userName.equals(c.login()) || isAdminOver(c, u));
    }

    /** manual 8.3.4: the store stays, as an orphan. */
    @Override
    public void deleteUser(String sessionId, String userName) throws MapiException {
        Caller c = caller(sessionId);
        UserDetails u = visibleUser(c, userName);
        requireAdminOver(c, u);
        if (u.userName.equals(c.login())) throw noAccess("you cannot delete yourself");
        String login = u.userName;
        Store s = storeOf(login);
        if (s != null) orphan(s);
        users.remove(login);
        passwords.remove(login);
        members.values().forEach(l -> l.remove(login));
        remoteAdmins.values().forEach(l -> l.remove(login));
        sendAs.remove(login);
        sendAs.replaceAll((k, l) -> l.stream().filter(m -> !m.equals(login)).toList());
        archives.remove(login);
        archives.values().forEach(m -> m.remove(login));
        quota.remove(login);
        revoke(login, null);
        calls.add("deleteUser " + login);
    }

    /** Hidden users only for themselves and administrators (zarafaHidden, Appendix B). */
    @Override
    public List<UserDetails> getUserList(String sessionId, String companyName) throws MapiException {
        Caller c = caller(sessionId);
        Scope scope = listScope(c, companyName);
        List<UserDetails> list = new ArrayList<>();
        for (UserDetails u : users.values()) {
            if (!scope.all() && !Objects.equals(scope.company(), u.company)) continue;
            if (!canSeeCompany(c, u.company)) continue;
            if (Boolean.TRUE.equals(u.hidden) && !u.userName.equals(c.login()) && !isAdminOf(c, u.company)) continue;
            list.add(view(u, false));
        }
        return list;
    }

    /** manual 8.7: imap and pop3, case-insensitive; never in both lists. */
    @Override
    public void setUserFeature(String sessionId, String userName, String feature, boolean enabled)
            throws MapiException {
        Caller c = caller(sessionId);
        UserDetails u = visibleUser(c, userName);
        requireAdminOver(c, u);
        String f = feature == null ? "" : feature.toLowerCase(Locale.ROOT);
        if (!FEATURES.contains(f)) throw invalid("unknown feature '" + feature + "' (imap, pop3)");
        List<String> on = u.enabledFeatures == null ? new ArrayList<>() : new ArrayList<>(u.enabledFeatures);
        List<String> off = u.disabledFeatures == null ? new ArrayList<>() : new ArrayList<>(u.disabledFeatures);
        on.remove(f);
        off.remove(f);
        (enabled ? on : off).add(f);
        u.enabledFeatures = on;
        u.disabledFeatures = off;
    }

    @Override
    public List<UserDetails> getSendAsList(String sessionId, String userName) throws MapiException {
        Caller c = caller(sessionId);
        UserDetails u = visibleUser(c, userName);
        if (!u.userName.equals(c.login())) requireAdminOver(c, u);
        List<UserDetails> list = new ArrayList<>();
        for (String d : sendAs.getOrDefault(u.userName, List.of())) {
            UserDetails delegate = users.get(d);
            if (delegate != null) list.add(view(delegate, false));
        }
        return list;
    }

    /** manual 8.3.5: the delegate may send as the user; adding one twice lists it once. */
    @Override
    public void addSendAsUser(String sessionId, String userName, String delegate) throws MapiException {
        Caller c = caller(sessionId);
        UserDetails u = visibleUser(c, userName);
        UserDetails d = visibleUser(c, delegate);
        requireAdminOver(c, u);
        if (u == d) throw invalid("a user cannot be his own send-as delegate");
        List<String> list = new ArrayList<>(sendAs.getOrDefault(u.userName, List.of()));
        if (!list.contains(d.userName)) list.add(d.userName);
        sendAs.put(u.userName, list);
    }

    @Override
    public void delSendAsUser(String sessionId, String userName, String delegate) throws MapiException {
        Caller c = caller(sessionId);
        UserDetails u = visibleUser(c, userName);
        UserDetails d = visibleUser(c, delegate);
        requireAdminOver(c, u);
        List<String> list = new ArrayList<>(sendAs.getOrDefault(u.userName, List.of()));
        if (!list.remove(d.userName)) throw notFound(delegate + " in the send-as list of " + userName);
        sendAs.put(u.userName, list);
    }

    // ---- groups --------------------------------------------------------------------------

    private GroupDetails visibleGroup(Caller c, String name) throws MapiException {
        String key = name == null ? "" : name.trim();
        GroupDetails g = EVERYONE.equalsIgnoreCase(key) ? groups.get(EVERYONE) : groups.get(key);
        if (g == null || (g != groups.get(EVERYONE) && !canSeeCompany(c, g.company))) throw notFound("group " + name);
        return g;
    }

    private String keyOf(GroupDetails g) {
        for (Map.Entry<String, GroupDetails> e : groups.entrySet()) {
            if (e.getValue() == g) return e.getKey();
        }
        throw new IllegalStateException("group " + g.groupName + " is not kept");
    }

    private void requireNotEveryone(GroupDetails g) throws MapiException {
        if (g == groups.get(EVERYONE)) throw noAccess("the group Everyone cannot be changed (manual 8.3.6)");
    }

    /** Every user, for Everyone; only the caller's tenant unless the caller is a system administrator. */
    private List<String> membersOf(Caller c, GroupDetails g) {
        if (g != groups.get(EVERYONE)) return members.getOrDefault(keyOf(g), List.of());
        List<String> all = new ArrayList<>();
        for (UserDetails u : users.values()) {
            if (c.system() || c.level() >= 2 || Objects.equals(u.company, c.company())) all.add(u.userName);
        }
        return all;
    }

    /** manual 8.3.6; in hosted mode the group is named name@company and shown as name. */
    @Override
    public void createGroup(String sessionId, GroupDetails group) throws MapiException {
        Caller c = caller(sessionId);
        if (group == null || group.groupName == null) throw invalid("group name missing");
        String key = group.groupName.trim();
        Name n = parse(key);
        validateName(n.user(), "group");
        String company = companyFor(n);
        requireAdminOf(c, company);
        if (groups.containsKey(key) || EVERYONE.equalsIgnoreCase(key)) {
            throw collision("group " + group.groupName + " already exists");
        }
        GroupDetails g = new GroupDetails();
        g.groupName = n.user();
        g.fullName = group.fullName == null ? n.user() : group.fullName;
        g.email = group.email == null || group.email.isEmpty() ? "" : validEmail(group.email);
        g.hidden = Boolean.TRUE.equals(group.hidden);
        g.company = company;
        groups.put(key, g);
        members.put(key, new ArrayList<>());
    }

    @Override
    public void setGroup(String sessionId, String groupName, GroupDetails group) throws MapiException {
        Caller c = caller(sessionId);
        GroupDetails g = visibleGroup(c, groupName);
        requireNotEveryone(g);
        requireAdminOf(c, g.company);
        String newKey = null;
        if (group.groupName != null && !group.groupName.equals(groupName)) {
            newKey = group.groupName.trim();
            validateName(parse(newKey).user(), "group");
            if (groups.containsKey(newKey)) throw collision("group " + group.groupName + " already exists");
        }
        String email = group.email == null || group.email.isEmpty() ? group.email : validEmail(group.email);
        if (group.fullName != null) g.fullName = group.fullName;
        if (email != null) g.email = email;
        if (group.hidden != null) g.hidden = group.hidden;
        if (newKey != null) {
            String old = keyOf(g);
            groups.remove(old);
            g.groupName = parse(newKey).user();
            groups.put(newKey, g);
            members.put(newKey, members.remove(old));
        }
    }

    @Override
    public GroupDetails getGroup(String sessionId, String groupName) throws MapiException {
        return view(visibleGroup(caller(sessionId), groupName));
    }

    @Override
    public void deleteGroup(String sessionId, String groupName) throws MapiException {
        Caller c = caller(sessionId);
        GroupDetails g = visibleGroup(c, groupName);
        requireNotEveryone(g);
        requireAdminOf(c, g.company);
        String key = keyOf(g);
        groups.remove(key);
        members.remove(key);
    }

    /** Single-tenant, or all companies: every group; one company: Everyone first, then its own. */
    @Override
    public List<GroupDetails> getGroupList(String sessionId, String companyName) throws MapiException {
        Caller c = caller(sessionId);
        Scope scope = listScope(c, companyName);
        GroupDetails everyone = groups.get(EVERYONE);
        List<GroupDetails> list = new ArrayList<>();
        if (!scope.all()) list.add(view(everyone));
        for (GroupDetails g : groups.values()) {
            if (g == everyone) {
                if (scope.all()) list.add(view(g));
                continue;
            }
            if (!scope.all() && !Objects.equals(scope.company(), g.company)) continue;
            if (canSeeCompany(c, g.company)) list.add(view(g));
        }
        return list;
    }

    @Override
    public void addGroupUser(String sessionId, String groupName, String userName) throws MapiException {
        Caller c = caller(sessionId);
        GroupDetails g = visibleGroup(c, groupName);
        requireNotEveryone(g);
        UserDetails u = visibleUser(c, userName);
        requireAdminOf(c, g.company);
        List<String> list = members.computeIfAbsent(keyOf(g), k -> new ArrayList<>());
        if (list.contains(u.userName)) throw collision("user " + userName + " is already in group " + groupName);
        list.add(u.userName);
    }

    @Override
    public void deleteGroupUser(String sessionId, String groupName, String userName) throws MapiException {
        Caller c = caller(sessionId);
        GroupDetails g = visibleGroup(c, groupName);
        requireNotEveryone(g);
        UserDetails u = visibleUser(c, userName);
        requireAdminOf(c, g.company);
        if (!members.getOrDefault(keyOf(g), new ArrayList<>()).remove(u.userName)) {
            throw notFound("user " + userName + " in group " + groupName);
        }
    }

    @Override
    public List<UserDetails> getUserListOfGroup(String sessionId, String groupName) throws MapiException {
        Caller c = caller(sessionId);
        GroupDetails g = visibleGroup(c, groupName);
        List<UserDetails> list = new ArrayList<>();
        for (String m : membersOf(c, g)) {
            UserDetails u = users.get(m);
            if (u != null && canSeeCompany(c, u.company)) list.add(view(u, false));
        }
        return list;
    }

    // ---- companies (manual 6.2) ----------------------------------------------------------

    /** A company gets its public store with it (manual 6.2.2.5). */
    @Override
    public void createCompany(String sessionId, CompanyDetails company) throws MapiException {
        requireSystemAdmin(caller(sessionId));
        if (company == null || company.companyName == null) throw invalid("company name missing");
        String name = company.companyName.trim();
        validateName(name, "company");
        if (companies.keySet().stream().anyMatch(name::equalsIgnoreCase)) {
            throw collision("company " + name + " already exists");
        }
        nonNegative(company.quotaWarn, company.userDefaultQuotaWarn, company.userDefaultQuotaSoft,
                company.userDefaultQuotaHard);
        CompanyDetails c = new CompanyDetails();
        c.companyName = name;
        c.quotaOverride = company.quotaOverride;
        c.quotaWarn = company.quotaWarn;
        c.userDefaultQuotaOverride = company.userDefaultQuotaOverride;
        c.userDefaultQuotaWarn = company.userDefaultQuotaWarn;
        c.userDefaultQuotaSoft = company.userDefaultQuotaSoft;
        c.userDefaultQuotaHard = company.userDefaultQuotaHard;
        companies.put(name, c);
        publicStores.add(name);
        lastCompanyUpdate = company;
    }

    /** The quotas and the administrator are the hoster's: a system administrator sets them. */
    @Override
    public void setCompany(String sessionId, String companyName, CompanyDetails company) throws MapiException {
        Caller c = caller(sessionId);
        CompanyDetails e = visibleCompany(c, companyName);
        requireAdminOf(c, e.companyName);
        lastCompanyUpdate = company;
        boolean quota = company.quotaOverride != null || company.quotaWarn != null
                || company.userDefaultQuotaOverride != null || company.userDefaultQuotaWarn != null
                || company.userDefaultQuotaSoft != null || company.userDefaultQuotaHard != null;
        if (quota || company.adminName != null) requireSystemAdmin(c);
        nonNegative(company.quotaWarn, company.userDefaultQuotaWarn, company.userDefaultQuotaSoft,
                company.userDefaultQuotaHard);
        String admin = null;
        if (company.adminName != null && !company.adminName.isEmpty()) {
            admin = visibleUser(c, company.adminName).userName;
        }
        if (company.adminName != null) e.adminName = admin;
        if (company.quotaOverride != null) e.quotaOverride = company.quotaOverride;
        if (company.quotaWarn != null) e.quotaWarn = company.quotaWarn;
        if (company.userDefaultQuotaOverride != null) e.userDefaultQuotaOverride = company.userDefaultQuotaOverride;
        if (company.userDefaultQuotaWarn != null) e.userDefaultQuotaWarn = company.userDefaultQuotaWarn;
        if (company.userDefaultQuotaSoft != null) e.userDefaultQuotaSoft = company.userDefaultQuotaSoft;
        if (company.userDefaultQuotaHard != null) e.userDefaultQuotaHard = company.userDefaultQuotaHard;
    }

    @Override
    public CompanyDetails getCompany(String sessionId, String companyName) throws MapiException {
        Caller c = caller(sessionId);
        CompanyDetails e = visibleCompany(c, companyName);
        return view(e, isAdminOf(c, e.companyName));
    }

    @Override
    public void deleteCompany(String sessionId, String companyName) throws MapiException {
        Caller c = caller(sessionId);
        requireSystemAdmin(c);
        CompanyDetails e = visibleCompany(c, companyName);
        String name = e.companyName;
        if (users.values().stream().anyMatch(u -> name.equals(u.company))
                || groups.values().stream().anyMatch(g -> name.equals(g.company))) {
            throw collision("company " + companyName + " still has users or groups; delete them first");
        }
        companies.remove(name);
        publicStores.remove(name);
        remoteViewers.remove(name);
        remoteAdmins.remove(name);
        remoteViewers.values().forEach(l -> l.remove(name));
    }

    /** Not hosted as long as there is no company: the server then has no company list. */
    @Override
    public List<CompanyDetails> getCompanyList(String sessionId) throws MapiException {
        Caller c = caller(sessionId);
        if (!hosted()) {
            throw fault(MapiError.MAPI_E_NO_SUPPORT,
                    "multi-tenancy is disabled; set enable_hosted_zarafa = yes in server.cfg");
        }
        List<CompanyDetails> list = new ArrayList<>();
        for (CompanyDetails e : companies.values()) {
            if (canSeeCompany(c, e.companyName)) list.add(view(e, isAdminOf(c, e.companyName)));
        }
        return list;
    }

    @Override
    public void addCompanyToRemoteViewList(String sessionId, String viewer, String companyName) throws MapiException {
        requireSystemAdmin(caller(sessionId));
        String v = requireCompany(viewer).companyName;
        String company = requireCompany(companyName).companyName;
        if (v.equals(company)) throw invalid("a company always sees itself");
        List<String> list = remoteViewers.computeIfAbsent(company, k -> new ArrayList<>());
        if (!list.contains(v)) list.add(v);
    }

    @Override
    public void delCompanyFromRemoteViewList(String sessionId, String viewer, String companyName)
            throws MapiException {
        requireSystemAdmin(caller(sessionId));
        String v = requireCompany(viewer).companyName;
        String company = requireCompany(companyName).companyName;
        if (!remoteViewers.getOrDefault(company, new ArrayList<>()).remove(v)) {
            throw notFound(viewer + " in the view list of " + companyName);
        }
    }

    @Override
    public List<CompanyDetails> getRemoteViewList(String sessionId, String companyName) throws MapiException {
        Caller c = caller(sessionId);
        CompanyDetails company = visibleCompany(c, companyName);
        requireAdminOf(c, company.companyName);
        List<CompanyDetails> list = new ArrayList<>();
        for (String v : remoteViewers.getOrDefault(company.companyName, List.of())) {
            CompanyDetails e = companies.get(v);
            if (e != null) list.add(view(e, false));
        }
        return list;
    }

    @Override
    public void addUserToRemoteAdminList(String sessionId, String userName, String companyName)
            throws MapiException {
        requireSystemAdmin(caller(sessionId));
        UserDetails u = users.get(userName);
        if (u == null) throw notFound("user " + userName);
        String company = requireCompany(companyName).companyName;
        List<String> list = remoteAdmins.computeIfAbsent(company, k -> new ArrayList<>());
        if (!list.contains(u.userName)) list.add(u.userName);
    }

    @Override
    public void delUserFromRemoteAdminList(String sessionId, String userName, String companyName)
            throws MapiException {
        requireSystemAdmin(caller(sessionId));
        UserDetails u = users.get(userName);
        if (u == null) throw notFound("user " + userName);
        String company = requireCompany(companyName).companyName;
        if (!remoteAdmins.getOrDefault(company, new ArrayList<>()).remove(u.userName)) {
            throw notFound(userName + " in the admin list of " + companyName);
        }
    }

    @Override
    public List<UserDetails> getRemoteAdminList(String sessionId, String companyName) throws MapiException {
        Caller c = caller(sessionId);
        CompanyDetails company = visibleCompany(c, companyName);
        requireAdminOf(c, company.companyName);
        List<UserDetails> list = new ArrayList<>();
        for (String a : remoteAdmins.getOrDefault(company.companyName, List.of())) {
            UserDetails u = users.get(a);
            if (u != null) list.add(view(u, false));
        }
        return list;
    }

    // ---- archives (manual 6.7, ArchiveService) ---------------------------------------------

    /** The folder is the user's name (without the company part of the login) unless given. */
    @Override
    public void attachArchive(String sessionId, String userName, String archiveUser, String folder)
            throws MapiException {
        Caller c = caller(sessionId);
        UserDetails u = visibleUser(c, userName);
        UserDetails a = visibleUser(c, archiveUser);
        requireAdminOf(c, u.company);
        requireAdminOf(c, a.company);
        if (u == a) throw invalid("a user cannot be his own archive");
        if (storeOf(a.userName) == null) throw notFound("the store of archive user " + archiveUser);
        String name = folder == null || folder.isBlank() ? bareName(u) : folder.trim();
        if (name.contains("\n") || name.contains("\t")) throw invalid("folder name");
        Map<String, String> attached = archives.computeIfAbsent(u.userName, k -> new LinkedHashMap<>());
        if (attached.containsKey(a.userName)) throw collision(userName + " is already attached to " + archiveUser);
        attached.put(a.userName, name);
    }

    @Override
    public void detachArchive(String sessionId, String userName, String archiveUser) throws MapiException {
        Caller c = caller(sessionId);
        UserDetails u = visibleUser(c, userName);
        UserDetails a = visibleUser(c, archiveUser);
        requireAdminOf(c, u.company);
        Map<String, String> attached = archives.getOrDefault(u.userName, new LinkedHashMap<>());
        if (attached.remove(a.userName) == null) throw notFound(archiveUser + " is not an archive of " + userName);
    }

    @Override
    public List<ArchiveInfo> listArchives(String sessionId, String userName) throws MapiException {
        Caller c = caller(sessionId);
        UserDetails u = visibleUser(c, userName);
        requireAdminOf(c, u.company);
        List<ArchiveInfo> list = new ArrayList<>();
        archives.getOrDefault(u.userName, Map.of()).forEach((a, f) -> {
            if (users.containsKey(a)) list.add(new ArchiveInfo(a, f));
        });
        return list;
    }

    // ---- not used by the tools -----------------------------------------------------------

    @Override
    public StoreInfo getPublicStore(String sessionId, String companyName) {
        throw new UnsupportedOperationException();
    }

    @Override
    public StoreInfo createStore(String sessionId, String userName) {
        throw new UnsupportedOperationException();
    }

    @Override
    public TableResult queryHierarchy(String sessionId, String folderId, TableQuery query) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String createFolder(String sessionId, String parentId, String name, String containerClass,
            boolean openIfExists) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String copyFolder(String sessionId, String folderId, String destParentId, String newName, boolean move) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void deleteFolder(String sessionId, String folderId, boolean hard) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void emptyFolder(String sessionId, String folderId, boolean hard) {
        throw new UnsupportedOperationException();
    }

    @Override
    public org.zcp.api.soap.DeliveryResult deliverMessage(String sessionId, String recipient, String envelopeFrom,
            jakarta.activation.DataHandler rfc822, String folder, boolean create, boolean markRead) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Integer> getIDsFromNames(String sessionId, List<org.zcp.api.soap.NamedProp> names, boolean create) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<org.zcp.api.soap.NamedProp> getNamesFromIDs(String sessionId, List<Integer> propIds) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String createMessage(String sessionId, String folderId, Message message, boolean associated) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void saveMessage(String sessionId, String messageId, Message message) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Message loadMessage(String sessionId, String messageId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public DataHandler loadAttachment(String sessionId, String messageId, int attachNum) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int saveAttachment(String sessionId, String messageId, int attachNum, List<PropValue> props,
            DataHandler data) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<String> copyMessages(String sessionId, List<String> messageIds, String destFolderId, boolean move) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void deleteMessages(String sessionId, List<String> messageIds, boolean hard) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void setReadFlags(String sessionId, List<String> messageIds, boolean read) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<org.zcp.api.soap.Rule> getRules(String sessionId, String folderId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void setRules(String sessionId, String folderId, List<org.zcp.api.soap.Rule> rules) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void submitMessage(String sessionId, String messageId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void abortSubmit(String sessionId, String messageId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean isMessageInQueue(String sessionId, String messageId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void restoreObjects(String sessionId, List<String> objectIds) {
        throw new UnsupportedOperationException();
    }

    @Override
    public TableResult queryContents(String sessionId, String folderId, TableQuery query) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<AclEntry> getRights(String sessionId, String objectId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void setRights(String sessionId, String objectId, List<AclEntry> acl) {
        throw new UnsupportedOperationException();
    }
}
