package org.zcp.store.directory;

import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.zcp.api.mapi.ObjectClass;
import org.zcp.store.StoreException;
import org.zcp.store.config.ServerSettings;
import org.zcp.store.session.Session;

/**
 * The global address book of a session (manual 8.5): the users, rooms, equipment, contacts and
 * groups of every company the session may see (its own; in hosted mode also those on its view
 * list), without hidden entries, SYSTEM and Everyone; names resolved on it as a MAPI client's
 * ResolveNames does; entries by their address-book entry id. Every user plugin serves it: the
 * directory's listing is the source (with the ldap plugin, LDAP itself when sync_gab_realtime);
 * names are resolved on what the plugin's search finds for them, not on the whole listing.
 */
@Stateless
@LocalBean
public class GalService {
    @Inject
    Directory directory;

    @Inject
    ServerSettings settings;

    /** One entry as clients see it; {@code entryId} is the hex of its PR_ENTRYID (AbEntryIds). */
    public record Entry(long id, String entryId, String type, String name, String fullName, String email,
            List<String> aliases, String company, boolean securityGroup) {
    }

    /**
     * A container of the address book's hierarchy (MAPI's address book containers): the global
     * address book ("gal"; in hosted mode one per company the session sees, "company"), and the
     * address lists ("addresslist", manual 5.2.6) one level below the session's own book.
     */
    public record Container(String entryId, String name, String type, int depth) {
    }

    /** A name as typed and what it resolves to (status RESOLVED, AMBIGUOUS or UNRESOLVED of api.soap.ResolvedName). */
    public record Resolved(String query, int status, List<Entry> entries) {
    }

    static final int RESOLVED = 0;
    static final int AMBIGUOUS = 1;
    static final int UNRESOLVED = 2;

    /** The directory objects the session sees: users, resources and contacts, then groups, each by name. */
    public List<DirEntry> visible(Session s) {
        List<Long> companies = new ArrayList<>();
        if (!settings.hosted()) {
            companies.add(-1L);
        } else {
            for (DirEntry c : directory.companies()) {
                if (directory.canSeeCompany(s, c.id())) companies.add(c.id());
            }
        }
        return visible(companies);
    }

    /** The listed users, resources and contacts of the companies (-1: all), then their groups, each by name. */
    private List<DirEntry> visible(List<Long> companies) {
        List<DirEntry> users = new ArrayList<>();
        List<DirEntry> groups = new ArrayList<>();
        for (long company : companies) {
            for (DirEntry u : directory.users(company)) {
                if (!u.hidden() && u.isUser()) users.add(u);
            }
            for (DirEntry g : directory.groups(company)) {
                if (!g.hidden() && g.id() != Directory.EVERYONE_ID) groups.add(g);
            }
        }
        users.sort(Comparator.comparing(DirEntry::name, String.CASE_INSENSITIVE_ORDER));
        groups.sort(Comparator.comparing(DirEntry::name, String.CASE_INSENSITIVE_ORDER));
        users.addAll(groups);
        return users;
    }

    public List<Entry> list(Session s) {
        return visible(s).stream().map(this::entry).toList();
    }

    /** The address lists of the address book (manual 5.2.6; the ldap plugin's), by name. */
    public List<String> addressLists(Session s) {
        return directory.plugin().addressListNames().stream().sorted(String.CASE_INSENSITIVE_ORDER).toList();
    }

    /** The entries of an address list the session sees; MAPI_E_NOT_FOUND for a list that does not exist. */
    public List<Entry> addressList(Session s, String name) {
        List<DirEntry> members = directory.plugin().addressListMembers(name == null ? "" : name)
                .orElseThrow(() -> StoreException.notFound("address list " + name));
        return members.stream().filter(e -> listed(s, e)).sorted(Comparator.comparing(DirEntry::name,
                String.CASE_INSENSITIVE_ORDER)).map(this::entry).toList();
    }

