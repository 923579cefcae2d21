package org.zcp.store.directory;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.zcp.api.mapi.MapiError;
import org.zcp.api.mapi.ObjectClass;
import org.zcp.store.StoreException;
import org.zcp.store.config.ServerSettings;
import org.zcp.store.entity.DirectoryObject;
import org.zcp.store.entity.ObjectRelation;

/**
 * A user plugin over a directory the server only reads (manual 8.5.1): LDAP or Active Directory,
 * the Unix account files. The server keeps a row per object (the mapping of the object's external
 * id to the local id that stores, ACLs and delegates refer to) and, beside it, the object's
 * attributes as last read: a mirror, refreshed whenever the directory is asked (a logon, a name
 * resolved, a listing with sync_gab_realtime, zarafa-admin --sync). Reads by id (every permission
 * check) use the mirror, and so does everything while the directory cannot answer: logged-on users
 * keep working, new logons fail with a clear error (manual 8.5.1.3).
 *
 * <p>An object met for the first time gets its row and, through {@link DirectoryObjectAdded}, its
 * store and event script, "just in time" (8.5.1). The attributes the plugin owns
 * ({@link #ownedAttributes()}) follow the directory; the others are the server's, given once when
 * the row is made (a Unix user's default address) and changed with zarafa-admin.
 */
public abstract class ExternalUserPlugin implements UserPlugin {
    private static final Logger LOG = Logger.getLogger(ExternalUserPlugin.class.getName());

    /** Relations being brought up to date on this thread: what they name is mirrored without theirs. */
    private static final ThreadLocal<Boolean> RELATING = ThreadLocal.withInitial(() -> false);

    @Inject
    DbUserPlugin mirror;

    @Inject
    ServerSettings settings;

    @Inject
    Event<DirectoryObjectAdded> added;

    @Inject
    Event<DirectoryObjectRemoved> removed;

    @PersistenceContext(unitName = "zarafa")
    EntityManager em;

    @Override
    public boolean writable() {
        return false;
    }

    /** The directory itself. */
    protected abstract ExternalDirectory dir();

    /** "LDAP", "unix": how log lines and reports name the source. */
    protected abstract String label();

    /** This bean through its container, so that its transaction attributes apply to its own calls. */
    protected abstract ExternalUserPlugin self();

    // ---- lookups: the directory first, the mirror when it cannot answer ---------------------------------

    @Override
    public Optional<DirEntry> find(Kind kind, String name, long companyId) {
        try {
            for (ExternalObject o : dir().findByName(kind, name, companyBase(kind, companyId))) {
                if (o.name().equals(name)) return Optional.of(mirror(kind, o));
            }
            return Optional.empty();
        } catch (DirectoryUnavailableException e) {
            LOG.warning(label() + ": " + e.getMessage() + "; looking up " + name + " in the server's copy");
            return mirror.find(kind, name, companyId).filter(this::fromDirectory);
        }
    }

    @Override
    public Optional<DirEntry> findIgnoringCase(Kind kind, String name, long companyId) {
        try {
            List<ExternalObject> found = dir().findByName(kind, name, companyBase(kind, companyId));
            return found.isEmpty() ? Optional.empty() : Optional.of(mirror(kind, found.get(0)));
        } catch (DirectoryUnavailableException e) {
            LOG.warning(label() + ": " + e.getMessage() + "; looking up " + name + " in the server's copy");
            return mirror.findIgnoringCase(kind, name, companyId).filter(this::fromDirectory);
        }
    }

    @Override
    public List<DirEntry> search(String text, int limit) {
        try {
            List<ExternalObject> found = dir().search(text, limit).stream().filter(o -> o.problems().isEmpty()).toList();
            List<DirEntry> out = new ArrayList<>(refresh(Kind.USER, found.stream().filter(o -> o.objectClass().isUser()).toList(),
                    false));
            refresh(Kind.GROUP, found.stream().filter(o -> o.objectClass().isGroup()).toList(), false).stream()
                    .filter(g -> g.id() != Directory.EVERYONE_ID).forEach(out::add);
            return out;
        } catch (DirectoryUnavailableException e) {
            LOG.warning(label() + ": " + e.getMessage() + "; searching the server's copy for " + text);
            return mirror.search(text, limit).stream().filter(this::fromDirectory).toList();
        }
    }

    @Override
    public Optional<DirEntry> get(long id) {
        return mirror.get(id);
    }

