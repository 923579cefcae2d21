package org.zcp.store.directory;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.zcp.api.mapi.ObjectClass;
import org.zcp.store.entity.DirectoryObject;
import org.zcp.store.entity.ObjectProperty;
import org.zcp.store.entity.ObjectPropertyId;
import org.zcp.store.entity.ObjectRelation;
import org.zcp.store.entity.ObjectRelationId;
import org.zcp.store.session.PasswordHash;

/**
 * The db user plugin (manual 4.4.1): users, groups and companies live in the server's own
 * database and are managed with zarafa-admin.
 */
@jakarta.ejb.Stateless
@jakarta.ejb.LocalBean
public class DbUserPlugin implements UserPlugin {

    @PersistenceContext(unitName = "zarafa")
    EntityManager em;

    @Override
    public String name() {
        return "db";
    }

    @Override
    public boolean writable() {
        return true;
    }

    @Override
    public Set<String> ownedAttributes() {
        return Set.of(Attr.NAME, Attr.FULLNAME, Attr.EMAIL, Attr.PASSWORD);
    }

    static List<Integer> classesOf(Kind kind) {
        List<Integer> out = new ArrayList<>();
        for (ObjectClass c : ObjectClass.values()) {
            boolean match = switch (kind) {
                case USER -> c.isUser();
                case GROUP -> c.isGroup();
                case COMPANY -> c.isCompany();
            };
            if (match) out.add(c.value());
        }
        return out;
    }

    /** manual 8.3.1: "all fields except the email address are case sensitive". */
    @Override
    public Optional<DirEntry> find(Kind kind, String name, long companyId) {
        // the query compares without case (MariaDB's collation would anyway); the exact name is picked here
        return candidates(kind, name, companyId).stream().map(this::toEntry).filter(e -> e.name().equals(name))
                .findFirst();
    }

    @Override
    public Optional<DirEntry> findIgnoringCase(Kind kind, String name, long companyId) {
        List<DirectoryObject> found = candidates(kind, name, companyId);
        return found.isEmpty() ? Optional.empty() : Optional.of(toEntry(found.get(0)));
    }

    private List<DirectoryObject> candidates(Kind kind, String name, long companyId) {
        String jpql = "select o from DirectoryObject o, ObjectProperty p where p.objectId = o.id and p.propName = 'name'"
                + " and lower(p.value) = lower(:name) and o.objectClass in :classes"
                + (companyId >= 0 && kind != Kind.COMPANY ? " and o.companyId = :company" : "");
        var q = em.createQuery(jpql, DirectoryObject.class).setParameter("name", name)
                .setParameter("classes", classesOf(kind));
        if (companyId >= 0 && kind != Kind.COMPANY) q.setParameter("company", companyId);
        return q.getResultList();
    }

    @Override
    public List<DirEntry> search(String text, int limit) {
        if (text == null || text.isBlank()) return List.of();
        String like = text.trim().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
        List<Long> ids = em.createQuery("select distinct p.objectId from ObjectProperty p where p.propName in"
                + " ('name', 'fullname', 'email', 'aliases') and lower(p.value) like :v escape '\\'", Long.class)
                .setParameter("v", like).setMaxResults(limit).getResultList();
        // a word of the full name ("Doe" in "John Doe")
        if (ids.size() < limit) {
            List<Long> more = em.createQuery("select distinct p.objectId from ObjectProperty p where p.propName = 'fullname'"
                    + " and lower(p.value) like :v escape '\\'", Long.class).setParameter("v", "% " + like)
                    .setMaxResults(limit).getResultList();
            for (long id : more) if (!ids.contains(id) && ids.size() < limit) ids = append(ids, id);
        }
        List<DirEntry> out = new ArrayList<>();
        for (long id : ids) get(id).filter(e -> e.isUser() || e.isGroup()).ifPresent(out::add);
        return out;
    }

    private static List<Long> append(List<Long> list, long id) {
        List<Long> out = new ArrayList<>(list);
        out.add(id);
        return out;
    }