    /** The name of the global address book's container outside hosted mode, as Outlook shows it. */
    static final String GLOBAL_ADDRESS_BOOK = "Global Address Book";

    /**
     * The address book's containers the session sees, in hierarchy order: the global address book
     * (hosted: the session's own company first, then the others it may view, by name), the address
     * lists below the session's own.
     */
    public List<Container> hierarchy(Session s) {
        List<Container> out = new ArrayList<>();
        List<Container> lists = addressLists(s).stream()
                .map(n -> new Container(hex(AbEntryIds.container(0, n)), n, "addresslist", 1)).toList();
        if (!settings.hosted()) {
            out.add(new Container(hex(AbEntryIds.container(0, null)), GLOBAL_ADDRESS_BOOK, "gal", 0));
            out.addAll(lists);
            return out;
        }
        List<DirEntry> companies = new ArrayList<>(directory.companies().stream()
                .filter(c -> directory.canSeeCompany(s, c.id())).toList());
        companies.sort(Comparator.comparing((DirEntry c) -> c.id() != s.companyId())
                .thenComparing(DirEntry::name, String.CASE_INSENSITIVE_ORDER));
        for (DirEntry c : companies) {
            out.add(new Container(hex(AbEntryIds.container(c.id(), null)), c.name(), "company", 0));
            if (out.size() == 1) out.addAll(lists);
        }
        if (companies.isEmpty()) out.addAll(lists.stream().map(l -> new Container(l.entryId(), l.name(), l.type(), 0)).toList());
        return out;
    }

    /**
     * The entries of a container of {@link #hierarchy}: a global address book, a company's, or an
     * address list. MAPI_E_NOT_FOUND for a container the session does not see, MAPI_E_INVALID_PARAMETER
     * for an id that names no container.
     */
    public List<Entry> contents(Session s, String hex) {
        byte[] id = parse(hex);
        if (AbEntryIds.type(id) != AbEntryIds.MAPI_ABCONT) {
            throw new StoreException(org.zcp.api.mapi.MapiError.MAPI_E_INVALID_ENTRYID, "not a container's entry id: " + hex);
        }
        String list = AbEntryIds.externalId(id);
        if (!list.isEmpty()) return addressList(s, list);
        long company = AbEntryIds.objectId(id);
        if (!settings.hosted()) {
            if (company != 0) throw StoreException.notFound("address book container " + hex);
            return list(s);
        }
        boolean known = directory.companies().stream().anyMatch(c -> c.id() == company);
        if (!known || !directory.canSeeCompany(s, company)) throw StoreException.notFound("address book container " + hex);
        return visible(List.of(company)).stream().map(this::entry).toList();
    }

    private static byte[] parse(String hex) {
        try {
            return HexFormat.of().parseHex(hex == null ? "" : hex.trim());
        } catch (IllegalArgumentException e) {
            throw StoreException.invalid("not an entry id: " + hex);
        }
    }

    private static String hex(byte[] entryId) {
        return HexFormat.of().withUpperCase().formatHex(entryId);
    }

    /** The entry an address-book entry id (hex) names, if the session sees it; else MAPI_E_NOT_FOUND. */
    public Entry byEntryId(Session s, String hex) {
        byte[] entryId = parse(hex);
        long id = AbEntryIds.type(entryId) == AbEntryIds.MAPI_ABCONT ? -1 : AbEntryIds.objectId(entryId);
        DirEntry e = id <= 0 ? null : directory.get(id).orElse(null);
        if (e == null || !listed(s, e)) {
            throw StoreException.notFound("address book entry " + hex);
        }
        return entry(e);
    }