    @Override
    public List<DirEntry> list(Kind kind, long companyId) {
        if (!settings.getBool("sync_gab_realtime")) return listMirror(kind, companyId);
        try {
            return refresh(kind, dir().list(kind, companyBase(kind, companyId)), false);
        } catch (DirectoryUnavailableException e) {
            LOG.warning(label() + ": " + e.getMessage() + "; listing the server's copy");
            return listMirror(kind, companyId);
        }
    }

    private List<DirEntry> listMirror(Kind kind, long companyId) {
        return mirror.list(kind, companyId).stream().filter(this::fromDirectory).toList();
    }

    /** Rows of the directory's objects, and those the server makes itself (Everyone, SYSTEM). */
    private boolean fromDirectory(DirEntry e) {
        return e.id() == Directory.EVERYONE_ID || e.id() == Directory.SYSTEM_ID || e.props().containsKey(Attr.SOURCE_DN);
    }

    /**
     * Brings the mirror of a whole listing up to date: new objects get their rows (and stores),
     * changed ones their attributes; the entries are returned in LDAP's order, Everyone first for
     * groups. Objects gone from LDAP are left to zarafa-admin --sync (orphans, manual 8.5.1).
     * {@code lean}: in a transaction of its own (synchronisation), the persistence context is
     * emptied after each object, so that a chunk's hundreds of new stores do not make every flush
     * look at all the rows made before it.
     */
    private List<DirEntry> refresh(Kind kind, List<ExternalObject> objects, boolean lean) {
        Map<String, DirEntry> known = new HashMap<>();
        for (DirEntry e : mirror.byExternIds(kind, objects.stream().map(ExternalObject::externId).toList())) {
            known.put(key(e.externId(), e.objectClass()), e);
        }
        Map<String, Long> companies = companyDns(kind);
        List<DirEntry> out = new ArrayList<>();
        if (kind == Kind.GROUP) mirror.get(Directory.EVERYONE_ID).ifPresent(out::add);
        for (ExternalObject o : objects) {
            if (!o.problems().isEmpty()) {
                LOG.warning(label() + ": " + String.join("; ", o.problems()));
                continue;
            }
            out.add(upsert(kind, o, known.get(key(o.externId(), o.objectClass())), companyId(kind, o, companies)));
            if (lean) {
                em.flush();
                em.clear();
            }
        }
        return out;
    }

    private static String key(String externId, ObjectClass c) {
        return (c.isUser() ? "u:" : c.isGroup() ? "g:" : "c:") + externId;
    }

    /** The mirror entry of one object read from LDAP, made or updated as needed. */
    DirEntry mirror(Kind kind, ExternalObject o) {
        return upsert(kind, o, null, companyId(kind, o, companyDns(kind)));
    }

    private Optional<DirEntry> byExternId(Kind kind, String externId) {
        List<DirectoryObject> rows = em.createQuery("select o from DirectoryObject o where o.externId = :e"
                + " and o.objectClass in :classes", DirectoryObject.class).setParameter("e", externId)
                .setParameter("classes", DbUserPlugin.classesOf(kind)).getResultList();
        return rows.isEmpty() ? Optional.empty() : mirror.get(rows.get(0).id);
    }

    private DirEntry upsert(Kind kind, ExternalObject o, DirEntry known, long companyId) {
        Map<String, String> wanted = new LinkedHashMap<>(o.props());
        wanted.put(Attr.SOURCE_DN, o.dn());
        if (!o.modified().isEmpty()) wanted.put(Attr.MODIFIED, o.modified());
        // a listing's snapshot may predate a row made since, for a relation of an earlier entry
        if (known == null) known = byExternId(kind, o.externId()).orElse(null);
        if (known == null) {
            long id = mirror.create(o.objectClass(), companyId, wanted, o.externId());
            DirEntry e = mirror.get(id).orElseThrow();
            LOG.info(label() + ": new " + describe(o.objectClass()) + " " + o.name() + " (" + o.dn() + ")");
            added.fire(new DirectoryObjectAdded(e));
            return relate(e, o);
        }
        boolean same = known.objectClass() == o.objectClass() && known.companyId() == companyId;
        Map<String, String> changes = new HashMap<>();
        for (Map.Entry<String, String> w : wanted.entrySet()) {
            // what the plugin does not own was the directory's default when the row was made
            if (!ownedAttributes().contains(w.getKey())) continue;
            if (!Objects.equals(known.props().get(w.getKey()), w.getValue())) changes.put(w.getKey(), w.getValue());
        }
        for (String owned : ownedAttributes()) {
            if (known.props().containsKey(owned) && !wanted.containsKey(owned)) changes.put(owned, null);
        }
        if (same && changes.isEmpty()) return known;
        if (!same) {
            DirectoryObject row = em.find(DirectoryObject.class, known.id());
            row.objectClass = o.objectClass().value();
            row.companyId = companyId;
        }
        if (!changes.isEmpty()) mirror.update(known.id(), changes);
        mirror.changed();
        LOG.info(label() + ": " + describe(o.objectClass()) + " " + o.name() + " changed: " + changes.keySet());
        return relate(mirror.get(known.id()).orElseThrow(), o);
    }

