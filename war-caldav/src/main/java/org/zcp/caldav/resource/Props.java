package org.zcp.caldav.resource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import org.zcp.caldav.dav.DavRequest;
import org.zcp.caldav.dav.Names;
import org.zcp.caldav.dav.PropValue;
import org.zcp.caldav.dav.Xml;
import org.zcp.ical.ItemKind;
import org.zcp.store.api.WebLogons.Who;

/**
 * The live properties of the roots, principals, homes, collections, scheduling boxes and the
 * global address book (RFC 4918, 3744, 4791, 5397, 6352, 6578, 6638).
 */
public final class Props {
    private static final List<String> READ = List.of("read", "read-current-user-privilege-set");
    private static final List<String> WRITE = List.of("read", "write", "write-properties", "write-content", "bind",
            "unbind", "read-current-user-privilege-set");

    /** CARDDAV:supported-address-data (RFC 6352 6.2.2): vCard 3.0 and 4.0. */
    private static final PropValue ADDRESS_DATA = e -> {
        for (String v : List.of("3.0", "4.0")) {
            var t = Xml.add(e, Names.ADDRESS_DATA_TYPE);
            t.setAttribute("content-type", "text/vcard");
            t.setAttribute("version", v);
        }
    };

    private Props() {
    }

    /** The sync token of a collection at a MODSEQ (RFC 6578 section 3.2: a URI). */
    public static String syncToken(long folderId, long modSeq) {
        return "http://zcp.org/ns/sync/" + folderId + "/" + modSeq;
    }

    private static Map<QName, PropValue> common(Context ctx) {
        Map<QName, PropValue> p = new LinkedHashMap<>();
        p.put(Names.CURRENT_USER_PRINCIPAL, PropValue.href(Paths.principal(ctx.who().loginName())));
        p.put(Names.PRINCIPAL_COLLECTION_SET, PropValue.href(Paths.principals()));
        return p;
    }

    public static Map<QName, PropValue> root(Context ctx, Tree tree) {
        Map<QName, PropValue> p = common(ctx);
        p.put(Names.RESOURCETYPE, PropValue.elements(Names.COLLECTION));
        p.put(Names.DISPLAYNAME, PropValue.text(tree == Tree.CALDAV ? "CalDAV" : "CardDAV"));
        p.put(Names.CURRENT_USER_PRIVILEGE_SET, PropValue.privileges(READ));
        return p;
    }

    /**
     * A principal: its homes, its calendar user addresses (RFC 6638 2.4.1: mailto: of its e-mail
     * address, and the principal URL) and type; one's own also names its scheduling outbox and
     * inbox (RFC 6638 2.1.1, 2.2.1), which only the owner may use.
     */
    public static Map<QName, PropValue> principal(Context ctx, Who who) {
        return principal(ctx, who, "INDIVIDUAL");
    }

    /** A principal of a calendar user type (RFC 6638 2.4.2: INDIVIDUAL, ROOM, RESOURCE). */
    public static Map<QName, PropValue> principal(Context ctx, Who who, String cuType) {
        Map<QName, PropValue> p = common(ctx);
        p.put(Names.RESOURCETYPE, PropValue.elements(Names.COLLECTION, Names.PRINCIPAL));
        String name = who.fullName() == null || who.fullName().isBlank() ? who.loginName() : who.fullName();
        p.put(Names.DISPLAYNAME, PropValue.text(name));
        p.put(Names.PRINCIPAL_URL, PropValue.href(Paths.principal(who.loginName())));
        p.put(Names.OWNER, PropValue.href(Paths.principal(who.loginName())));
        p.put(Names.CALENDAR_HOME_SET, PropValue.href(Paths.home(Tree.CALDAV, who.loginName())));
        p.put(Names.ADDRESSBOOK_HOME_SET, PropValue.href(Paths.home(Tree.CARDDAV, who.loginName())));
        List<String> addresses = new ArrayList<>();
        if (who.email() != null && !who.email().isBlank()) addresses.add("mailto:" + who.email());
        addresses.add(Paths.principal(who.loginName()));
        p.put(Names.CALENDAR_USER_ADDRESS_SET, PropValue.hrefs(addresses));
        p.put(Names.CALENDAR_USER_TYPE, PropValue.text(cuType));
        if (who.email() != null && !who.email().isBlank()) {
            p.put(new QName(Names.CS, "email-address-set"), e -> Xml.add(e, new QName(Names.CS, "email-address"),
                    who.email()));
        }
        if (ctx.isSelf(who.loginName())) {
            p.put(Names.SCHEDULE_OUTBOX_URL, PropValue.href(Paths.scheduleBox(who.loginName(), Target.Box.OUTBOX)));
            p.put(Names.SCHEDULE_INBOX_URL, PropValue.href(Paths.scheduleBox(who.loginName(), Target.Box.INBOX)));
        }
        p.put(Names.SUPPORTED_REPORT_SET, PropValue.reports(List.of()));
        p.put(Names.CURRENT_USER_PRIVILEGE_SET, PropValue.privileges(READ));
        return p;
    }

    public static Map<QName, PropValue> home(Context ctx, Tree tree) {
        Map<QName, PropValue> p = common(ctx);
        p.put(Names.RESOURCETYPE, PropValue.elements(Names.COLLECTION));
        p.put(Names.DISPLAYNAME, PropValue.text(ctx.owner().fullName() == null ? ctx.user() : ctx.owner().fullName()));
        p.put(Names.OWNER, PropValue.href(Paths.principal(ctx.user())));
        p.put(Names.CURRENT_USER_PRIVILEGE_SET, PropValue.privileges(ctx.ownHome() ? WRITE : READ));
        p.put(Names.SUPPORTED_REPORT_SET, PropValue.reports(List.of()));
        return p;
    }

