package org.zcp.webaccess.calendar;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.zcp.ical.EventData;
import org.zcp.ical.EventData.Person;
import org.zcp.ical.EventData.Recurrence;
import org.zcp.webaccess.ApiException;
import org.zcp.webaccess.calendar.CalendarJson.Event;
import org.zcp.webaccess.calendar.CalendarJson.Instance;
import org.zcp.webaccess.calendar.CalendarJson.Rule;

/** The calendar API's JSON and the ical library's {@link EventData}, both ways, with the form's checks. */
final class EventForms {
    private EventForms() {
    }

    static final int MAX_ATTENDEES = 200;
    static final int MAX_TEXT = 64 * 1024;

    // ---- to JSON -----------------------------------------------------------------------------

    static Instance instance(EventData e, String name, long modSeq, String me, boolean hideDetails,
            org.zcp.ical.Reminders.State reminded) {
        boolean hide = hideDetails && e.isPrivate();
        return new Instance(name, Long.toString(modSeq), e.uid(),
                e.recurrenceId() == null ? null : e.recurrenceId().toString(), hide ? null : e.summary(),
                hide ? null : e.location(), time(e, e.start()), time(e, e.end()), e.allDay(), busy(e.busy()),
                e.recurring(), !e.attendees().isEmpty(), hide ? null : person(e.organizer()), myResponse(e, me),
                e.reminder(), stamp(reminded.acknowledged()), stamp(reminded.snoozedUntil()), e.isPrivate(), e.cancelled(),
                false);
    }

    static Event event(EventData e, String name, long modSeq, String me) {
        List<CalendarJson.Exception> ex = new ArrayList<>();
        for (Instant i : e.excluded()) ex.add(new CalendarJson.Exception(i.toString(), true));
        for (Instant i : e.overridden()) ex.add(new CalendarJson.Exception(i.toString(), false));
        List<CalendarJson.Person> attendees = new ArrayList<>();
        for (Person p : e.attendees()) attendees.add(person(p));
        Recurrence r = e.recurrence();
        Rule rule = r == null ? null : new Rule(r.freq() == null ? null : r.freq().toLowerCase(Locale.ROOT),
                r.interval(), r.byDay(), r.byMonthDay(), r.byMonth(), r.count(),
                r.until() == null ? null : r.until().toString());
        return new Event(name, Long.toString(modSeq), e.uid(), e.summary(), e.location(), time(e, e.start()),
                time(e, e.end()), e.allDay(), e.zone(), busy(e.busy()), e.reminder(), e.description(), e.isPrivate(),
                rule, ex, person(e.organizer()), attendees, myResponse(e, me));
    }

    /** An all-day event's times as dates (the end exclusive), others as instants. */
    private static String time(EventData e, Instant t) {
        if (!e.allDay()) return t.toString();
        return t.atZone(e.zone() == null ? ZoneId.of("UTC") : ZoneId.of(e.zone())).toLocalDate().toString();
    }

    private static String busy(String b) {
        return b == null ? "busy" : b.toLowerCase(Locale.ROOT);
    }

    static CalendarJson.Person person(Person p) {
        if (p == null) return null;
        String type = "ROOM".equals(p.cutype()) || "RESOURCE".equals(p.cutype()) ? "resource"
                : "OPT-PARTICIPANT".equals(p.role()) || "NON-PARTICIPANT".equals(p.role()) ? "optional" : "required";
        return new CalendarJson.Person(p.email(), p.name(), type,
                p.partStat() == null ? "needs-action" : p.partStat().toLowerCase(Locale.ROOT));
    }

    /** "organizer" for the organizer's own, the attendee's answer in theirs, null when it is no meeting of theirs. */
    static String myResponse(EventData e, String me) {
        if (me == null || e.attendees().isEmpty()) return null;
        if (e.organizer() != null && me.equalsIgnoreCase(e.organizer().email())) return "organizer";
        for (Person p : e.attendees()) {
            if (me.equalsIgnoreCase(p.email())) return p.partStat() == null ? "needs-action" : p.partStat().toLowerCase(Locale.ROOT);
        }
        return null;
    }

    // ---- from JSON ---------------------------------------------------------------------------

