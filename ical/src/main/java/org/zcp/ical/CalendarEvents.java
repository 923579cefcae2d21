package org.zcp.ical;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import org.zcp.ical.CalendarText.When;
import org.zcp.ical.EventData.Person;
import org.zcp.ical.EventData.Recurrence;
import org.zcp.ical.Itip.PartStat;
import org.zcp.ical.Overlaps.Instance;

/**
 * Events as a calendar form edits them (the web client): a calendar object resource read as
 * {@link EventData} (its master, or its instances in a range with recurrences expanded), and
 * changes written back into the resource's text so that everything the form does not show (X-
 * properties, other alarms, the client's time zones) stays as it was: a new event, the series or
 * single event changed, one occurrence changed (an override with RECURRENCE-ID) or deleted
 * (EXDATE), an attendee's answer. The result is iCalendar text for {@link ICalItems#parse}, so an
 * event made here is the item CalDAV and Outlook see.
 *
 * <p>What a change of the series does to its exceptions: moving the series or changing its rule
 * removes its changed and deleted occurrences (their RECURRENCE-IDs name occurrences the new
 * series no longer has, as Outlook does); other changes keep them.
 */
public final class CalendarEvents {
    private CalendarEvents() {
    }

    /** The properties of a VEVENT a form writes; the others are kept. */
    private static final Set<String> OWNED = Set.of("DTSTAMP", "SEQUENCE", "SUMMARY", "LOCATION", "DESCRIPTION",
            "DTSTART", "DTEND", "DURATION", "CLASS", "TRANSP", "X-MICROSOFT-CDO-BUSYSTATUS",
            "X-MICROSOFT-CDO-ALLDAYEVENT", "ORGANIZER", "ATTENDEE", "LAST-MODIFIED");

    /** What a series' rule consists of (kept apart from {@link #OWNED}: an unchanged rule keeps its text). */
    private static final Set<String> RULE = Set.of("RRULE", "RDATE", "EXDATE", "EXRULE");

    // ---- reading -----------------------------------------------------------------------------

    /** The event of a resource: its master, or its only component. ICalException when it holds no event. */
    public static EventData master(String resource, ZoneId serverZone) {
        CalendarText ct = CalendarText.parse(resource, serverZone);
        Component master = null;
        List<Instant> overridden = new ArrayList<>();
        Component first = null;
        for (Component c : ct.items()) {
            if (!Component.VEVENT.equals(c.getName())) continue;
            if (first == null) first = c;
            Property rid = CalendarText.prop(c, Property.RECURRENCE_ID);
            if (rid == null) master = c;
            else overridden.add(ct.when(rid, ct.defaultZone).instant());
        }
        Component c = master != null ? master : first;
        if (c == null) throw CalendarText.invalid("no VEVENT in the calendar data");
        Instant[] se = times(ct, c);
        List<Instant> excluded = new ArrayList<>();
        When start = ct.when(CalendarText.prop(c, Property.DTSTART), ct.defaultZone);
        for (Property ex : c.getPropertyList().getProperties(Property.EXDATE)) {
            for (String v : ex.getValue().split(",")) {
                When w = whenOf(ct, ex, v.trim(), start);
                if (w != null) excluded.add(w.instant());
            }
        }
        excluded.sort(Comparator.naturalOrder());
        overridden.sort(Comparator.naturalOrder());
        boolean recurring = master != null && (CalendarText.prop(c, Property.RRULE) != null
                || CalendarText.prop(c, Property.RDATE) != null) || !overridden.isEmpty();
        return read(ct, c, se[0], se[1], master == null ? ridOf(ct, c) : null, recurring, excluded, overridden);
    }

