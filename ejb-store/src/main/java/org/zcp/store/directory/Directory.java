package org.zcp.store.directory;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.zcp.api.mapi.MapiError;
import org.zcp.store.StoreException;
import org.zcp.store.config.ServerSettings;
import org.zcp.store.directory.UserPlugin.Kind;
import org.zcp.store.entity.ObjectRelation;
import org.zcp.store.entity.ObjectRelationId;
import org.zcp.store.session.Session;

/**
 * Users, groups and companies as the rest of the server sees them: names resolved with
 * {@code loginname_format} (manual 6.2.2.2), the group Everyone, tenant visibility (manual 6.2)
 * and administrator levels (manual 6.2.6), on top of the configured user plugin.
 */
@Stateless
public class Directory {
    public static final long EVERYONE_ID = 1;
    public static final long SYSTEM_ID = Session.SYSTEM_ID;

    @Inject
    ServerSettings settings;

    @Inject
    DbUserPlugin dbPlugin;

    @Inject
    DirectoryCache cache;

    @Inject
    jakarta.enterprise.inject.Instance<LdapUserPlugin> ldapPlugin;

    @Inject
    jakarta.enterprise.inject.Instance<UnixUserPlugin> unixPlugin;

    @PersistenceContext(unitName = "zarafa")
    EntityManager em;

    private UserPlugin plugin;

    @PostConstruct
    void init() {
        String name = settings.get("user_plugin").toLowerCase(Locale.ROOT);
        plugin = switch (name) {
            case "db" -> dbPlugin;
            case "ldap" -> ldapPlugin.get();
            case "unix" -> unixPlugin.get();
            default -> throw new IllegalStateException("user_plugin '" + name + "' is not available in this build;"
                    + " use db, unix or ldap");
        };
    }

    public UserPlugin plugin() {
        return plugin;
    }

    // ---- names and companies -----------------------------------------------------------------

    /** A login name split by loginname_format into user name and company name (null when none). */
    public record LoginName(String user, String company) {
    }

    public LoginName parse(String loginName) {
        if (loginName == null) loginName = "";
        if (!settings.hosted()) return new LoginName(loginName, null);
        String format = settings.get("loginname_format");
        int u = format.indexOf("%u");
        int c = format.indexOf("%c");
        if (u < 0 || c < 0) return new LoginName(loginName, null);
        // the separator is the literal text between %u and %c (e.g. "@" in %u@%c)
        String sep = u < c ? format.substring(u + 2, c) : format.substring(c + 2, u);
        if (sep.isEmpty()) return new LoginName(loginName, null);
        int at = u < c ? loginName.lastIndexOf(sep) : loginName.indexOf(sep);
        if (at < 0) return new LoginName(loginName, null);
        String first = loginName.substring(0, at);
        String second = loginName.substring(at + sep.length());
        return u < c ? new LoginName(first, second) : new LoginName(second, first);
    }

    private static final long NO_SUCH_COMPANY = -2;

    /** The company a name is looked up in: 0 single-tenant, -1 any, NO_SUCH_COMPANY when unknown. */
    private long companyScope(LoginName n) {
        if (!settings.hosted()) return 0;
        if (n.company() == null) return -1;
        return findCompany(n.company()).map(DirEntry::id).orElse(NO_SUCH_COMPANY);
    }

    /** In hosted mode with %c in loginname_format, a name without its company is ambiguous. */
    private boolean needsCompany(LoginName n) {
        return settings.hosted() && n.company() == null && settings.get("loginname_format").contains("%c");
    }

    /** The login name of a user as loginname_format prints it. */
    public String loginName(DirEntry user) {
        if (!settings.hosted() || user.companyId() == 0) return user.name();
        String company = companyName(user.companyId());
        return settings.get("loginname_format").replace("%u", user.name()).replace("%c", company);
    }

    public String companyName(long companyId) {
        if (companyId == 0) return "Default";
        return plugin.get(companyId).map(DirEntry::name).orElse("?");
    }

    public Optional<DirEntry> findCompany(String name) {
        if (name == null || name.isEmpty()) return Optional.empty();
        return plugin.find(Kind.COMPANY, name, -1);
    }

    public DirEntry requireCompany(String name) {
        return findCompany(name).orElseThrow(() -> StoreException.notFound("company " + name));
    }

