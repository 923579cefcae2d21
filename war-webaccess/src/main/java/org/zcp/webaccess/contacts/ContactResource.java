package org.zcp.webaccess.contacts;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.zcp.ical.ContactForms;
import org.zcp.ical.ContactForms.Summary;
import org.zcp.ical.ItemKind;
import org.zcp.ical.NamedIds;
import org.zcp.ical.VCards;
import org.zcp.store.api.FolderItems.Expect;
import org.zcp.store.api.FolderItems.Item;
import org.zcp.webaccess.ApiException;
import org.zcp.webaccess.items.ItemFolders;
import org.zcp.webaccess.session.Guard;

/**
 * Personal contacts (docs/webaccess.md, "Contacts, tasks and notes"): the user's contact folders,
 * their contacts listed from a few properties read in bulk, and a contact read and written as a
 * vCard through the ical library, so CardDAV and Outlook see the same item.
 */
@Path("contacts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ContactResource {
    static final int MAX_LIST = 5000;

    public record Books(List<ItemFolders.Folder> addressbooks) {
    }

    public record Row(String id, String etag, String displayName, String email, String company, String phone) {
    }

    public record Rows(List<Row> contacts, int total) {
    }

    public record Typed(String type, String value) {
    }

    public record Address(String type, String street, String city, String region, String postcode, String country) {
    }

    public record Contact(String id, String etag, String prefix, String givenName, String middleName, String surname,
            String suffix, String displayName, String nickname, String company, String department, String jobTitle,
            List<Typed> emails, List<Typed> phones, List<Address> addresses, String birthday, String website,
            String notes, List<String> categories) {
    }

    public record Ref(String id, String etag) {
    }

    @Inject
    ItemFolders folders;

    @GET
    public Books books(@Context HttpServletRequest req) {
        return new Books(folders.own(Guard.session(req).storeSession(), ItemKind.CONTACT));
    }

    @GET
    @Path("{folder}/items")
    public Rows list(@PathParam("folder") String book, @QueryParam("q") String q, @Context HttpServletRequest req) {
        String session = Guard.session(req).storeSession();
        long folder = ItemFolders.folder(book);
        NamedIds ids = folders.ids(session);
        String needle = q == null || q.isBlank() ? null : q.strip().toLowerCase(Locale.ROOT);
        List<Row> out = new ArrayList<>();
        for (Item it : folders.items().peek(session, folder, ContactForms.summaryTags(ids))) {
            Summary s = ContactForms.summary(it.message(), ids);
            if (needle != null && !matches(s, needle)) continue;
            out.add(new Row(it.ref().name(), Long.toString(it.ref().modSeq()), s.displayName(),
                    s.emails().isEmpty() ? null : s.emails().get(0), s.company(), s.phone()));
        }
        out.sort(Comparator.comparing((Row r) -> r.displayName() == null ? "" : r.displayName().toLowerCase(Locale.ROOT)));
        int total = out.size();
        return new Rows(out.size() > MAX_LIST ? out.subList(0, MAX_LIST) : out, total);
    }

    static boolean matches(Summary s, String needle) {
        if (s.displayName() != null && s.displayName().toLowerCase(Locale.ROOT).contains(needle)) return true;
        if (s.company() != null && s.company().toLowerCase(Locale.ROOT).contains(needle)) return true;
        for (String e : s.emails()) if (e.toLowerCase(Locale.ROOT).contains(needle)) return true;
        return false;
    }

    @GET
    @Path("{folder}/items/{id}")
    public Contact get(@PathParam("folder") String book, @PathParam("id") String name, @Context HttpServletRequest req) {
        String session = Guard.session(req).storeSession();
        Item it = folders.item(session, ItemFolders.folder(book), name);
        String card = VCards.render(it.message(), folders.ids(session), "3.0");
        return json(ItemFolders.convert(() -> ContactForms.read(card)), name, it.ref().modSeq());
    }

    @POST
    @Path("{folder}/items")
    public Response create(@PathParam("folder") String book, Contact in, @Context HttpServletRequest req) {
        String session = Guard.session(req).storeSession();
        long folder = ItemFolders.folder(book);
        String uid = UUID.randomUUID().toString();
        String card = ItemFolders.convert(() -> ContactForms.write(form(in, uid), null));
        String name = uid + ".vcf";
        var ref = folders.items().put(session, folder, name, ItemFolders.convert(() -> VCards.parse(card, folders.ids(session))).message(),
                Expect.absent());
        return Response.status(201).entity(new Ref(name, Long.toString(ref.modSeq()))).build();
    }

    @PUT
    @Path("{folder}/items/{id}")
    public Ref update(@PathParam("folder") String book, @PathParam("id") String name,
            @HeaderParam("If-Match") String ifMatch, Contact in, @Context HttpServletRequest req) {
        String session = Guard.session(req).storeSession();
        ContactForms.Contact form = form(in, null);
        var ref = folders.replace(session, ItemFolders.folder(book), name, ifMatch, it -> {
            String card = ItemFolders.convert(() -> ContactForms.write(form,
                    VCards.render(it.message(), folders.ids(session), "3.0")));
            return ItemFolders.convert(() -> VCards.parse(card, folders.ids(session))).message();
        });
        return new Ref(name, Long.toString(ref.modSeq()));
    }

    @DELETE
    @Path("{folder}/items/{id}")
    public Response delete(@PathParam("folder") String book, @PathParam("id") String name,
            @HeaderParam("If-Match") String ifMatch, @Context HttpServletRequest req) {
        folders.delete(Guard.session(req).storeSession(), ItemFolders.folder(book), name, ifMatch);
        return Response.noContent().build();
    }

    static Contact json(ContactForms.Contact c, String name, long modSeq) {
        return new Contact(name, Long.toString(modSeq), c.prefix(), c.givenName(), c.middleName(), c.surname(), c.suffix(),
                c.displayName(), c.nickname(), c.company(), c.department(), c.jobTitle(),
                c.emails().stream().map(t -> new Typed(t.type(), t.value())).toList(),
                c.phones().stream().map(t -> new Typed(t.type(), t.value())).toList(),
                c.addresses().stream().map(a -> new Address(a.type(), a.street(), a.city(), a.region(), a.postcode(), a.country())).toList(),
                c.birthday() == null ? null : c.birthday().toString(), c.website(), c.notes(), c.categories());
    }

    static ContactForms.Contact form(Contact in, String uid) {
        if (in == null) throw ApiException.invalid("a contact");
        for (String s : new String[] {in.prefix(), in.givenName(), in.middleName(), in.surname(), in.suffix(),
                in.displayName(), in.nickname(), in.company(), in.department(), in.jobTitle(), in.website()}) {
            if (s != null && s.length() > 1000) throw ApiException.invalid("a field of at most 1,000 characters");
        }
        if (in.notes() != null && in.notes().length() > 64 * 1024) throw ApiException.invalid("notes of at most 64 KB");
        List<ContactForms.Typed> emails = new ArrayList<>();
        for (Typed t : in.emails() == null ? List.<Typed>of() : in.emails()) {
            if (t == null || t.value() == null || t.value().isBlank()) continue;
            if (!t.value().strip().matches("[^\\s<>\"@]+@[^\\s<>\"@]+")) throw ApiException.invalid("not an e-mail address: " + t.value());
            emails.add(new ContactForms.Typed(type(t.type(), "work", "home", "other"), t.value()));
        }
        List<ContactForms.Typed> phones = new ArrayList<>();
        for (Typed t : in.phones() == null ? List.<Typed>of() : in.phones()) {
            if (t == null || t.value() == null || t.value().isBlank()) continue;
            phones.add(new ContactForms.Typed(type(t.type(), "work", "home", "mobile", "fax", "other"), t.value()));
        }
        List<ContactForms.PostalAddress> addresses = new ArrayList<>();
        for (Address a : in.addresses() == null ? List.<Address>of() : in.addresses()) {
            if (a == null) continue;
            addresses.add(new ContactForms.PostalAddress(type(a.type(), "work", "home", "other"), a.street(), a.city(),
                    a.region(), a.postcode(), a.country()));
        }
        if (emails.size() > 20 || phones.size() > 30 || addresses.size() > 10) throw ApiException.invalid("too many values");
        LocalDate birthday = null;
        if (in.birthday() != null && !in.birthday().isBlank()) {
            try {
                birthday = LocalDate.parse(in.birthday().strip());
            } catch (DateTimeParseException e) {
                throw ApiException.invalid("a birthday is a date (1980-05-17)");
            }
        }
        return new ContactForms.Contact(uid, in.prefix(), in.givenName(), in.middleName(), in.surname(), in.suffix(),
                in.displayName(), in.nickname(), in.company(), in.department(), in.jobTitle(), emails, phones, addresses,
                birthday, in.website(), in.notes(), in.categories() == null ? List.of() : in.categories());
    }

    private static String type(String t, String... allowed) {
        if (t == null) return allowed[allowed.length - 1];
        for (String a : allowed) if (a.equals(t)) return t;
        throw ApiException.invalid("a type of " + String.join(", ", allowed));
    }
}
