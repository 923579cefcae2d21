package org.zcp.webaccess.addressbook;

import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.zcp.store.api.AddressBook;
import org.zcp.webaccess.session.Guard;

/**
 * The global address book as a list to browse (manual 8.3): users, rooms, equipment and groups the
 * user sees, with what the directory says of each; {@code q} narrows by name, full name or address.
 */
@Path("gal")
@Produces(MediaType.APPLICATION_JSON)
public class GalResource {
    static final int MAX = 2000;

    public record Entry(String id, String kind, String name, String fullName, String email, String company) {
    }

    public record Entries(List<Entry> entries, int total) {
    }

    @EJB
    AddressBook book;

    @EJB
    GalCache cache;

    @GET
    public Entries list(@QueryParam("q") String q, @Context HttpServletRequest req) {
        String session = Guard.session(req).storeSession();
        String needle = q == null || q.isBlank() ? null : q.strip().toLowerCase(Locale.ROOT);
        List<Entry> out = new ArrayList<>();
        int total = 0;
        for (AddressBook.Entry e : cache.gal(session, () -> book.gal(session))) {
            if (needle != null && !AddressResource.contains(e.fullName(), needle) && !AddressResource.contains(e.name(), needle)
                    && !AddressResource.contains(e.email(), needle)) {
                continue;
            }
            total++;
            if (out.size() < MAX) {
                out.add(new Entry(e.id(), e.kind().name().toLowerCase(Locale.ROOT), e.name(), e.fullName(), e.email(),
                        e.company()));
            }
        }
        return new Entries(out, total);
    }
}