    /**
     * The instances of a resource's events that overlap [from, to), in start order: each with its
     * own times and, for a series, the occurrence it is ({@code recurrenceId}); overrides as they
     * were changed. Bounded as time-range queries are ({@link ICalItems#overlaps}).
     */
    public static List<EventData> instances(String resource, Instant from, Instant to, ZoneId serverZone) {
        CalendarText ct = CalendarText.parse(resource, serverZone);
        boolean series = false;
        for (Component c : ct.items()) {
            if (!Component.VEVENT.equals(c.getName())) continue;
            if (CalendarText.prop(c, Property.RECURRENCE_ID) != null || CalendarText.prop(c, Property.RRULE) != null
                    || CalendarText.prop(c, Property.RDATE) != null) {
                series = true;
            }
        }
        List<EventData> out = new ArrayList<>();
        for (Instance i : Overlaps.instances(ct, from, to, Overlaps.MAX_INSTANCES)) {
            if (!Component.VEVENT.equals(i.component().getName())) continue;
            out.add(read(ct, i.component(), i.start(), i.end(), series ? i.recurrenceId() : null, series, List.of(),
                    List.of()));
        }
        out.sort(Comparator.comparing(EventData::start));
        return out;
    }

    private static EventData read(CalendarText ct, Component c, Instant start, Instant end, Instant rid,
            boolean recurring, List<Instant> excluded, List<Instant> overridden) {
        When s = ct.when(CalendarText.prop(c, Property.DTSTART), ct.defaultZone);
        String zone = s == null || s.utc() ? "UTC" : olson(s.zone());
        String cls = upper(CalendarText.value(c, Property.CLASS));
        Property org = CalendarText.prop(c, Property.ORGANIZER);
        List<Person> attendees = new ArrayList<>();
        for (Property a : c.getPropertyList().getProperties(Property.ATTENDEE)) attendees.add(person(a));
        String status = upper(CalendarText.value(c, Property.STATUS));
        String seq = CalendarText.value(c, Property.SEQUENCE);
        return new EventData(CalendarText.value(c, Property.UID), CalendarText.value(c, Property.SUMMARY),
                CalendarText.value(c, Property.LOCATION), CalendarText.value(c, Property.DESCRIPTION), start, end,
                s != null && s.dateOnly(), zone, BUSY[Math.min(ItemProps.busyStatus(c), 3)], reminder(c),
                "PRIVATE".equals(cls) || "CONFIDENTIAL".equals(cls),
                rid == null ? recurrence(CalendarText.value(c, Property.RRULE), s == null ? ct.defaultZone : s.zone()) : null, List.copyOf(excluded),
                List.copyOf(overridden), org == null ? null : person(org), List.copyOf(attendees),
                seq != null && seq.trim().matches("\\d{1,9}") ? Integer.parseInt(seq.trim()) : 0, rid, recurring,
                "CANCELLED".equals(status));
    }

    private static final String[] BUSY = {"FREE", "TENTATIVE", "BUSY", "OOF"};

    private static Person person(Property p) {
        return new Person(ItemProps.address(p.getValue()), CalendarText.param(p, Parameter.CN),
                upper(CalendarText.param(p, Parameter.ROLE)), upper(CalendarText.param(p, Parameter.CUTYPE)),
                upper(CalendarText.param(p, Parameter.PARTSTAT)));
    }

    /** Minutes before the start of the first alarm relative to the start; null when there is none. */
    private static Integer reminder(Component c) {
        for (Component sub : CalendarText.subcomponents(c)) {
            if (!Component.VALARM.equals(sub.getName())) continue;
            Property trigger = CalendarText.prop(sub, Property.TRIGGER);
            if (trigger == null || "END".equalsIgnoreCase(CalendarText.param(trigger, Parameter.RELATED))) continue;
            Duration d = Alarms.duration(trigger.getValue());
            if (d == null || d.isPositive()) continue;
            return (int) Math.min(Integer.MAX_VALUE, d.negated().toMinutes());
        }
        return null;
    }