    /**
     * The relations an object's entry names, kept where the server looks for them: who may send as
     * a user or contact (zarafaSendAsPrivilege, manual 8.5.2.4), which companies may view a company,
     * who administers it and who is its system administrator (zarafaViewPrivilege,
     * zarafaAdminPrivilege, zarafaSystemAdmin; manual 6.2). Objects named there are mirrored too.
     */
    private DirEntry relate(DirEntry e, ExternalObject o) {
        if (RELATING.get()) return e;
        RELATING.set(true);
        try {
            if (e.isUser()) {
                replaceRelations(e.id(), ObjectRelation.SEND_AS, relatedIds(o, "sendas", Kind.USER, true));
            } else if (e.isCompany()) {
                replaceRelations(e.id(), ObjectRelation.COMPANY_VIEW, relatedIds(o, "company_view", Kind.COMPANY, false));
                replaceRelations(e.id(), ObjectRelation.COMPANY_ADMIN, relatedIds(o, "company_admin", Kind.USER, false));
                List<Long> sysadmin = relatedIds(o, "company_system_admin", Kind.USER, false);
                String wanted = sysadmin.isEmpty() ? null : Long.toString(sysadmin.get(0));
                if (!Objects.equals(e.prop(Attr.SYSADMIN), wanted)) {
                    Map<String, String> change = new HashMap<>();
                    change.put(Attr.SYSADMIN, wanted);
                    mirror.update(e.id(), change);
                    mirror.changed();
                    return mirror.get(e.id()).orElseThrow();
                }
            }
            return e;
        } finally {
            RELATING.set(false);
        }
    }

    private List<Long> relatedIds(ExternalObject o, String relation, Kind kind, boolean groupsToo) {
        List<String> values = o.relations().getOrDefault(relation, List.of());
        if (values.isEmpty()) return List.of();
        List<Long> ids = new ArrayList<>();
        for (ExternalObject r : dir().related(relation, values, kind, groupsToo)) {
            if (!r.problems().isEmpty()) continue;
            ids.add(mirror(r.objectClass().isGroup() ? Kind.GROUP : r.objectClass().isCompany() ? Kind.COMPANY : Kind.USER, r).id());
        }
        return ids;
    }

    /** Relations of {@code type} whose parent is {@code parentId}: exactly {@code objectIds}. */
    private void replaceRelations(long parentId, int type, List<Long> objectIds) {
        Set<Long> before = new HashSet<>(em.createQuery("select r.objectId from ObjectRelation r where r.parentObjectId = :p"
                + " and r.relationType = :t", Long.class).setParameter("p", parentId).setParameter("t", type).getResultList());
        Set<Long> now = new HashSet<>(objectIds);
        if (before.equals(now)) return;
        for (long id : now) {
            if (!before.contains(id)) em.persist(new ObjectRelation(id, parentId, type));
        }
        for (long id : before) {
            if (!now.contains(id)) {
                em.createQuery("delete from ObjectRelation r where r.objectId = :o and r.parentObjectId = :p"
                        + " and r.relationType = :t").setParameter("o", id).setParameter("p", parentId)
                        .setParameter("t", type).executeUpdate();
            }
        }
        mirror.changed();
    }

    private static String describe(ObjectClass c) {
        return c == ObjectClass.NONACTIVE_CONTACT ? "contact" : c.isUser() ? "user" : c.isGroup() ? "group" : "company";
    }

    // ---- companies (manual 6.2): an object belongs to the company its entry is under ------------

    private String companyBase(Kind kind, long companyId) {
        if (!settings.hosted() || kind == Kind.COMPANY || companyId <= 0) return null;
        return mirror.get(companyId).map(c -> c.prop(Attr.SOURCE_DN)).orElse(null);
    }

