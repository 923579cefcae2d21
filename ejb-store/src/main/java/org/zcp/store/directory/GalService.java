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

    /** The entry an address-book entry id (hex) names, if the session sees it; else MAPI_E_NOT_FOUND. */
    public Entry byEntryId(Session s, String hex) {
        long id;
        try {
            id = AbEntryIds.objectId(HexFormat.of().parseHex(hex == null ? "" : hex.trim()));
        } catch (IllegalArgumentException e) {
            throw StoreException.invalid("not an entry id: " + hex);
        }
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
        return new Entry(e.id(), HexFormat.of().withUpperCase().formatHex(AbEntryIds.of(group ? AbEntryIds.MAPI_DISTLIST
                : AbEntryIds.MAPI_MAILUSER, e.id())), type, group ? e.name() : directory.loginName(e), e.fullName(),
                e.email(), aliases == null || aliases.isBlank() ? List.of() : List.of(aliases.trim().split("\\s+")),
                settings.hosted() && e.companyId() != 0 ? directory.companyName(e.companyId()) : "",
                e.objectClass() == ObjectClass.DISTLIST_SECURITY);
    }
}