    /** An RRULE value as a form's rule (a UTC UNTIL as its day in {@code zone}); null for none. */
    static Recurrence recurrence(String rrule, ZoneId zone) {
        if (rrule == null || rrule.isBlank()) return null;
        String freq = null;
        int interval = 1;
        List<String> byDay = List.of();
        Integer byMonthDay = null;
        Integer byMonth = null;
        Integer count = null;
        LocalDate until = null;
        for (String part : rrule.trim().split(";")) {
            int eq = part.indexOf('=');
            if (eq < 0) continue;
            String k = part.substring(0, eq).trim().toUpperCase(Locale.ROOT);
            String v = part.substring(eq + 1).trim().toUpperCase(Locale.ROOT);
            try {
                switch (k) {
                    case "FREQ" -> freq = v;
                    case "INTERVAL" -> interval = Integer.parseInt(v);
                    case "BYDAY" -> byDay = List.of(v.split(","));
                    case "BYMONTHDAY" -> byMonthDay = v.contains(",") ? null : Integer.parseInt(v);
                    case "BYMONTH" -> byMonth = v.contains(",") ? null : Integer.parseInt(v);
                    case "COUNT" -> count = Integer.parseInt(v);
                    case "UNTIL" -> until = v.length() > 8 && v.endsWith("Z")
                            ? java.time.LocalDateTime.parse(v.substring(0, v.length() - 1), Lines.LOCAL)
                                    .toInstant(ZoneOffset.UTC).atZone(zone).toLocalDate()
                            : LocalDate.parse(v.substring(0, 8), Lines.DATE);
                    default -> { }
                }
            } catch (RuntimeException e) {
                // a part the form cannot show: the rule's text says it
            }
        }
        return new Recurrence(freq, interval, byDay, byMonthDay, byMonth, count, until, rrule.trim());
    }

    // ---- writing -----------------------------------------------------------------------------

    /** A new event's calendar object resource ({@code e.uid()} must be set). */
    public static String create(EventData e, Instant now) {
        require(e);
        if (e.uid() == null || e.uid().isBlank()) throw CalendarText.invalid("an event needs a UID");
        List<String> l = new ArrayList<>();
        l.add("BEGIN:VCALENDAR");
        l.add("VERSION:2.0");
        l.add("PRODID:" + ItemWriter.PRODID);
        l.add("CALSCALE:GREGORIAN");
        l.add("BEGIN:VEVENT");
        l.add("UID:" + Lines.text(e.uid()));
        l.addAll(props(e, now, e.sequence()));
        if (e.recurrence() != null) l.add("RRULE:" + rule(e.recurrence(), e));
        l.addAll(alarm(e.reminder()));
        l.add("END:VEVENT");
        l.add("END:VCALENDAR");
        return Lines.fold(l);
    }

    /**
     * The resource with its event (the series, or the single event) changed to {@code e}: the
     * form's properties replaced, the rule replaced unless it is the same, the alarms replaced when
     * the reminder changed. A changed time or rule removes the series' exceptions (above). The
     * SEQUENCE goes up when a meeting's time, rule, summary or place changed (RFC 5546 2.1.4).
     */
    public static String update(String resource, EventData e, Instant now, ZoneId serverZone) {
        require(e);
        EventData was = master(resource, serverZone);
        boolean moved = !Objects.equals(was.start(), e.start()) || !Objects.equals(was.end(), e.end())
                || was.allDay() != e.allDay();
        boolean sameRule = sameRule(was.recurrence(), e.recurrence());
        boolean dropExceptions = moved || !sameRule;
        int seq = was.sequence() + (rescheduled(was, e, moved, sameRule) ? 1 : 0);
        List<String> lines = Lines.split(Itip.unfold(resource));
        List<String> out = new ArrayList<>();
        boolean done = false;
        for (List<String> block : topBlocks(lines)) {
            if (!isEvent(block)) {
                out.addAll(block);
                continue;
            }
            boolean override = Itip.line(own(block), "RECURRENCE-ID") != null;
            if (override && dropExceptions) continue;
            if (override || done) {
                out.addAll(block);
                continue;
            }
            List<String> add = new ArrayList<>(props(e, now, seq));
            if (!sameRule && e.recurrence() != null) add.add("RRULE:" + rule(e.recurrence(), e));
            boolean alarms = !Objects.equals(was.reminder(), e.reminder());
            if (alarms) add.addAll(alarm(e.reminder()));
            Set<String> drop = new java.util.HashSet<>(OWNED);
            if (!sameRule) drop.addAll(RULE);
            else if (dropExceptions) drop.add("EXDATE");
            out.addAll(edit(block, drop, alarms, add));
            done = true;
        }
        return Lines.fold(out);
    }