    /** The companies' DNs and local ids, when objects of this kind belong to companies. */
    private Map<String, Long> companyDns(Kind kind) {
        Map<String, Long> companies = new HashMap<>();
        if (!settings.hosted() || kind == Kind.COMPANY) return companies;
        for (DirEntry c : mirror.list(Kind.COMPANY, -1)) {
            String dn = c.prop(Attr.SOURCE_DN);
            if (dn != null) companies.put(dn, c.id());
        }
        return companies;
    }

    private long companyId(Kind kind, ExternalObject o, Map<String, Long> companies) {
        if (!settings.hosted() || kind == Kind.COMPANY) return 0;
        String dn = org.zcp.store.directory.ldap.LdapDirectory.companyOf(o.dn(), companies.keySet());
        if (dn == null) {
            // a company met through its member first: read the companies now
            try {
                for (ExternalObject c : dir().list(Kind.COMPANY, null)) {
                    if (c.problems().isEmpty()) companies.putIfAbsent(c.dn(), mirror(Kind.COMPANY, c).id());
                }
            } catch (DirectoryUnavailableException e) {
                return 0;
            }
            dn = org.zcp.store.directory.ldap.LdapDirectory.companyOf(o.dn(), companies.keySet());
        }
        return dn == null ? 0 : companies.get(dn);
    }

    @Override
    public Optional<DirEntry> findByAddress(String address) {
        try {
            for (ExternalObject o : dir().byAddress(address)) {
                if (!o.problems().isEmpty()) continue;
                if (o.objectClass().isUser()) return Optional.of(mirror(Kind.USER, o));
                if (o.objectClass().isGroup()) return Optional.of(mirror(Kind.GROUP, o));
            }
        } catch (DirectoryUnavailableException e) {
            LOG.warning(label() + ": " + e.getMessage() + "; " + address + " is not known to the server's copy");
        }
        return Optional.empty();
    }

    @Override
    public boolean servesDomain(String domain) {
        try {
            return dir().hasAddressIn(domain);
        } catch (DirectoryUnavailableException e) {
            LOG.warning(label() + ": " + e.getMessage() + "; domain " + domain + " is not known to the server's copy");
            return false;
        }
    }

    @Override
    public List<String> addressListNames() {
        try {
            return dir().addressLists().stream().filter(o -> o.problems().isEmpty()).map(ExternalObject::name).toList();
        } catch (DirectoryUnavailableException e) {
            LOG.warning(label() + ": " + e.getMessage() + "; no address lists");
            return List.of();
        }
    }

    @Override
    public Optional<List<DirEntry>> addressListMembers(String name) {
        for (ExternalObject list : dir().addressLists()) {
            if (!list.problems().isEmpty() || !list.name().equals(name)) continue;
            List<ExternalObject> members = dir().addressListMembers(list).stream().filter(o -> o.problems().isEmpty()).toList();
            return Optional.of(refresh(Kind.USER, members, false));
        }
        return Optional.empty();
    }

    // ---- logon ----------------------------------------------------------------------------------

    /**
     * The user is read again (a user removed or renamed in LDAP no longer logs on with the old
     * entry) and the password checked by LDAP; the groups the user is in are brought up to date
     * on the way. An unreachable LDAP server is an error, not a wrong password.
     */
    @Override
    public boolean authenticate(long userId, String password) {
        DirEntry e = directoryUser(userId);
        if (e == null) return false;
        try {
            Optional<ExternalObject> o = current(e);
            if (o.isEmpty() || !dir().authenticate(o.get(), password)) return false;
            refreshGroups(userId, o.get());
            return true;
        } catch (DirectoryUnavailableException ex) {
            throw new StoreException(MapiError.MAPI_E_NETWORK_ERROR, "the password of " + e.name()
                    + " cannot be checked now: " + ex.getMessage());
        }
    }

    /** After a logon Elytron's ldap-realm checked: the user and the groups it is in, read again. */
    @Override
    public void loggedOn(long userId) {
        DirEntry e = directoryUser(userId);
        if (e == null) return;
        try {
            current(e).ifPresent(o -> refreshGroups(userId, o));
        } catch (DirectoryUnavailableException ex) {
            LOG.warning(label() + ": " + ex.getMessage() + "; the groups of " + e.name() + " stay as they were");
        }
    }