    @jakarta.annotation.Resource
    jakarta.transaction.TransactionSynchronizationRegistry registry;

    /** Entries read in this transaction (a delivery asks for its user several times). */
    static final String CACHE = "zcp.directory.entries";

    @jakarta.inject.Inject
    DirectoryCache shared;

    @Override
    public Optional<DirEntry> get(long id) {
        Map<Long, Optional<DirEntry>> cache = org.zcp.store.cache.TxCache.of(registry, CACHE);
        if (cache != null && cache.containsKey(id)) return cache.get(id);
        // a transaction that changed the directory reads its own writes, and keeps them to itself
        boolean mine = shared.changedHere();
        DirEntry kept = mine ? null : shared.entry(id);
        if (kept != null) return Optional.of(kept);
        DirectoryObject o = em.find(DirectoryObject.class, id);
        Optional<DirEntry> e = o == null ? Optional.empty() : Optional.of(toEntry(o));
        if (cache != null) cache.put(id, e);
        if (!mine) e.ifPresent(shared::putEntry);
        return e;
    }

    /** After any change to directory objects in this transaction. */
    public void changed() {
        changed(-1, true);
    }

    /** After a change of object {@code id} (-1: of any); {@code all}: names or addresses changed too. */
    void changed(long id, boolean all) {
        org.zcp.store.cache.TxCache.clear(registry, CACHE);
        shared.changed(all ? null : id);
    }

    @Override
    public List<DirEntry> list(Kind kind, long companyId) {
        String jpql = "select o from DirectoryObject o where o.objectClass in :classes"
                + (companyId >= 0 && kind != Kind.COMPANY ? " and o.companyId = :company" : "") + " order by o.id";
        var q = em.createQuery(jpql, DirectoryObject.class).setParameter("classes", classesOf(kind));
        if (companyId >= 0 && kind != Kind.COMPANY) q.setParameter("company", companyId);
        List<DirectoryObject> objects = q.getResultList();
        Map<Long, Map<String, String>> props = propsOf(objects.stream().map(o -> o.id).toList());
        List<DirEntry> out = new ArrayList<>();
        for (DirectoryObject o : objects) {
            out.add(new DirEntry(o.id, o.externId, ObjectClass.of(o.objectClass), o.companyId,
                    props.getOrDefault(o.id, Map.of())));
        }
        return out;
    }

    @Override
    public boolean authenticate(long userId, String password) {
        ObjectProperty p = em.find(ObjectProperty.class, new ObjectPropertyId(userId, Attr.PASSWORD));
        return p != null && PasswordHash.verify(password, p.value);
    }

    @Override
    public List<Long> groupsOf(long userId) {
        return em.createQuery("select r.parentObjectId from ObjectRelation r where r.objectId = :id and r.relationType = "
                + ObjectRelation.GROUP_MEMBER, Long.class).setParameter("id", userId).getResultList();
    }

    @Override
    public List<Long> membersOf(long groupId) {
        return em.createQuery("select r.objectId from ObjectRelation r where r.parentObjectId = :id and r.relationType = "
                + ObjectRelation.GROUP_MEMBER + " order by r.objectId", Long.class).setParameter("id", groupId)
                .getResultList();
    }

    @Override
    public long create(ObjectClass objectClass, long companyId, Map<String, String> attributes) {
        return create(objectClass, companyId, attributes, UUID.randomUUID().toString());
    }

    /** A row under an external directory's id (its unique attribute): the ldap plugin's mirror. */
    public long create(ObjectClass objectClass, long companyId, Map<String, String> attributes, String externId) {
        changed();
        DirectoryObject o = new DirectoryObject();
        o.externId = externId;
        o.objectClass = objectClass.value();
        o.companyId = companyId;
        em.persist(o);
        em.flush();
        update(o.id, attributes);
        return o.id;
    }