    /**
     * The resource with one occurrence of its series changed to {@code e} (an override with the
     * occurrence's RECURRENCE-ID, in the master's DTSTART form; an existing override of it
     * replaced). INVALID when the resource is no series.
     */
    public static String updateOccurrence(String resource, Instant occurrence, EventData e, Instant now,
            ZoneId serverZone) {
        require(e);
        CalendarText ct = CalendarText.parse(resource, serverZone);
        Component master = master(ct);
        When form = ct.when(CalendarText.prop(master, Property.DTSTART), ct.defaultZone);
        String seq = CalendarText.value(master, Property.SEQUENCE);
        int sequence = seq != null && seq.trim().matches("\\d{1,9}") ? Integer.parseInt(seq.trim()) : 0;
        List<String> override = new ArrayList<>();
        override.add("BEGIN:VEVENT");
        override.add("UID:" + Lines.text(CalendarText.value(master, Property.UID)));
        override.add(time("RECURRENCE-ID", occurrence, form));
        override.addAll(props(e, now, sequence));
        override.addAll(alarm(e.reminder()));
        override.add("END:VEVENT");
        List<String> out = new ArrayList<>();
        for (List<String> block : topBlocks(Lines.split(Itip.unfold(resource)))) {
            if (isEvent(block) && occurrence.equals(ridInstant(ct, block, form))) continue;
            if (block.get(0).equalsIgnoreCase("END:VCALENDAR")) out.addAll(override);
            out.addAll(block);
        }
        return Lines.fold(out);
    }

    /**
     * The resource with one occurrence of its series deleted: an EXDATE of it on the master (in
     * the master's DTSTART form), its override removed; the SEQUENCE up when it is a meeting, so
     * the attendees' copies take the change. INVALID when the resource is no series.
     */
    public static String removeOccurrence(String resource, Instant occurrence, Instant now, ZoneId serverZone) {
        CalendarText ct = CalendarText.parse(resource, serverZone);
        Component master = master(ct);
        When form = ct.when(CalendarText.prop(master, Property.DTSTART), ct.defaultZone);
        boolean meeting = CalendarText.prop(master, Property.ATTENDEE) != null;
        String seq = CalendarText.value(master, Property.SEQUENCE);
        int sequence = seq != null && seq.trim().matches("\\d{1,9}") ? Integer.parseInt(seq.trim()) : 0;
        List<String> out = new ArrayList<>();
        for (List<String> block : topBlocks(Lines.split(Itip.unfold(resource)))) {
            if (!isEvent(block)) {
                out.addAll(block);
                continue;
            }
            Instant rid = ridInstant(ct, block, form);
            if (occurrence.equals(rid)) continue;
            if (rid != null) {
                out.addAll(block);
                continue;
            }
            List<String> add = new ArrayList<>();
            add.add(time("EXDATE", occurrence, form));
            add.add("DTSTAMP:" + Lines.utc(now.toEpochMilli()));
            Set<String> drop = new java.util.HashSet<>(Set.of("DTSTAMP"));
            if (meeting) {
                add.add("SEQUENCE:" + (sequence + 1));
                drop.add("SEQUENCE");
            }
            out.addAll(edit(block, drop, false, add));
        }
        return Lines.fold(out);
    }