    /**
     * Each name resolved on the session's address book: an entry whose login name, address, alias
     * or full name equals it (case aside), else the entries one of whose names or addresses starts
     * with it (or a word of the full name does). One match resolves, several are ambiguous.
     */
    public List<Resolved> resolve(Session s, List<String> names) {
        List<Resolved> out = new ArrayList<>();
        for (String raw : names == null ? List.<String>of() : names) {
            String q = raw == null ? "" : raw.trim();
            if (q.isEmpty()) {
                out.add(new Resolved(raw, UNRESOLVED, List.of()));
                continue;
            }
            List<Entry> candidates = candidates(s, q);
            String lq = q.toLowerCase(Locale.ROOT);
            List<Entry> found = matching(candidates, e -> e.name().equalsIgnoreCase(q) || e.email().equalsIgnoreCase(q)
                    || e.fullName().equalsIgnoreCase(q) || e.aliases().stream().anyMatch(a -> a.equalsIgnoreCase(q)));
            if (found.isEmpty()) {
                found = matching(candidates, e -> e.name().toLowerCase(Locale.ROOT).startsWith(lq)
                        || e.email().toLowerCase(Locale.ROOT).startsWith(lq)
                        || Arrays.stream(e.fullName().toLowerCase(Locale.ROOT).split("\\s+")).anyMatch(w -> w.startsWith(lq))
                        || e.fullName().toLowerCase(Locale.ROOT).startsWith(lq)
                        || e.aliases().stream().anyMatch(a -> a.toLowerCase(Locale.ROOT).startsWith(lq)));
            }
            out.add(new Resolved(raw, found.isEmpty() ? UNRESOLVED : found.size() == 1 ? RESOLVED : AMBIGUOUS, found));
        }
        return out;
    }

    /** At most this many candidates per name: beyond it a name is ambiguous anyway. */
    static final int CANDIDATES = 50;

    /**
     * The entries the session sees among what the directory finds for {@code q} (a login name with
     * its company, "name@company", also by its name alone), without listing the address book.
     */
    private List<Entry> candidates(Session s, String q) {
        java.util.Map<Long, DirEntry> found = new java.util.LinkedHashMap<>();
        for (DirEntry e : directory.plugin().search(q, CANDIDATES)) found.putIfAbsent(e.id(), e);
        Directory.LoginName n = directory.parse(q);
        if (n.company() != null && !n.user().isEmpty()) {
            for (DirEntry e : directory.plugin().search(n.user(), CANDIDATES)) found.putIfAbsent(e.id(), e);
        }
        List<Entry> out = new ArrayList<>();
        for (DirEntry e : found.values()) {
            if (listed(s, e)) out.add(entry(e));
        }
        return out;
    }

    /** Whether the session's address book shows the entry: a user or group, not hidden, not SYSTEM or Everyone, of a company it sees. */
    private boolean listed(Session s, DirEntry e) {
        return (e.isUser() || e.isGroup()) && !e.hidden() && e.id() != Directory.SYSTEM_ID
                && e.id() != Directory.EVERYONE_ID && directory.canSeeCompany(s, e.companyId());
    }

    private static List<Entry> matching(List<Entry> book, Predicate<Entry> p) {
        return book.stream().filter(p).toList();
    }

    Entry entry(DirEntry e) {
        boolean group = e.isGroup();
        String type = group ? "group" : switch (e.objectClass()) {
            case NONACTIVE_ROOM -> "room";
            case NONACTIVE_EQUIPMENT -> "equipment";
            case NONACTIVE_CONTACT -> "contact";
            default -> "user";
        };
        String aliases = e.prop(Attr.ALIASES);
        return new Entry(e.id(), hex(AbEntryIds.of(group ? AbEntryIds.MAPI_DISTLIST : AbEntryIds.MAPI_MAILUSER, e.id())), type, group ? e.name() : directory.loginName(e), e.fullName(),
                e.email(), aliases == null || aliases.isBlank() ? List.of() : List.of(aliases.trim().split("\\s+")),
                settings.hosted() && e.companyId() != 0 ? directory.companyName(e.companyId()) : "",
                e.objectClass() == ObjectClass.DISTLIST_SECURITY);
    }
}