    /**
     * The scheduling outbox or inbox of the addressed (own) calendar home (RFC 6638 2.1, 2.2): the
     * outbox grants CALDAV:schedule-send-freebusy (free/busy requests are all it takes: meetings
     * are scheduled by the server, RFC 6638 3.2); the inbox can only be read, and is empty.
     */
    public static Map<QName, PropValue> scheduleBox(Context ctx, Target.Box box) {
        Map<QName, PropValue> p = common(ctx);
        boolean out = box == Target.Box.OUTBOX;
        p.put(Names.RESOURCETYPE, PropValue.elements(Names.COLLECTION, out ? Names.SCHEDULE_OUTBOX : Names.SCHEDULE_INBOX));
        p.put(Names.DISPLAYNAME, PropValue.text(out ? "Scheduling outbox" : "Scheduling inbox"));
        p.put(Names.OWNER, PropValue.href(Paths.principal(ctx.user())));
        p.put(Names.CURRENT_USER_PRIVILEGE_SET, e -> {
            PropValue.privileges(READ).fill(e);
            if (out) Xml.add(Xml.add(e, Names.PRIVILEGE), Names.SCHEDULE_SEND_FREEBUSY);
        });
        p.put(Names.SUPPORTED_REPORT_SET, PropValue.reports(List.of()));
        return p;
    }

    /**
     * The global address book of the addressed (own) address-book home: an address book that can
     * only be read, its ctag and sync token derived from its content ({@link GalBook}).
     */
    public static Map<QName, PropValue> gal(Context ctx, GalBook book) {
        Map<QName, PropValue> p = common(ctx);
        p.put(Names.RESOURCETYPE, PropValue.elements(Names.COLLECTION, Names.ADDRESSBOOK));
        p.put(Names.DISPLAYNAME, PropValue.text("Global Address Book"));
        p.put(Names.ADDRESSBOOK_DESCRIPTION, PropValue.text("The users, rooms, equipment and groups of the directory"
                + " (read-only)"));
        p.put(Names.OWNER, PropValue.href(Paths.principal(ctx.user())));
        p.put(Names.CURRENT_USER_PRIVILEGE_SET, PropValue.privileges(READ));
        p.put(Names.GETCTAG, e -> e.setTextContent(book.ctag()));
        p.put(Names.SYNC_TOKEN, e -> e.setTextContent(book.syncToken()));
        p.put(Names.SUPPORTED_ADDRESS_DATA, ADDRESS_DATA);
        p.put(Names.SUPPORTED_REPORT_SET, PropValue.reports(List.of(Names.ADDRESSBOOK_QUERY,
                Names.ADDRESSBOOK_MULTIGET, Names.SYNC_COLLECTION)));
        return p;
    }

    public static Map<QName, PropValue> collection(Context ctx, Coll c) {
        Map<QName, PropValue> p = common(ctx);
        boolean cards = c.kind() == ItemKind.CONTACT;
        p.put(Names.RESOURCETYPE, PropValue.elements(Names.COLLECTION, cards ? Names.ADDRESSBOOK : Names.CALENDAR));
        p.put(Names.DISPLAYNAME, PropValue.text(c.folder().name()));
        Kept.KEYS.forEach((q, key) -> {
            String v = c.kept().get(key);
            boolean fits = q.equals(Names.ADDRESSBOOK_DESCRIPTION) ? cards : !(cards && q.equals(Names.CALENDAR_DESCRIPTION));
            if (v != null && fits) p.put(q, PropValue.text(v));
        });
        p.put(Names.OWNER, PropValue.href(Paths.principal(ctx.user())));
        p.put(Names.CURRENT_USER_PRIVILEGE_SET, e -> PropValue.privileges(ctx.state(c.id()).readOnly() ? READ : WRITE)
                .fill(e));
        p.put(Names.GETCTAG, e -> e.setTextContent(Long.toString(ctx.state(c.id()).highestModSeq())));
        p.put(Names.SYNC_TOKEN, e -> e.setTextContent(syncToken(c.id(), ctx.state(c.id()).highestModSeq())));
        String max = Integer.toString(DavRequest.MAX_BODY);
        if (cards) {
            p.put(Names.SUPPORTED_ADDRESS_DATA, ADDRESS_DATA);
            p.put(Names.CARD_MAX_RESOURCE_SIZE, PropValue.text(max));
            p.put(Names.SUPPORTED_REPORT_SET, PropValue.reports(List.of(Names.ADDRESSBOOK_QUERY,
                    Names.ADDRESSBOOK_MULTIGET, Names.SYNC_COLLECTION)));
        } else {
            p.put(Names.SUPPORTED_CALENDAR_COMPONENT_SET, e -> Xml.add(e, Names.COMP).setAttribute("name",
                    c.kind().component()));
            p.put(Names.SUPPORTED_CALENDAR_DATA, e -> {
                var t = Xml.add(e, Names.CALENDAR_DATA);
                t.setAttribute("content-type", "text/calendar");
                t.setAttribute("version", "2.0");
            });
            p.put(Names.MAX_RESOURCE_SIZE, PropValue.text(max));
            p.put(Names.SUPPORTED_REPORT_SET, PropValue.reports(c.kind() == org.zcp.ical.ItemKind.EVENT
                    ? List.of(Names.CALENDAR_QUERY, Names.CALENDAR_MULTIGET, Names.FREE_BUSY_QUERY, Names.SYNC_COLLECTION)
                    : List.of(Names.CALENDAR_QUERY, Names.CALENDAR_MULTIGET, Names.SYNC_COLLECTION)));
        }
        return p;
    }
}