    /**
     * The resource with an attendee's PARTSTAT set in every component (an attendee answering in
     * their own copy); the other parameters of the line stay. The copy's busy status follows the
     * answer: tentative becomes busy when accepted, busy becomes tentative when answered
     * tentatively. The text unchanged when the address is no attendee.
     */
    public static String answer(String resource, String attendee, PartStat answer, Instant now) {
        List<String> out = new ArrayList<>();
        for (List<String> block : topBlocks(Lines.split(Itip.unfold(resource)))) {
            if (!isEvent(block)) {
                out.addAll(block);
                continue;
            }
            int depth = 0;
            for (String l : block) {
                if (l.regionMatches(true, 0, "BEGIN:", 0, 6)) depth++;
                if (depth == 1 && name(l).equals("ATTENDEE") && ItemProps.address(l.substring(
                        ContentLines.valueStart(l) + 1)).equalsIgnoreCase(attendee)) {
                    l = withParam(withParam(l, "PARTSTAT", answer.value()), "RSVP", null);
                } else if (depth == 1 && name(l).equals("DTSTAMP")) {
                    l = "DTSTAMP:" + Lines.utc(now.toEpochMilli());
                } else if (depth == 1 && name(l).equals("X-MICROSOFT-CDO-BUSYSTATUS")) {
                    // the copy shows tentative until accepted, busy once accepted (free and out-of-office stay)
                    String v = l.substring(ContentLines.valueStart(l) + 1).trim().toUpperCase(Locale.ROOT);
                    if (answer == PartStat.ACCEPTED && v.equals("TENTATIVE")) l = "X-MICROSOFT-CDO-BUSYSTATUS:BUSY";
                    if (answer == PartStat.TENTATIVE && v.equals("BUSY")) l = "X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE";
                }
                if (l.regionMatches(true, 0, "END:", 0, 4)) depth--;
                out.add(l);
            }
        }
        return Lines.fold(out);
    }

    // ---- the lines of a form -----------------------------------------------------------------

    private static void require(EventData e) {
        if (e.start() == null || e.end() == null) throw CalendarText.invalid("an event needs a start and an end");
        if (e.end().isBefore(e.start())) throw CalendarText.invalid("an event cannot end before it starts");
        if (e.recurrence() != null && !Set.of("DAILY", "WEEKLY", "MONTHLY", "YEARLY").contains(e.recurrence().freq())) {
            throw CalendarText.invalid("a recurrence is daily, weekly, monthly or yearly");
        }
    }

    private static List<String> props(EventData e, Instant now, int sequence) {
        List<String> l = new ArrayList<>();
        l.add("DTSTAMP:" + Lines.utc(now.toEpochMilli()));
        l.add("LAST-MODIFIED:" + Lines.utc(now.toEpochMilli()));
        l.add("SEQUENCE:" + sequence);
        l.add(Lines.property("SUMMARY", e.summary() == null ? "" : e.summary()));
        if (e.location() != null && !e.location().isBlank()) l.add(Lines.property("LOCATION", e.location()));
        if (e.description() != null && !e.description().isBlank()) l.add(Lines.property("DESCRIPTION", e.description()));
        When form = form(e);
        Instant end = e.allDay() && !e.end().isAfter(e.start()) ? e.start().plus(Duration.ofDays(1)) : e.end();
        l.add(time("DTSTART", e.start(), form));
        l.add(time("DTEND", end, form));
        if (e.allDay()) l.add("X-MICROSOFT-CDO-ALLDAYEVENT:TRUE");
        l.add("CLASS:" + (e.isPrivate() ? "PRIVATE" : "PUBLIC"));
        String busy = e.busy() == null ? "BUSY" : e.busy().toUpperCase(Locale.ROOT);
        if (!Set.of(BUSY).contains(busy)) throw CalendarText.invalid("busy is FREE, TENTATIVE, BUSY or OOF");
        l.add("TRANSP:" + ("FREE".equals(busy) ? "TRANSPARENT" : "OPAQUE"));
        l.add("X-MICROSOFT-CDO-BUSYSTATUS:" + busy);
        if (e.organizer() != null && e.organizer().email() != null) {
            l.add("ORGANIZER" + Itip.cn(e.organizer().name()) + ":" + ItemWriter.uri(e.organizer().email()));
        }
        for (Person a : e.attendees() == null ? List.<Person>of() : e.attendees()) {
            if (a.email() == null || a.email().isBlank()) continue;
            StringBuilder b = new StringBuilder("ATTENDEE").append(Itip.cn(a.name()));
            b.append(";ROLE=").append(a.role() == null ? "REQ-PARTICIPANT" : a.role());
            if (a.cutype() != null) b.append(";CUTYPE=").append(a.cutype());
            String ps = a.partStat() == null ? "NEEDS-ACTION" : a.partStat();
            b.append(";PARTSTAT=").append(ps);
            if ("NEEDS-ACTION".equals(ps)) b.append(";RSVP=TRUE");
            l.add(b.append(':').append(ItemWriter.uri(a.email().trim())).toString());
        }
        return l;
    }