    @Override
    public void update(long id, Map<String, String> attributes) {
        // a logon's time stamp changes one entry, not the directory: the rest stays cached
        changed(id, attributes.containsKey(Attr.EMAIL) || attributes.containsKey(Attr.NAME));
        for (Map.Entry<String, String> e : attributes.entrySet()) {
            String value = e.getValue();
            if (Attr.PASSWORD.equals(e.getKey()) && value != null) {
                value = PasswordHash.hash(value);
            }
            ObjectProperty p = em.find(ObjectProperty.class, new ObjectPropertyId(id, e.getKey()));
            if (value == null) {
                if (p != null) em.remove(p);
            } else if (p == null) {
                em.persist(new ObjectProperty(id, e.getKey(), value));
            } else {
                p.value = value;
            }
        }
    }

    @Override
    public void delete(long id) {
        changed();
        em.createQuery("delete from ObjectProperty p where p.objectId = :id").setParameter("id", id).executeUpdate();
        em.createQuery("delete from ObjectRelation r where r.objectId = :id or r.parentObjectId = :id")
                .setParameter("id", id).executeUpdate();
        DirectoryObject o = em.find(DirectoryObject.class, id);
        if (o != null) em.remove(o);
    }

    @Override
    public void addMember(long groupId, long userId) {
        ObjectRelationId key = new ObjectRelationId();
        key.objectId = userId;
        key.parentObjectId = groupId;
        key.relationType = ObjectRelation.GROUP_MEMBER;
        if (em.find(ObjectRelation.class, key) == null) {
            em.persist(new ObjectRelation(userId, groupId, ObjectRelation.GROUP_MEMBER));
        }
    }

    @Override
    public void removeMember(long groupId, long userId) {
        em.createQuery("delete from ObjectRelation r where r.objectId = :u and r.parentObjectId = :g and r.relationType = "
                + ObjectRelation.GROUP_MEMBER).setParameter("u", userId).setParameter("g", groupId).executeUpdate();
    }

    /**
     * The rows of an external directory's objects of a kind by their external ids, read in bulk
     * (a listing of thousands compares with what the server has in a few queries).
     */
    public List<DirEntry> byExternIds(Kind kind, java.util.Collection<String> externIds) {
        List<DirEntry> out = new ArrayList<>();
        List<String> all = new ArrayList<>(externIds);
        for (int i = 0; i < all.size(); i += 500) {
            List<DirectoryObject> rows = em.createQuery("select o from DirectoryObject o where o.externId in :e"
                    + " and o.objectClass in :classes", DirectoryObject.class)
                    .setParameter("e", all.subList(i, Math.min(all.size(), i + 500)))
                    .setParameter("classes", classesOf(kind)).getResultList();
            Map<Long, Map<String, String>> props = propsOf(rows.stream().map(o -> o.id).toList());
            for (DirectoryObject o : rows) {
                out.add(new DirEntry(o.id, o.externId, ObjectClass.of(o.objectClass), o.companyId,
                        java.util.Collections.unmodifiableMap(props.getOrDefault(o.id, Map.of()))));
            }
        }
        return out;
    }

    DirEntry toEntry(DirectoryObject o) {
        return new DirEntry(o.id, o.externId, ObjectClass.of(o.objectClass), o.companyId,
                java.util.Collections.unmodifiableMap(propsOf(List.of(o.id)).getOrDefault(o.id, Map.of())));
    }

    Map<Long, Map<String, String>> propsOf(List<Long> ids) {
        Map<Long, Map<String, String>> out = new HashMap<>();
        if (ids.isEmpty()) return out;
        for (int i = 0; i < ids.size(); i += 500) {
            List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + 500));
            for (ObjectProperty p : em.createQuery("select p from ObjectProperty p where p.objectId in :ids",
                    ObjectProperty.class).setParameter("ids", chunk).getResultList()) {
                out.computeIfAbsent(p.objectId, k -> new LinkedHashMap<>()).put(p.propName, p.value);
            }
        }
        return out;
    }
}