    /** The server's copy of a user this plugin's directory owns; null for SYSTEM and the server's own objects. */
    private DirEntry directoryUser(long userId) {
        DirEntry e = mirror.get(userId).orElse(null);
        return e == null || !fromDirectory(e) || e.id() == Directory.SYSTEM_ID ? null : e;
    }

    /** The user's entry as the directory has it now, mirrored (a removed user: empty). */
    private Optional<ExternalObject> current(DirEntry e) {
        Optional<ExternalObject> o = dir().byExternId(Kind.USER, e.externId());
        o.ifPresent(x -> mirror(Kind.USER, x));
        return o;
    }

    // ---- groups ---------------------------------------------------------------------------------

    @Override
    public List<Long> groupsOf(long userId) {
        return mirror.groupsOf(userId);
    }

    @Override
    public List<Long> membersOf(long groupId) {
        DirEntry g = mirror.get(groupId).orElse(null);
        if (g == null || !fromDirectory(g) || groupId == Directory.EVERYONE_ID) return mirror.membersOf(groupId);
        try {
            Optional<ExternalObject> o = dir().byExternId(Kind.GROUP, g.externId());
            if (o.isEmpty()) return List.of();
            List<ExternalObject> members = dir().members(o.get()).stream().filter(m -> m.problems().isEmpty()).toList();
            List<Long> ids = refresh(Kind.USER, members, false).stream().map(DirEntry::id).toList();
            if (o.get().objectClass() != ObjectClass.DISTLIST_DYNAMIC) replaceRelations(groupId, ObjectRelation.GROUP_MEMBER, ids);
            return ids;
        } catch (DirectoryUnavailableException e) {
            LOG.warning(label() + ": " + e.getMessage() + "; members of " + g.name() + " as last read");
            return mirror.membersOf(groupId);
        }
    }

    /** The user's groups as LDAP has them now, kept in the mirror for permission checks. */
    void refreshGroups(long userId, ExternalObject user) {
        Set<Long> now = new HashSet<>();
        for (ExternalObject g : dir().groupsOf(user)) {
            if (g.problems().isEmpty()) now.add(mirror(Kind.GROUP, g).id());
        }
        Set<Long> before = new HashSet<>(mirror.groupsOf(userId));
        for (long g : now) if (!before.contains(g)) mirror.addMember(g, userId);
        for (long g : before) if (!now.contains(g) && g != Directory.EVERYONE_ID) mirror.removeMember(g, userId);
        if (!now.equals(before)) mirror.changed();
    }

    // ---- zarafa-admin --sync (manual 8.5.1) ------------------------------------------------------

    /**
     * Reads every company (hosted), user, contact and group from LDAP, makes what is new (stores
     * included), updates what changed, refreshes the members of every group, and removes what LDAP
     * no longer has, its stores becoming orphans; with user_safe_mode the removals are only
     * reported (manual 4.4, server.cfg). Problems of single entries (no name, an address two
     * objects claim) are reported per entry and the rest goes on. Returns the report, one line
     * per finding.
     */
    @jakarta.annotation.Resource
    jakarta.ejb.SessionContext context;

    /** Objects per transaction of a synchronisation: a 10,000-user directory is not one transaction. */
    static final int SYNC_CHUNK = 100;