    private static List<String> alarm(Integer minutes) {
        if (minutes == null || minutes < 0) return List.of();
        return List.of("BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:Reminder", "TRIGGER:-PT" + minutes + "M",
                "END:VALARM");
    }

    /** How an event's times are written: dates for all-day, local times with TZID, or UTC. */
    private static When form(EventData e) {
        ZoneId z = zone(e.zone());
        boolean utc = z.normalized().equals(ZoneOffset.UTC) && !e.allDay();
        return new When(null, utc ? null : z.getId(), e.allDay(), false, z);
    }

    private static ZoneId zone(String id) {
        if (id == null || id.isBlank()) return ZoneOffset.UTC;
        try {
            return ZoneId.of(id);
        } catch (java.time.DateTimeException ex) {
            throw CalendarText.invalid("unknown time zone " + id);
        }
    }

    /** NAME with a time in {@code form}: a date, a local time with its TZID, a floating or a UTC time. */
    private static String time(String name, Instant t, When form) {
        if (form.dateOnly()) return name + ";VALUE=DATE:" + Lines.date(t.atZone(form.zone()).toLocalDate());
        if (form.tzid() != null) return name + ";TZID=" + Lines.param(form.tzid()) + ":" + Lines.local(t.atZone(form.zone()).toLocalDateTime());
        if (form.floating()) return name + ":" + Lines.local(t.atZone(form.zone()).toLocalDateTime());
        return name + ":" + Lines.utc(t.toEpochMilli());
    }

    /** An RRULE value of a form's rule ({@code text} when the form did not change the rule). */
    private static String rule(Recurrence r, EventData e) {
        StringBuilder b = new StringBuilder("FREQ=").append(r.freq());
        if (r.interval() > 1) b.append(";INTERVAL=").append(r.interval());
        if (r.byDay() != null && !r.byDay().isEmpty()) {
            for (String d : r.byDay()) {
                if (!d.matches("(?:[+-]?[1-5])?(MO|TU|WE|TH|FR|SA|SU)")) throw CalendarText.invalid("not a weekday: " + d);
            }
            b.append(";BYDAY=").append(String.join(",", r.byDay()));
        }
        if (r.byMonthDay() != null) b.append(";BYMONTHDAY=").append(r.byMonthDay());
        if (r.byMonth() != null) b.append(";BYMONTH=").append(r.byMonth());
        if (r.count() != null && r.count() > 0) b.append(";COUNT=").append(r.count());
        else if (r.until() != null) {
            // the end of the last day in the event's zone: an occurrence starting that day is in
            ZoneId z = zone(e.zone());
            if (e.allDay()) b.append(";UNTIL=").append(Lines.date(r.until()));
            else b.append(";UNTIL=").append(Lines.utc(r.until().plusDays(1).atStartOfDay(z).toInstant().toEpochMilli() - 1000));
        }
        return b.toString();
    }

    private static boolean sameRule(Recurrence a, Recurrence b) {
        if (a == null || b == null) return a == b;
        return Objects.equals(a.freq(), b.freq()) && a.interval() == b.interval()
                && Objects.equals(a.byDay() == null ? List.of() : a.byDay(), b.byDay() == null ? List.of() : b.byDay())
                && Objects.equals(a.byMonthDay(), b.byMonthDay()) && Objects.equals(a.byMonth(), b.byMonth())
                && Objects.equals(a.count(), b.count()) && Objects.equals(a.until(), b.until());
    }

