package org.zcp.webaccess.mail;

import org.zcp.webaccess.Props;
import jakarta.ejb.EJB;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.zcp.api.mapi.PropTag;
import org.zcp.store.api.MapiObjects;
import org.zcp.store.api.mapi.PropValue;
import org.zcp.store.api.mapi.Restriction;
import org.zcp.store.api.mapi.Row;
import org.zcp.store.api.mapi.SortOrder;
import org.zcp.store.api.mapi.TableQuery;
import org.zcp.store.api.mapi.TableResult;
import org.zcp.webaccess.ApiException;
import org.zcp.webaccess.session.Guard;

/**
 * A page of a folder's messages (docs/webaccess.md): sorted, searched and paged by the store in
 * SQL, so the client shows any part of a folder of 100,000 messages by asking for that part.
 */
@Path("folders/{id}/messages")
@Produces(MediaType.APPLICATION_JSON)
public class ListResource {
    static final int MAX_PAGE = 500;
    static final int MSGFLAG_HASATTACH = 0x10;
    static final int FOLLOWUP_FLAGGED = 2;

    /** One row of the list. */
    public record Item(String id, String subject, Address from, String to, String date, long size, boolean read,
            boolean flagged, boolean answered, boolean forwarded, boolean attachments, int importance,
            String messageClass) {
    }

    public record Page(long total, int offset, List<Item> rows) {
    }

    static final Map<String, Integer> SORTS = Map.of("date", PropTag.PR_MESSAGE_DELIVERY_TIME, "subject", PropTag.PR_SUBJECT,
            "from", PropTag.PR_SENDER_NAME, "to", PropTag.PR_DISPLAY_TO, "size", PropTag.PR_MESSAGE_SIZE,
            "flag", PropTag.PR_FLAG_STATUS);
    static final List<Integer> COLUMNS = List.of(PropTag.PR_ENTRYID, PropTag.PR_SUBJECT, PropTag.PR_SENDER_NAME,
            PropTag.PR_SENDER_EMAIL_ADDRESS, PropTag.PR_SENT_REPRESENTING_NAME, PropTag.PR_DISPLAY_TO,
            PropTag.PR_MESSAGE_DELIVERY_TIME, PropTag.PR_CLIENT_SUBMIT_TIME, PropTag.PR_LAST_MODIFICATION_TIME,
            PropTag.PR_MESSAGE_SIZE, PropTag.PR_MESSAGE_FLAGS, PropTag.PR_FLAG_STATUS, PropTag.PR_LAST_VERB_EXECUTED,
            PropTag.PR_IMPORTANCE, PropTag.PR_MESSAGE_CLASS);

    @EJB
    MapiObjects mapi;