    @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.NOT_SUPPORTED)
    public List<String> synchronise() {
        ExternalUserPlugin self = self();
        List<String> report = new ArrayList<>();
        boolean safe = settings.getBool("user_safe_mode");
        int created = 0;
        int removedCount = 0;
        List<Kind> kinds = settings.hosted() ? List.of(Kind.COMPANY, Kind.USER, Kind.GROUP) : List.of(Kind.USER, Kind.GROUP);
        for (Kind kind : kinds) {
            List<ExternalObject> objects = dir().list(kind, null);
            Set<String> present = new HashSet<>();
            Map<String, String> addresses = new HashMap<>();
            List<ExternalObject> usable = new ArrayList<>();
            for (ExternalObject o : objects) {
                if (!o.problems().isEmpty()) {
                    o.problems().forEach(p -> report.add("skipped: " + p));
                    continue;
                }
                String email = o.props().getOrDefault(Attr.EMAIL, "").toLowerCase(java.util.Locale.ROOT);
                String other = email.isEmpty() ? null : addresses.putIfAbsent(email, o.dn());
                if (other != null) {
                    report.add("duplicate address: " + email + " is claimed by " + other + " and " + o.dn()
                            + "; mail goes to the first");
                }
                present.add(key(o.externId(), o.objectClass()));
                usable.add(o);
            }
            List<Long> groups = new ArrayList<>();
            for (int i = 0; i < usable.size(); i += SYNC_CHUNK) {
                List<ExternalObject> chunk = usable.subList(i, Math.min(usable.size(), i + SYNC_CHUNK));
                try {
                    SyncChunk done = self.syncChunk(kind, chunk);
                    created += done.created();
                    groups.addAll(done.groups());
                } catch (RuntimeException e) {
                    report.add("not synchronised: " + chunk.size() + " " + kind.name().toLowerCase(java.util.Locale.ROOT)
                            + "s from " + chunk.get(0).dn() + ": " + e.getMessage());
                }
            }
            for (int i = 0; i < groups.size(); i += SYNC_CHUNK) {
                self.syncMembers(groups.subList(i, Math.min(groups.size(), i + SYNC_CHUNK)));
            }
            for (String line : self.removeMissing(kind, present, safe)) {
                if (line.startsWith("removed ")) removedCount++;
                report.add(line);
            }
        }
        report.add(0, "synchronised with " + label() + ": " + created + " new, " + removedCount + " removed");
        return report;
    }

    /** What one chunk of a synchronisation made: how many rows, and the groups among them. */
    public record SyncChunk(int created, List<Long> groups) {
    }

    @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.REQUIRES_NEW)
    public SyncChunk syncChunk(Kind kind, List<ExternalObject> chunk) {
        int before = countRows(kind);
        List<Long> groups = new ArrayList<>();
        for (DirEntry e : refresh(kind, chunk, true)) {
            if (e.isGroup() && e.id() != Directory.EVERYONE_ID && e.objectClass() != ObjectClass.DISTLIST_DYNAMIC) {
                groups.add(e.id());
            }
        }
        return new SyncChunk(Math.max(0, countRows(kind) - before), groups);
    }

    private int countRows(Kind kind) {
        return em.createQuery("select count(o) from DirectoryObject o where o.objectClass in :classes", Long.class)
                .setParameter("classes", DbUserPlugin.classesOf(kind)).getSingleResult().intValue();
    }

    @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.REQUIRES_NEW)
    public void syncMembers(List<Long> groupIds) {
        for (long g : groupIds) membersOf(g);
    }

    /** Objects of a kind the server has from LDAP that LDAP no longer has: removed, or reported in safe mode. */
    @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.REQUIRES_NEW)
    public List<String> removeMissing(Kind kind, Set<String> present, boolean safe) {
        List<String> report = new ArrayList<>();
        for (DirEntry e : mirror.list(kind, -1)) {
            if (!fromDirectory(e) || e.id() == Directory.EVERYONE_ID || e.id() == Directory.SYSTEM_ID) continue;
            if (present.contains(key(e.externId(), e.objectClass()))) continue;
            if (safe) {
                report.add("user_safe_mode: not removing " + describe(e.objectClass()) + " " + e.name() + " ("
                        + e.prop(Attr.SOURCE_DN) + "), which " + label() + " no longer has");
                continue;
            }
            removed.fire(new DirectoryObjectRemoved(e));
            mirror.delete(e.id());
            report.add("removed " + describe(e.objectClass()) + " " + e.name() + " (" + e.prop(Attr.SOURCE_DN)
                    + "): no longer in " + label());
        }
        return report;
    }

    // ---- changes: only what the server keeps beside LDAP ----------------------------------------

    private StoreException readOnly() {
        return new StoreException(MapiError.MAPI_E_NO_SUPPORT,
                "the " + name() + " user plugin only reads its directory: change users, groups and companies there");
    }

    @Override
    public long create(ObjectClass objectClass, long companyId, Map<String, String> attributes) {
        throw readOnly();
    }

    @Override
    public void update(long id, Map<String, String> attributes) {
        for (String k : attributes.keySet()) {
            if (ownedAttributes().contains(k)) {
                throw new StoreException(MapiError.MAPI_E_NO_SUPPORT, "'" + k + "' comes from " + label() + ": change it there");
            }
        }
        mirror.update(id, attributes);
    }

    @Override
    public void delete(long id) {
        throw readOnly();
    }

    @Override
    public void addMember(long groupId, long userId) {
        throw readOnly();
    }

    @Override
    public void removeMember(long groupId, long userId) {
        throw readOnly();
    }
}