    private static boolean rescheduled(EventData was, EventData e, boolean moved, boolean sameRule) {
        boolean meeting = e.attendees() != null && !e.attendees().isEmpty();
        return meeting && (moved || !sameRule || !Objects.equals(blank(was.summary()), blank(e.summary()))
                || !Objects.equals(blank(was.location()), blank(e.location())));
    }

    // ---- blocks of content lines -------------------------------------------------------------

    /** The lines of the calendar as top-level pieces: each component (with what it nests) one piece, each other line one. */
    static List<List<String>> topBlocks(List<String> lines) {
        List<List<String>> out = new ArrayList<>();
        List<String> cur = null;
        int depth = 0;
        for (String l : lines) {
            boolean begin = l.regionMatches(true, 0, "BEGIN:", 0, 6);
            boolean end = l.regionMatches(true, 0, "END:", 0, 4);
            if (l.equalsIgnoreCase("BEGIN:VCALENDAR") || l.equalsIgnoreCase("END:VCALENDAR")) {
                out.add(List.of(l));
                continue;
            }
            if (begin) {
                if (depth == 0) cur = new ArrayList<>();
                depth++;
            }
            if (cur != null) cur.add(l);
            else out.add(List.of(l));
            if (end && depth > 0) {
                depth--;
                if (depth == 0) {
                    out.add(cur);
                    cur = null;
                }
            }
        }
        if (cur != null) out.add(cur);
        return out;
    }

    static boolean isEvent(List<String> block) {
        return block.get(0).equalsIgnoreCase("BEGIN:VEVENT");
    }

