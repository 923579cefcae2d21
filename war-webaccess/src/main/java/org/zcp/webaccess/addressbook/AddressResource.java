package org.zcp.webaccess.addressbook;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.zcp.store.api.AddressBook;
import org.zcp.webaccess.ApiException;
import org.zcp.webaccess.session.Guard;

/**
 * Address completion for the compose and meeting forms (docs/webaccess.md): the user's own
 * contacts, then the entries of the global address book the user sees (manual 8.3), whose name or
 * address contains what was typed. The book is kept per store session for a minute, so typing
 * does not read the directory per key.
 */
@Path("addresses")
@Produces(MediaType.APPLICATION_JSON)
public class AddressResource {
    static final int MAX = 20;

    public record Entry(String name, String email, String source) {
    }

    public record Entries(List<Entry> entries) {
    }

    @EJB
    AddressBook book;

    @EJB
    GalCache cache;

    @jakarta.inject.Inject
    org.zcp.webaccess.items.ItemFolders folders;

    @GET
    public Entries find(@QueryParam("q") String q, @Context HttpServletRequest req) {
        String session = Guard.session(req).storeSession();
        if (q == null || q.isBlank()) throw ApiException.invalid("q: what to look for");
        String needle = q.strip().toLowerCase(Locale.ROOT);
        List<Entry> out = new ArrayList<>(personal(session, needle));
        for (AddressBook.Entry e : cache.gal(session, () -> book.gal(session))) {
            if (e.email() == null || e.email().isEmpty()) continue;
            if (contains(e.fullName(), needle) || contains(e.name(), needle) || contains(e.email(), needle)) {
                String name = e.fullName() == null || e.fullName().isEmpty() ? e.name() : e.fullName();
                out.add(new Entry(name, e.email(), e.kind() == AddressBook.Kind.GROUP ? "group" : "gal"));
                if (out.size() == MAX) break;
            }
        }
        return new Entries(out);
    }

    /** Matches among the user's own contacts (their default contact folder), first: the people they write to. */
    private List<Entry> personal(String session, String needle) {
        Long book = folders.ownDefault(session, org.zcp.ical.ItemKind.CONTACT);
        if (book == null) return List.of();
        org.zcp.ical.NamedIds ids = folders.ids(session);
        List<Entry> out = new ArrayList<>();
        for (var it : folders.items().peek(session, book, org.zcp.ical.ContactForms.summaryTags(ids))) {
            var s = org.zcp.ical.ContactForms.summary(it.message(), ids);
            boolean nameHit = contains(s.displayName(), needle);
            for (String email : s.emails()) {
                if (nameHit || contains(email, needle)) out.add(new Entry(s.displayName() == null ? email : s.displayName(), email, "contact"));
                if (out.size() == MAX / 2) return out;
            }
        }
        return out;
    }

    static boolean contains(String s, String needle) {
        return s != null && s.toLowerCase(Locale.ROOT).contains(needle);
    }

}