    @GET
    public Page page(@PathParam("id") String id, @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("50") int limit, @QueryParam("sort") @DefaultValue("date") String sort,
            @QueryParam("order") @DefaultValue("desc") String order, @QueryParam("q") String q,
            @QueryParam("unread") String unread, @QueryParam("deleted") String deleted,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("subject") String subject,
            @QueryParam("body") String body, @QueryParam("after") String after, @QueryParam("before") String before,
            @QueryParam("attachments") String attachments, @Context HttpServletRequest req) {
        String session = Guard.session(req).storeSession();
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw ApiException.invalid("offset from 0, limit 1 to " + MAX_PAGE);
        }
        Integer tag = SORTS.get(sort);
        if (tag == null) throw ApiException.invalid("sort by one of " + SORTS.keySet());
        if (!order.equals("asc") && !order.equals("desc")) throw ApiException.invalid("order asc or desc");
        TableQuery t = new TableQuery();
        t.columns = new ArrayList<>(COLUMNS);
        t.sort = List.of(new SortOrder(tag, order.equals("desc")));
        t.start = offset;
        t.count = limit;
        if ("1".equals(deleted)) t.flags |= TableQuery.SHOW_SOFT_DELETES;
        List<Restriction> and = new ArrayList<>();
        if (q != null && !q.isBlank()) and.add(search(q.strip()));
        // search by fields: each given field must match (substring, any case); dates are days or instants
        if (from != null && !from.isBlank()) and.add(anyOf(from, PropTag.PR_SENDER_NAME, PropTag.PR_SENDER_EMAIL_ADDRESS));
        if (to != null && !to.isBlank()) and.add(anyOf(to, PropTag.PR_DISPLAY_TO, PropTag.PR_DISPLAY_CC));
        if (subject != null && !subject.isBlank()) and.add(anyOf(subject, PropTag.PR_SUBJECT));
        if (body != null && !body.isBlank()) and.add(anyOf(body, PropTag.PR_BODY));
        if (after != null && !after.isBlank()) {
            and.add(Restriction.property("GE", PropValue.ofTime(PropTag.PR_MESSAGE_DELIVERY_TIME, Props.instant(after, "after").toEpochMilli())));
        }
        if (before != null && !before.isBlank()) {
            and.add(Restriction.property("LT", PropValue.ofTime(PropTag.PR_MESSAGE_DELIVERY_TIME, Props.instant(before, "before").toEpochMilli())));
        }
        if ("1".equals(attachments)) and.add(Restriction.bitmask("NE", PropTag.PR_MESSAGE_FLAGS, MSGFLAG_HASATTACH));
        if ("1".equals(unread)) {
            Restriction r = new Restriction();
            r.type = Restriction.BITMASK;
            r.relop = "EQ";
            r.tag = PropTag.PR_MESSAGE_FLAGS;
            r.mask = Props.MSGFLAG_READ;
            and.add(r);
        }
        if (!and.isEmpty()) t.restriction = and.size() == 1 ? and.get(0) : Restriction.and(and.toArray(Restriction[]::new));
        TableResult result = mapi.contents(session, Props.id(id), t);
        List<Item> rows = new ArrayList<>(result.rows.size());
        for (Row r : result.rows) rows.add(item(r.props));
        return new Page(result.rowCount, offset, rows);
    }

    /** A substring of any of these properties. */
    static Restriction anyOf(String text, int... tags) {
        String t = text.strip();
        if (t.length() > 200) throw ApiException.invalid("a search of at most 200 characters");
        List<Restriction> or = new ArrayList<>();
        for (int tag : tags) or.add(Restriction.content("SUBSTRING|IGNORECASE", PropValue.ofString(tag, t)));
        return or.size() == 1 ? or.get(0) : Restriction.or(or.toArray(Restriction[]::new));
    }

    /** Quick search: the words of the subject, the sender's name and address, the To line. */
    static Restriction search(String text) {
        if (text.length() > 200) throw ApiException.invalid("a search of at most 200 characters");
        List<Restriction> or = new ArrayList<>();
        for (int tag : List.of(PropTag.PR_SUBJECT, PropTag.PR_SENDER_NAME, PropTag.PR_SENDER_EMAIL_ADDRESS,
                PropTag.PR_DISPLAY_TO)) {
            or.add(Restriction.content("SUBSTRING|IGNORECASE", PropValue.ofString(tag, text)));
        }
        return Restriction.or(or.toArray(Restriction[]::new));
    }

    static Item item(List<PropValue> p) {
        long flags = Props.number(p, PropTag.PR_MESSAGE_FLAGS, 0);
        long verb = Props.number(p, PropTag.PR_LAST_VERB_EXECUTED, 0);
        String name = Props.string(p, PropTag.PR_SENT_REPRESENTING_NAME);
        if (name == null) name = Props.string(p, PropTag.PR_SENDER_NAME);
        String date = Props.time(p, PropTag.PR_MESSAGE_DELIVERY_TIME);
        if (date == null) date = Props.time(p, PropTag.PR_CLIENT_SUBMIT_TIME);
        if (date == null) date = Props.time(p, PropTag.PR_LAST_MODIFICATION_TIME);
        return new Item(Props.hex(p, PropTag.PR_ENTRYID), nz(Props.string(p, PropTag.PR_SUBJECT)),
                new Address(nz(name), nz(Props.string(p, PropTag.PR_SENDER_EMAIL_ADDRESS))),
                nz(Props.string(p, PropTag.PR_DISPLAY_TO)), date, Props.number(p, PropTag.PR_MESSAGE_SIZE, 0),
                (flags & Props.MSGFLAG_READ) != 0, Props.number(p, PropTag.PR_FLAG_STATUS, 0) == FOLLOWUP_FLAGGED,
                verb == 102 || verb == 103, verb == 104, (flags & MSGFLAG_HASATTACH) != 0,
                (int) Props.number(p, PropTag.PR_IMPORTANCE, 1), nz(Props.string(p, PropTag.PR_MESSAGE_CLASS)));
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }
}
