package org.zcp.caldav.caldav;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.w3c.dom.Element;
import org.zcp.caldav.dav.DavException;
import org.zcp.caldav.dav.Names;
import org.zcp.caldav.dav.Xml;
import org.zcp.ical.ContentLines;
import org.zcp.caldav.resource.TextMatch;

/**
 * The part of RFC 4791 9.7's filter this server evaluates: VCALENDAR, one component (VEVENT,
 * VTODO, ...) with an optional time-range and prop-filters (is-not-defined or a text-match) on
 * the object's properties. Anything deeper (param-filter, VALARM, time-range on a property) is
 * 403 CALDAV:supported-filter, so a client never gets a silently wrong answer.
 *
 * @param component null for any calendar object
 * @param from null when there is no time-range
 */
public record CalendarFilter(String component, Instant from, Instant to, List<PropFilter> props) {
    /** A prop-filter: the property must be absent ({@code match} null) or have a matching value. */
    public record PropFilter(String name, TextMatch match) {
        boolean matches(Supplier<String> text) {
            List<String> values = ContentLines.values(text.get(), name);
            if (match == null) return values.isEmpty();
            return !values.isEmpty() && match.matches(values);
        }
    }

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    /** Open ends of a time-range (RFC 4791 9.9: start or end may be left out). */
    static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant MAX = Instant.parse("9999-12-31T23:59:59Z");

    public static CalendarFilter any() {
        return new CalendarFilter(null, null, null, List.of());
    }

    public static CalendarFilter of(Element filter) {
        if (filter == null) return any();
        Element cal = Xml.child(filter, Names.COMP_FILTER);
        if (cal == null) return any();
        if (!"VCALENDAR".equalsIgnoreCase(cal.getAttribute("name"))) {
            throw new DavException(403, Names.VALID_FILTER, "top comp-filter " + cal.getAttribute("name"));
        }
        String component = null;
        Instant from = null;
        Instant to = null;
        List<PropFilter> props = new ArrayList<>();
        for (Element e : Xml.children(cal)) {
            if (!Xml.is(e, Names.COMP_FILTER) || component != null) throw unsupported(e);
            component = e.getAttribute("name").toUpperCase(java.util.Locale.ROOT);
            for (Element f : Xml.children(e)) {
                if (Xml.is(f, Names.TIME_RANGE)) {
                    from = time(f.getAttribute("start"), MIN);
                    to = time(f.getAttribute("end"), MAX);
                } else if (Xml.is(f, Names.PROP_FILTER)) {
                    props.add(propFilter(f));
                } else {
                    throw unsupported(f);
                }
            }
        }
        return new CalendarFilter(component, from, to, List.copyOf(props));
    }

    private static PropFilter propFilter(Element f) {
        List<Element> kids = Xml.children(f);
        String name = f.getAttribute("name");
        if (kids.size() == 1 && Xml.is(kids.get(0), Names.IS_NOT_DEFINED)) return new PropFilter(name, null);
        if (kids.size() == 1 && Xml.is(kids.get(0), Names.TEXT_MATCH)) return new PropFilter(name, TextMatch.of(kids.get(0)));
        throw unsupported(f);
    }

    private static DavException unsupported(Element e) {
        return new DavException(403, Names.SUPPORTED_FILTER, "filter element " + Xml.name(e));
    }

    static Instant time(String v, Instant dflt) {
        if (v == null || v.isEmpty()) return dflt;
        try {
            return LocalDateTime.parse(v, UTC).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new DavException(403, Names.VALID_FILTER, "time " + v);
        }
    }

    /** Whether evaluating needs more than the item's component kind. */
    public boolean needsBodies() {
        return from != null || !props.isEmpty();
    }
}