    // ---- lookups ------------------------------------------------------------------------------

    /** The user of a login name, matched exactly: login names are case sensitive (manual 8.3.1). */
    public Optional<DirEntry> findUser(String loginName) {
        return findUser(loginName, false);
    }

    /** A user whose login name equals this one but for case: a new name like it is refused. */
    public Optional<DirEntry> findUserIgnoringCase(String loginName) {
        return findUser(loginName, true);
    }

    private Optional<DirEntry> findUser(String loginName, boolean ignoringCase) {
        LoginName n = parse(loginName);
        if (needsCompany(n)) return "SYSTEM".equals(loginName) ? plugin.get(SYSTEM_ID) : Optional.empty();
        long company = companyScope(n);
        if (company == NO_SUCH_COMPANY) return Optional.empty();
        Optional<DirEntry> e = ignoringCase ? plugin.findIgnoringCase(Kind.USER, n.user(), company)
                : plugin.find(Kind.USER, n.user(), company);
        if (e.isEmpty() && "SYSTEM".equals(loginName)) return plugin.get(SYSTEM_ID);
        return e;
    }

    /**
     * The user an address delivers to: the primary email address (any company; addresses are
     * unique across tenants), else the login name.
     */
    public Optional<DirEntry> findUserByAddress(String address) {
        if (address == null || address.isBlank()) return Optional.empty();
        String a = address.trim();
        if (a.startsWith("<") && a.endsWith(">")) a = a.substring(1, a.length() - 1);
        // addresses compare without case (manual 8.3.1), so the cache's key does too
        String key = a.toLowerCase(Locale.ROOT);
        boolean mine = cache.changedHere();
        Long known = mine ? null : cache.userOfAddress(key);
        if (known != null) {
            Optional<DirEntry> e = plugin.get(known);
            if (e.isPresent() && e.get().isUser()) return e;
        }
        Optional<DirEntry> found = lookUpAddress(a);
        if (found.isEmpty()) return findUser(a); // a login name: case sensitive, not kept as an address
        if (!mine) cache.putAddress(key, found.get().id());
        return found;
    }

    private Optional<DirEntry> lookUpAddress(String a) {
        for (long id : idsWithAddress(a)) {
            Optional<DirEntry> e = plugin.get(id);
            if (e.isPresent() && e.get().isUser() && id != SYSTEM_ID) return e;
        }
        // an external directory's user whom the server has not met yet (or an alias)
        return plugin.findByAddress(a).filter(DirEntry::isUser);
    }

    /** Objects whose primary address is {@code a}, compared without case. */
    private List<Long> idsWithAddress(String a) {
        // the (propname, val) index answers an exact match; most addresses are stored and asked for
        // as written or in lower case, and only the rest needs the case-insensitive scan
        List<Long> ids = em.createQuery("select p.objectId from ObjectProperty p where p.propName = :n"
                + " and p.value in (:v, :lower)", Long.class).setParameter("n", Attr.EMAIL).setParameter("v", a)
                .setParameter("lower", a.toLowerCase(Locale.ROOT)).getResultList();
        if (ids.isEmpty()) {
            ids = em.createQuery("select p.objectId from ObjectProperty p where p.propName = :n"
                    + " and lower(p.value) = lower(:v)", Long.class).setParameter("n", Attr.EMAIL).setParameter("v", a)
                    .getResultList();
        }
        return ids;
    }

    /**
     * The group an address names (its primary address, or an alias the plugin knows): mail to it
     * goes to its members (manual 8.3.6, 8.5.2.2: security and distribution groups alike receive
     * mail). Everyone has no address.
     */
    public Optional<DirEntry> findGroupByAddress(String address) {
        if (address == null || address.isBlank()) return Optional.empty();
        String a = address.trim();
        if (a.startsWith("<") && a.endsWith(">")) a = a.substring(1, a.length() - 1);
        if (a.indexOf('@') <= 0) return Optional.empty();
        for (long id : idsWithAddress(a)) {
            Optional<DirEntry> e = plugin.get(id);
            if (e.isPresent() && e.get().isGroup() && id != EVERYONE_ID) return e;
        }
        return plugin.findByAddress(a).filter(DirEntry::isGroup);
    }