    /** A component's own lines (those of nested components left out). */
    static List<String> own(List<String> block) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        for (String l : block) {
            if (l.regionMatches(true, 0, "BEGIN:", 0, 6)) depth++;
            if (depth == 1) out.add(l);
            if (l.regionMatches(true, 0, "END:", 0, 4)) depth--;
        }
        return out;
    }

    /** A component with its own properties of {@code drop} (and its alarms, when asked) left out and {@code add} added. */
    static List<String> edit(List<String> block, Set<String> drop, boolean dropAlarms, List<String> add) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        boolean skipping = false;
        for (int i = 0; i < block.size() - 1; i++) {
            String l = block.get(i);
            if (l.regionMatches(true, 0, "BEGIN:", 0, 6)) {
                depth++;
                if (depth == 2 && dropAlarms && l.equalsIgnoreCase("BEGIN:VALARM")) skipping = true;
            }
            boolean keep = !skipping && (depth != 1 || !drop.contains(name(l)));
            if (keep) out.add(l);
            if (l.regionMatches(true, 0, "END:", 0, 4)) {
                if (depth == 2) skipping = false;
                depth--;
            }
        }
        out.addAll(add);
        out.add(block.get(block.size() - 1));
        return out;
    }

    static String name(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) != ';' && line.charAt(i) != ':') i++;
        return line.substring(0, i).toUpperCase(Locale.ROOT);
    }

    /** A content line with parameter {@code param} set to {@code value} (null: removed). */
    static String withParam(String line, String param, String value) {
        int colon = ContentLines.valueStart(line);
        String head = line.substring(0, colon);
        List<String> parts = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (char ch : head.toCharArray()) {
            if (ch == '"') quoted = !quoted;
            if (ch == ';' && !quoted) {
                parts.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        parts.add(cur.toString());
        StringBuilder b = new StringBuilder(parts.get(0));
        String prefix = param.toUpperCase(Locale.ROOT) + "=";
        for (String p : parts.subList(1, parts.size())) {
            if (!p.toUpperCase(Locale.ROOT).startsWith(prefix)) b.append(';').append(p);
        }
        if (value != null) b.append(';').append(prefix).append(value);
        return b.append(line.substring(colon)).toString();
    }

    private static Component master(CalendarText ct) {
        for (Component c : ct.items()) {
            if (Component.VEVENT.equals(c.getName()) && CalendarText.prop(c, Property.RECURRENCE_ID) == null
                    && (CalendarText.prop(c, Property.RRULE) != null || CalendarText.prop(c, Property.RDATE) != null)) {
                return c;
            }
        }
        throw CalendarText.invalid("the event is not a recurring one: it has no occurrences to change");
    }

    /** The instant of a block's RECURRENCE-ID (null when it has none). */
    private static Instant ridInstant(CalendarText ct, List<String> block, When form) {
        String line = Itip.line(own(block), "RECURRENCE-ID");
        if (line == null) return null;
        int colon = ContentLines.valueStart(line);
        String head = line.substring(0, colon).toUpperCase(Locale.ROOT);
        String v = line.substring(colon + 1).trim();
        String tzid = null;
        for (String p : line.substring(0, colon).split(";")) {
            if (p.toUpperCase(Locale.ROOT).startsWith("TZID=")) tzid = p.substring(5).replace("\"", "");
        }
        ZoneId z = tzid != null ? ct.zone(tzid) : form.zone();
        if (v.length() == 8 || head.contains("VALUE=DATE;") || head.endsWith("VALUE=DATE")) {
            return LocalDate.parse(v.substring(0, 8), Lines.DATE).atStartOfDay(z).toInstant();
        }
        if (v.endsWith("Z") || v.endsWith("z")) {
            return java.time.LocalDateTime.parse(v.substring(0, v.length() - 1), Lines.LOCAL).toInstant(ZoneOffset.UTC);
        }
        return java.time.LocalDateTime.parse(v, Lines.LOCAL).atZone(tzid != null ? z : ct.defaultZone).toInstant();
    }

    private static Instant ridOf(CalendarText ct, Component c) {
        Property rid = CalendarText.prop(c, Property.RECURRENCE_ID);
        return rid == null ? null : ct.when(rid, ct.defaultZone).instant();
    }

    private static When whenOf(CalendarText ct, Property p, String value, When start) {
        String tzid = CalendarText.param(p, Parameter.TZID);
        ZoneId z = tzid != null ? ct.zone(tzid) : start != null ? start.zone() : ct.defaultZone;
        try {
            if (value.length() == 8) return new When(LocalDate.parse(value, Lines.DATE).atStartOfDay(z).toInstant(), tzid, true, false, z);
            if (value.endsWith("Z")) {
                return new When(java.time.LocalDateTime.parse(value.substring(0, value.length() - 1), Lines.LOCAL)
                        .toInstant(ZoneOffset.UTC), null, false, false, ZoneOffset.UTC);
            }
            return new When(java.time.LocalDateTime.parse(value, Lines.LOCAL).atZone(z).toInstant(), tzid, false, false, z);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** Start and end of a component: DTEND, or DTSTART + DURATION, or a day (dates) or nothing (times). */
    private static Instant[] times(CalendarText ct, Component c) {
        When s = ct.when(CalendarText.prop(c, Property.DTSTART), ct.defaultZone);
        if (s == null) throw CalendarText.invalid("the event has no DTSTART");
        When e = ct.when(CalendarText.prop(c, Property.DTEND), s.zone());
        Instant end = e != null ? e.instant()
                : CalendarText.value(c, Property.DURATION) != null ? ItemReader.plus(s, CalendarText.value(c, Property.DURATION))
                : s.dateOnly() ? s.instant().atZone(s.zone()).plusDays(1).toInstant() : s.instant();
        return new Instant[] {s.instant(), end};
    }

    /** The zone's IANA id, or null when it is one of a VTIMEZONE without one. */
    private static String olson(ZoneId z) {
        try {
            return ZoneId.of(z.getId()).getId();
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static String upper(String s) {
        return s == null ? null : s.trim().toUpperCase(Locale.ROOT);
    }

    private static String blank(String s) {
        return s == null ? "" : s;
    }
}
