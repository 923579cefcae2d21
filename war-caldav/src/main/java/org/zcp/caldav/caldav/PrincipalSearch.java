package org.zcp.caldav.caldav;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.namespace.QName;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.zcp.caldav.dav.DavException;
import org.zcp.caldav.dav.DavRequest;
import org.zcp.caldav.dav.DavResponse;
import org.zcp.caldav.dav.Multistatus;
import org.zcp.caldav.dav.Names;
import org.zcp.caldav.dav.PropRequest;
import org.zcp.caldav.dav.Report;
import org.zcp.caldav.dav.Xml;
import org.zcp.caldav.resource.Context;
import org.zcp.caldav.resource.Paths;
import org.zcp.caldav.resource.Props;
import org.zcp.caldav.resource.Target;
import org.zcp.store.api.AddressBook.Entry;
import org.zcp.store.api.AddressBook.Kind;
import org.zcp.store.api.WebLogons.Who;

/**
 * principal-property-search (RFC 3744 9.4) and principal-search-property-set (9.5) over the global
 * address book as the user sees it (hidden entries and other companies left out, as in the GAL):
 * what Apple Calendar, Evolution and Thunderbird search attendees and rooms with. Searchable: the
 * display name, the calendar user address (e-mail) and the calendar user type; a match is a
 * case-insensitive "contains" (or the match-type of the calendarserver extension: starts-with,
 * equals). Users, rooms and equipment are principals; groups are not (they have no calendar).
 * At most {@value #LIMIT} answers, as directory searches are bounded everywhere.
 */
public final class PrincipalSearch implements Report {
    static final int LIMIT = 100;
    private static final QName MATCH = Names.dav("match");
    private static final QName PROPERTY_SEARCH = Names.dav("property-search");
    private static final QName EMAIL_ADDRESS_SET = new QName(Names.CS, "email-address-set");
    /** The properties a search may name, with their description (principal-search-property-set). */
    private static final List<QName> SEARCHABLE = List.of(Names.DISPLAYNAME, Names.CALENDAR_USER_ADDRESS_SET,
            EMAIL_ADDRESS_SET, Names.CALENDAR_USER_TYPE);

    /** One property-search: the properties it looks in and what it looks for. */
    private record Condition(List<QName> props, String match, String matchType) {
        boolean test(Entry e) {
            String m = match.toLowerCase(Locale.ROOT);
            for (QName p : props) {
                for (String v : values(p, e)) {
                    String s = v.toLowerCase(Locale.ROOT);
                    boolean hit = switch (matchType) {
                        case "starts-with" -> s.startsWith(m);
                        case "equals" -> s.equals(m);
                        default -> s.contains(m);
                    };
                    if (hit) return true;
                }
            }
            return false;
        }
    }

    @Override
    public DavResponse run(Element body, DavRequest req, Target target, Context ctx) {
        if (!(target instanceof Target.Principals || target instanceof Target.Principal || target instanceof Target.Root)) {
            throw new DavException(403, Names.SUPPORTED_REPORT, "principal-property-search of " + target);
        }
        List<Condition> conditions = new ArrayList<>();
        for (Element ps : Xml.children(body, PROPERTY_SEARCH)) {
            Element prop = Xml.child(ps, Names.PROP);
            Element match = Xml.child(ps, MATCH);
            if (prop == null || match == null) throw new DavException(400, "a property-search needs prop and match");
            List<QName> props = new ArrayList<>();
            for (Element p : Xml.children(prop)) {
                QName q = Xml.name(p);
                if (!SEARCHABLE.contains(q)) {
                    throw new DavException(403, "principal-search: " + q.getLocalPart() + " is not searchable here");
                }
                props.add(q);
            }
            String type = match.getAttribute("match-type");
            conditions.add(new Condition(props, match.getTextContent().trim(), type.isEmpty() ? "contains" : type));
        }
        if (conditions.isEmpty()) throw new DavException(400, "principal-property-search without a property-search");
        boolean all = !"anyof".equalsIgnoreCase(body.getAttribute("test"));
        PropRequest props = PropRequest.of(body);
        Multistatus ms = new Multistatus();
        int found = 0;
        for (Entry e : ctx.store().addressBook().gal(ctx.session())) {
            if (e.kind() == Kind.GROUP) continue;
            boolean hit = all ? conditions.stream().allMatch(c -> c.test(e)) : conditions.stream().anyMatch(c -> c.test(e));
            if (!hit) continue;
            if (++found > LIMIT) break;
            Who who = new Who(null, e.name(), e.fullName(), e.email());
            props.answer(ms.entry(Paths.principal(e.name())), Props.principal(ctx, who, cuType(e.kind())));
        }
        return ms.response();
    }

    /** principal-search-property-set: what may be searched, with a description for the user. */
    public static DavResponse propertySet() {
        Document d = Xml.newDocument(Names.PRINCIPAL_SEARCH_PROPERTY_SET);
        Element root = d.getDocumentElement();
        String[][] described = {{"Display name"}, {"E-mail address"}, {"E-mail address"}, {"Calendar user type"}};
        for (int i = 0; i < SEARCHABLE.size(); i++) {
            Element p = Xml.add(root, Names.dav("principal-search-property"));
            Xml.add(Xml.add(p, Names.PROP), SEARCHABLE.get(i));
            Element desc = Xml.add(p, Names.dav("description"), described[i][0]);
            desc.setAttributeNS("http://www.w3.org/XML/1998/namespace", "xml:lang", "en");
        }
        return DavResponse.xml(200, d);
    }

    /** RFC 6638 2.4.2's calendar-user-type of an entry. */
    static String cuType(Kind k) {
        return switch (k) {
            case ROOM -> "ROOM";
            case EQUIPMENT -> "RESOURCE";
            case GROUP -> "GROUP";
            case USER -> "INDIVIDUAL";
        };
    }

    private static List<String> values(QName p, Entry e) {
        if (p.equals(Names.DISPLAYNAME)) return List.of(e.fullName().isBlank() ? e.name() : e.fullName(), e.name());
        if (p.equals(Names.CALENDAR_USER_TYPE)) return List.of(cuType(e.kind()));
        return e.email().isBlank() ? List.of() : List.of("mailto:" + e.email(), e.email());
    }
}