    /**
     * The users mail to a group reaches: its members and the members of the groups among them,
     * each once (a cycle of groups ends where it closes), without contacts, which have no store.
     */
    public List<DirEntry> recipientsOfGroup(long groupId) {
        java.util.Map<Long, DirEntry> users = new java.util.LinkedHashMap<>();
        Set<Long> seen = new java.util.HashSet<>();
        java.util.Deque<Long> todo = new java.util.ArrayDeque<>(List.of(groupId));
        while (!todo.isEmpty()) {
            long g = todo.poll();
            if (!seen.add(g)) continue;
            for (DirEntry m : membersOf(g)) {
                if (m.isGroup()) todo.add(m.id());
                else if (m.isUser() && m.objectClass() != org.zcp.api.mapi.ObjectClass.NONACTIVE_CONTACT
                        && m.id() != SYSTEM_ID) users.putIfAbsent(m.id(), m);
            }
        }
        return new ArrayList<>(users.values());
    }

    /** Whether some user's primary address is in {@code domain} (mail for it is ours to deliver). */
    public boolean isLocalDomain(String domain) {
        if (domain == null || domain.isBlank() || domain.contains("%") || domain.contains("_")) return false;
        return !em.createQuery("select p.objectId from ObjectProperty p where p.propName = :n"
                + " and lower(p.value) like :v", Long.class).setParameter("n", Attr.EMAIL)
                .setParameter("v", "%@" + domain.trim().toLowerCase(java.util.Locale.ROOT)).setMaxResults(1)
                .getResultList().isEmpty() || plugin.servesDomain(domain.trim());
    }

    public DirEntry requireUser(String loginName) {
        return findUser(loginName).orElseThrow(() -> StoreException.notFound("user " + loginName));
    }

    public Optional<DirEntry> findGroup(String name) {
        if ("Everyone".equalsIgnoreCase(name)) return plugin.get(EVERYONE_ID);
        LoginName n = parse(name);
        if (needsCompany(n)) return Optional.empty();
        long company = companyScope(n);
        if (company == NO_SUCH_COMPANY) return Optional.empty();
        return plugin.find(Kind.GROUP, n.user(), company);
    }

    public DirEntry requireGroup(String name) {
        return findGroup(name).orElseThrow(() -> StoreException.notFound("group " + name));
    }

    public Optional<DirEntry> get(long id) {
        return plugin.get(id);
    }

    public DirEntry require(long id) {
        return plugin.get(id).orElseThrow(() -> StoreException.notFound("directory object " + id));
    }

    /** Users of a company (-1: all), without the internal SYSTEM user. */
    public List<DirEntry> users(long companyId) {
        return plugin.list(Kind.USER, companyId).stream().filter(e -> e.id() != SYSTEM_ID).toList();
    }

    /** Groups of a company (-1: all), Everyone first. */
    public List<DirEntry> groups(long companyId) {
        return plugin.list(Kind.GROUP, companyId);
    }

    public List<DirEntry> companies() {
        return plugin.list(Kind.COMPANY, -1);
    }

    /** Every group the user is in, Everyone included (manual 8.3.6: every user is in Everyone). */
    public Set<Long> groupIdsOf(long userId) {
        Set<Long> ids = new LinkedHashSet<>();
        ids.add(EVERYONE_ID);
        ids.addAll(plugin.groupsOf(userId));
        return ids;
    }

    public List<DirEntry> membersOf(long groupId) {
        List<DirEntry> out = new ArrayList<>();
        if (groupId == EVERYONE_ID) {
            return users(-1);
        }
        for (long id : plugin.membersOf(groupId)) {
            plugin.get(id).ifPresent(out::add);
        }
        return out;
    }

    // ---- relations: send-as, company view and admin lists ------------------------------------

    public List<Long> related(long parentId, int type) {
        return em.createQuery("select r.objectId from ObjectRelation r where r.parentObjectId = :p and r.relationType = :t"
                + " order by r.objectId", Long.class).setParameter("p", parentId).setParameter("t", type)
                .getResultList();
    }

    public List<Long> relatedFrom(long objectId, int type) {
        return em.createQuery("select r.parentObjectId from ObjectRelation r where r.objectId = :o and r.relationType = :t",
                Long.class).setParameter("o", objectId).setParameter("t", type).getResultList();
    }

