package org.zcp.caldav.caldav;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.zcp.caldav.dav.DavException;
import org.zcp.caldav.dav.Names;
import org.zcp.ical.ContentLines;

/**
 * An iTIP free/busy request (RFC 5546 3.3.2) as a client POSTs it to its scheduling outbox (RFC
 * 6638 5): METHOD:REQUEST and one VFREEBUSY with DTSTART and DTEND in UTC, the ORGANIZER and one
 * ATTENDEE per calendar user asked about. Read with {@link ContentLines} (which unfolds), the
 * properties taken from the VFREEBUSY alone. What is not iCalendar is 403
 * CALDAV:valid-calendar-data; iCalendar that is no such request is 403
 * CALDAV:valid-scheduling-message (a VEVENT among them: the server schedules meetings itself);
 * a range that ends before it starts is 400, as free-busy-query answers it.
 *
 * @param uid the request's UID, or null when it has none
 * @param attendees the ATTENDEE values as given, in request order
 */
public record FreeBusyRequest(String uid, Instant from, Instant to, String organizer, List<String> attendees) {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    /** Components of client-driven scheduling (RFC 6638 leaves it to the server: calendar-auto-schedule). */
    private static final Set<String> SCHEDULED = Set.of("VEVENT", "VTODO", "VJOURNAL");
    private static final Pattern BEGIN = Pattern.compile("(?im)^BEGIN:VFREEBUSY[ \\t]*$");
    private static final Pattern END = Pattern.compile("(?im)^END:VFREEBUSY[ \\t]*$");

    public static FreeBusyRequest parse(String text) {
        List<String> begins = ContentLines.values(text, "BEGIN").stream()
                .map(b -> b.trim().toUpperCase(Locale.ROOT)).toList();
        if (begins.isEmpty() || !begins.get(0).equals("VCALENDAR")) {
            throw new DavException(403, Names.VALID_CALENDAR_DATA, "the body is no iCalendar object (BEGIN:VCALENDAR)");
        }
        if (begins.stream().anyMatch(SCHEDULED::contains)) {
            throw new DavException(403, Names.VALID_SCHEDULING_MESSAGE, "the outbox takes free/busy requests only:"
                    + " the server schedules meetings itself (calendar-auto-schedule); save the event in a calendar");
        }
        long n = begins.stream().filter("VFREEBUSY"::equals).count();
        if (n != 1) throw invalid("a free/busy request holds one VFREEBUSY, not " + n);
        List<String> method = ContentLines.values(text, "METHOD");
        if (method.size() != 1 || !method.get(0).trim().equalsIgnoreCase("REQUEST")) {
            throw invalid("a free/busy request is METHOD:REQUEST, not " + method);
        }
        Matcher b = BEGIN.matcher(text);
        Matcher e = END.matcher(text);
        if (!b.find() || !e.find(b.end())) {
            throw new DavException(403, Names.VALID_CALENDAR_DATA, "the VFREEBUSY does not end (END:VFREEBUSY)");
        }
        String fb = text.substring(b.end(), e.start());
        Instant from = time(one(fb, "DTSTART"), "DTSTART");
        Instant to = time(one(fb, "DTEND"), "DTEND");
        if (!to.isAfter(from)) throw new DavException(400, "the free/busy range ends before it starts");
        String organizer = one(fb, "ORGANIZER");
        List<String> attendees = ContentLines.values(fb, "ATTENDEE").stream().map(String::trim)
                .filter(a -> !a.isEmpty()).toList();
        if (attendees.isEmpty()) throw invalid("the VFREEBUSY names no ATTENDEE to ask about");
        List<String> uid = ContentLines.values(fb, "UID");
        return new FreeBusyRequest(uid.isEmpty() || uid.get(0).isBlank() ? null : uid.get(0).trim(), from, to,
                organizer, attendees);
    }

    /** The one value of a property the request needs. */
    private static String one(String component, String property) {
        List<String> v = ContentLines.values(component, property);
        if (v.size() != 1 || v.get(0).isBlank()) {
            throw invalid("the VFREEBUSY needs one " + property + (v.isEmpty() ? "" : ", not " + v.size()));
        }
        return v.get(0).trim();
    }

    /** A UTC date-time (RFC 5545 3.6.4: VFREEBUSY's DTSTART and DTEND are UTC). */
    private static Instant time(String value, String property) {
        try {
            return LocalDateTime.parse(value, UTC).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new DavException(403, Names.VALID_CALENDAR_DATA, property + " " + value + " is no UTC date-time");
        }
    }

    private static DavException invalid(String why) {
        return new DavException(403, Names.VALID_SCHEDULING_MESSAGE, why);
    }
}