    /**
     * The form as EventData: times checked (an all-day event's dates in its zone), the organizer
     * the user when it has attendees and none was kept, attendees' answers kept from {@code was}
     * (an organizer does not set them), texts bounded.
     */
    static EventData data(Event in, String uid, EventData was, String meEmail, String meName, ZoneId userZone) {
        if (in == null) throw ApiException.invalid("an event");
        ZoneId zone = zone(in.timeZone(), userZone);
        boolean allDay = Boolean.TRUE.equals(in.allDay());
        Instant start = instant(in.start(), "start", allDay, zone);
        Instant end = instant(in.end(), "end", allDay, zone);
        if (end.isBefore(start)) throw ApiException.invalid("an event cannot end before it starts");
        if (allDay && !end.isAfter(start)) end = start.atZone(zone).plusDays(1).toInstant();
        String busy = in.busy() == null ? "BUSY" : in.busy().toUpperCase(Locale.ROOT);
        if (!Set.of("FREE", "TENTATIVE", "BUSY", "OOF").contains(busy)) {
            throw ApiException.invalid("busy is free, tentative, busy or oof");
        }
        Integer reminder = in.reminder();
        if (reminder != null && (reminder < 0 || reminder > 60 * 24 * 28)) throw ApiException.invalid("a reminder of 0 to 40320 minutes");
        List<Person> attendees = new ArrayList<>();
        for (CalendarJson.Person p : in.attendees() == null ? List.<CalendarJson.Person>of() : in.attendees()) {
            if (p == null || p.email() == null || p.email().isBlank()) continue;
            String email = p.email().strip();
            if (!email.matches("[^\\s<>\"@]+@[^\\s<>\"@]+")) throw ApiException.invalid("not an e-mail address: " + clip(email));
            if (email.equalsIgnoreCase(meEmail)) continue; // the organizer is no attendee of their own meeting
            String type = p.type() == null ? "required" : p.type();
            String role = switch (type) {
                case "optional" -> "OPT-PARTICIPANT";
                case "resource" -> "NON-PARTICIPANT";
                case "required" -> "REQ-PARTICIPANT";
                default -> throw ApiException.invalid("an attendee is required, optional or resource");
            };
            String partStat = null;
            if (was != null) {
                for (Person w : was.attendees()) if (email.equalsIgnoreCase(w.email())) partStat = w.partStat();
            }
            attendees.add(new Person(email, text(p.name(), 256), role, "resource".equals(type) ? "ROOM" : "INDIVIDUAL",
                    partStat));
        }
        if (attendees.size() > MAX_ATTENDEES) throw ApiException.invalid("at most " + MAX_ATTENDEES + " attendees");
        Person organizer = was != null && was.organizer() != null ? was.organizer()
                : attendees.isEmpty() || meEmail == null ? null : Person.of(meEmail, meName);
        if (!attendees.isEmpty() && meEmail == null) throw ApiException.invalid("you have no e-mail address to invite from");
        return new EventData(uid, text(in.subject(), 1000), text(in.location(), 1000), text(in.description(), MAX_TEXT),
                start, end, allDay, zone.getId(), busy, reminder, Boolean.TRUE.equals(in.isPrivate()),
                rule(in.recurrence(), start, zone), List.of(), List.of(), organizer, attendees,
                was == null ? 0 : was.sequence(), null, in.recurrence() != null, false);
    }

    private static Recurrence rule(Rule r, Instant start, ZoneId zone) {
        if (r == null || r.freq() == null || r.freq().isBlank() || "none".equalsIgnoreCase(r.freq())) return null;
        String freq = r.freq().toUpperCase(Locale.ROOT);
        if (!Set.of("DAILY", "WEEKLY", "MONTHLY", "YEARLY").contains(freq)) {
            throw ApiException.invalid("a recurrence is daily, weekly, monthly or yearly");
        }
        int interval = r.interval() == null ? 1 : r.interval();
        if (interval < 1 || interval > 999) throw ApiException.invalid("an interval of 1 to 999");
        List<String> byDay = new ArrayList<>();
        for (String d : r.byDay() == null ? List.<String>of() : r.byDay()) {
            String u = d == null ? "" : d.toUpperCase(Locale.ROOT);
            if (!u.matches("(?:[+-]?[1-5])?(MO|TU|WE|TH|FR|SA|SU)")) throw ApiException.invalid("not a weekday: " + clip(u));
            byDay.add(u);
        }
        if ("WEEKLY".equals(freq) && byDay.isEmpty()) {
            byDay.add(start.atZone(zone).getDayOfWeek().name().substring(0, 2));
        }
        if (r.count() != null && (r.count() < 1 || r.count() > 999)) throw ApiException.invalid("a count of 1 to 999");
        LocalDate until = null;
        if (r.until() != null && !r.until().isBlank()) {
            try {
                until = LocalDate.parse(r.until().strip());
            } catch (DateTimeParseException e) {
                throw ApiException.invalid("until is a date (2027-06-30)");
            }
        }
        if (r.byMonthDay() != null && (r.byMonthDay() < -31 || r.byMonthDay() > 31 || r.byMonthDay() == 0)) {
            throw ApiException.invalid("a day of the month of 1 to 31");
        }
        if (r.byMonth() != null && (r.byMonth() < 1 || r.byMonth() > 12)) throw ApiException.invalid("a month of 1 to 12");
        return new Recurrence(freq, interval, List.copyOf(byDay), r.byMonthDay(), r.byMonth(), r.count(), until, null);
    }

    static ZoneId zone(String id, ZoneId otherwise) {
        if (id == null || id.isBlank()) return otherwise;
        try {
            return ZoneId.of(id.strip());
        } catch (DateTimeException e) {
            throw ApiException.invalid("'" + clip(id) + "' is not a time zone (a name such as Europe/Amsterdam)");
        }
    }

    /** An ISO 8601 instant (with Z or an offset), or for all-day events a date (midnight in the zone). */
    static Instant instant(String v, String what, boolean allDay, ZoneId zone) {
        if (v == null || v.isBlank()) throw ApiException.invalid("an event needs its " + what);
        String s = v.strip();
        try {
            if (s.length() == 10) return LocalDate.parse(s).atStartOfDay(zone).toInstant();
            Instant i = OffsetDateTime.parse(s).toInstant();
            return allDay ? i.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant() : i;
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(what + " is not a time (ISO 8601, such as 2026-12-07T09:00:00Z, or a date)");
        }
    }

    /** A range's end point: an ISO 8601 instant, or a date (its start in UTC). */
    static Instant bound(String v, String what) {
        return org.zcp.webaccess.Props.instant(v, what);
    }

    private static String text(String s, int max) {
        if (s == null) return null;
        if (s.length() > max) throw ApiException.invalid("a text of at most " + max + " characters");
        return s.replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", " ");
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    private static String stamp(Instant t) {
        return t == null ? null : t.toString();
    }
}