    public boolean hasRelation(long objectId, long parentId, int type) {
        ObjectRelationId key = new ObjectRelationId();
        key.objectId = objectId;
        key.parentObjectId = parentId;
        key.relationType = type;
        return em.find(ObjectRelation.class, key) != null;
    }

    public void addRelation(long objectId, long parentId, int type) {
        if (!hasRelation(objectId, parentId, type)) em.persist(new ObjectRelation(objectId, parentId, type));
    }

    public boolean removeRelation(long objectId, long parentId, int type) {
        return em.createQuery("delete from ObjectRelation r where r.objectId = :o and r.parentObjectId = :p"
                + " and r.relationType = :t").setParameter("o", objectId).setParameter("p", parentId)
                .setParameter("t", type).executeUpdate() > 0;
    }

    // ---- tenant boundaries and administrator rights ------------------------------------------

    /**
     * A user by login name (any case) or e-mail address, of a company the session may see; empty
     * otherwise: whose calendars another user's CalDAV home shows, and whose principal.
     */
    public Optional<DirEntry> visibleUser(Session s, String nameOrAddress) {
        String name = nameOrAddress == null ? "" : nameOrAddress.trim();
        Optional<DirEntry> e = findUserIgnoringCase(name);
        if (e.isEmpty() && name.contains("@")) e = findUserByAddress(name);
        return e.filter(DirEntry::isUser).filter(u -> canSeeCompany(s, u.companyId()));
    }

    /** Whether the session may see objects of the company (its own, or one it has view rights on). */
    public boolean canSeeCompany(Session s, long companyId) {
        if (s.isSystem() || s.adminLevel() >= 2 || !settings.hosted()) return true;
        if (companyId == s.companyId()) return true;
        return hasRelation(s.companyId(), companyId, ObjectRelation.COMPANY_VIEW)
                || hasRelation(s.userId(), companyId, ObjectRelation.COMPANY_ADMIN);
    }

    /** Whether the session administers the company: system admins all, company admins their own. */
    public boolean isAdminOf(Session s, long companyId) {
        if (s.isSystem() || s.adminLevel() >= 2) return true;
        if (!settings.hosted()) return s.adminLevel() >= 1;
        if (s.adminLevel() >= 1 && companyId == s.companyId()) return true;
        return hasRelation(s.userId(), companyId, ObjectRelation.COMPANY_ADMIN);
    }

    /**
     * Whether the session administers this user: admin of the user's company, and in hosted mode
     * never over someone of a higher level, so a company administrator (level 1, or a remote
     * administrator of the company) cannot impersonate, re-password, change or delete a system
     * administrator (level 2) who lives in that company (review finding 3).
     */
    public boolean isAdminOver(Session s, DirEntry user) {
        if (!isAdminOf(s, user.companyId())) return false;
        if (s.isSystem() || s.adminLevel() >= 2 || !settings.hosted()) return true;
        return user.adminLevel() < 2;
    }

    public void requireAdminOver(Session s, DirEntry user) {
        if (!isAdminOver(s, user)) {
            throw new StoreException(MapiError.MAPI_E_NO_ACCESS, "administrator rights over this user required");
        }
    }

    public void requireAdminOf(Session s, long companyId) {
        if (!isAdminOf(s, companyId)) {
            throw new StoreException(MapiError.MAPI_E_NO_ACCESS, "administrator rights required");
        }
    }

    public void requireSystemAdmin(Session s) {
        if (!(s.isSystem() || s.adminLevel() >= 2 || (!settings.hosted() && s.adminLevel() >= 1))) {
            throw new StoreException(MapiError.MAPI_E_NO_ACCESS, "system administrator rights required");
        }
    }

    /** Active and non-active users (manual 1.5.4): since 6.40 a user can switch in place. */
    public void changeClass(long id, org.zcp.api.mapi.ObjectClass cls) {
        org.zcp.store.entity.DirectoryObject o = em.find(org.zcp.store.entity.DirectoryObject.class, id);
        if (o == null) throw StoreException.notFound("directory object " + id);
        o.objectClass = cls.value();
        dbPlugin.changed();
    }

    /** Server-kept attribute update for any plugin (quota, admin level, features, logon times). */
    public void setAttributes(long id, Map<String, String> attributes) {
        plugin.update(id, attributes);
    }
}
