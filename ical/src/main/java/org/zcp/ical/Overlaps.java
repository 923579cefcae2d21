package org.zcp.ical;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.transform.recurrence.Frequency;
import org.zcp.api.mapi.PropTag;
import org.zcp.ical.CalendarText.When;
import org.zcp.store.api.mapi.Message;

/**
 * RFC 4791 9.9 time-range tests of a stored event or task, recurring ones expanded from the kept
 * recurrence text with ical4j, bounded (see {@link ICalItems#overlaps}).
 */
final class Overlaps {
    private Overlaps() {
    }

    /** Instances looked at per test at most. */
    static final int MAX_INSTANCES = 100_000;

    static boolean test(Message m, NamedIds ids, Instant from, Instant to, ZoneId defaultZone) {
        Props p = new Props(m.props, ids);
        ItemKind kind = ItemKind.ofMessage(p.str(PropTag.PR_MESSAGE_CLASS));
        if (p.str(Names.RECURRENCE) != null || p.bin(Names.APPT_RECUR) != null || p.bin(Names.TASK_RECURRENCE) != null) {
            return !occurrences(m, ids, from, to, defaultZone, 1).isEmpty();
        }
        if (kind == ItemKind.TASK) {
            return task(p.num(Names.TASK_START_DATE), p.num(Names.TASK_DUE_DATE), p.num(Names.TASK_DATE_COMPLETED),
                    p.num(PropTag.PR_CREATION_TIME), from.toEpochMilli(), to.toEpochMilli());
        }
        Long s = p.num(Names.APPT_START_WHOLE);
        Long e = p.num(Names.APPT_END_WHOLE);
        if (s == null) return false;
        return hit(Instant.ofEpochMilli(s), Instant.ofEpochMilli(e == null ? s : e), from, to);
    }

    /** An instance [s, e) against [from, to): zero-length instances are points (RFC 4791 9.9). */
    static boolean hit(Instant s, Instant e, Instant from, Instant to) {
        if (e.isAfter(s)) return from.isBefore(e) && to.isAfter(s);
        return !from.isAfter(s) && to.isAfter(s);
    }

    /** The VTODO table of RFC 4791 9.9 (start, due, completed, created; null when absent). */
    static boolean task(Long s, Long due, Long done, Long created, long from, long to) {
        if (s != null && due != null) return (from < due || from <= s) && (to > s || to >= due);
        if (s != null) return from <= s && to > s;
        if (due != null) return from < due && to >= due;
        if (done != null && created != null) return (from <= created || from <= done) && (to >= created || to >= done);
        if (done != null) return from <= done && to >= done;
        if (created != null) return to > created;
        return true;
    }

    /**
     * One occurrence of an event: its times and its busy status (MAPI's PidLidBusyStatus values;
     * an override may have its own) and whether it was cancelled (STATUS:CANCELLED).
     */
    record Occurrence(Instant start, Instant end, int busyStatus, boolean cancelled) {
    }

    /**
     * The occurrences of a stored event that overlap [from, to), in no particular order, at most
     * {@code max}; a single event is its one occurrence. Bounded as {@link ICalItems#overlaps}.
     */
    static List<Occurrence> occurrences(Message m, NamedIds ids, Instant from, Instant to, ZoneId defaultZone,
            int max) {
        CalendarText ct = CalendarText.parse(ItemWriter.render(m, ids, defaultZone), defaultZone);
        List<Occurrence> out = new ArrayList<>();
        for (Instance i : instances(ct, from, to, max)) out.add(occurrence(i.component(), i.start(), i.end()));
        return out;
    }

    /**
     * One instance of a calendar object resource: the component it comes from (the master or an
     * override), its times, and the original start it recurs at (null for a component that does
     * not recur).
     */
    record Instance(Component component, Instant start, Instant end, Instant recurrenceId) {
    }

    /**
     * The instances of a calendar object resource that overlap [from, to), at most {@code max}:
     * overrides by their own times, the master's occurrences not overridden or excluded; in no
     * particular order.
     */
    static List<Instance> instances(CalendarText ct, Instant from, Instant to, int max) {
        List<Instance> out = new ArrayList<>();
        Component master = null;
        Map<Instant, Instant[]> overrides = new HashMap<>();
        for (Component c : ct.items()) {
            Property rid = CalendarText.prop(c, Property.RECURRENCE_ID);
            if (rid == null) {
                master = c;
                continue;
            }
            Instant[] se = times(ct, c);
            if (se == null) continue;
            Instant original = ct.when(rid, ct.defaultZone).instant();
            overrides.put(original, se);
            if (hit(se[0], se[1], from, to) && out.size() < max) out.add(new Instance(c, se[0], se[1], original));
        }
        if (master == null || out.size() >= max) return out;
        Instant[] se = times(ct, master);
        if (se == null) return out;
        When start = ct.when(startProp(master), ct.defaultZone);
        Duration length = Duration.between(se[0], se[1]);
        Instant lo = from.minus(length).minusSeconds(1);
        Set<Instant> excluded = new HashSet<>();
        for (Property ex : master.getPropertyList().getProperties(Property.EXDATE)) excluded.addAll(dates(ct, ex, start));
        Set<Instant> candidates = new java.util.TreeSet<>();
        candidates.add(se[0]);
        List<Property> rdates = master.getPropertyList().getProperties(Property.RDATE);
        List<Property> rrules = master.getPropertyList().getProperties(Property.RRULE);
        boolean recurs = !rdates.isEmpty() || !rrules.isEmpty();
        for (Property rd : rdates) candidates.addAll(dates(ct, rd, start));
        int budget = MAX_INSTANCES;
        for (Property rr : rrules) {
            List<Instant> got = expand(rr.getValue(), start, lo, to, budget);
            budget -= got.size();
            candidates.addAll(got);
        }
        for (Instant c : candidates) {
            if (excluded.contains(c) || overrides.containsKey(c)) continue;
            if (hit(c, c.plus(length), from, to)) {
                out.add(new Instance(master, c, c.plus(length), recurs ? c : null));
                if (out.size() >= max) break;
            }
        }
        return out;
    }

    private static Occurrence occurrence(Component c, Instant s, Instant e) {
        String status = CalendarText.value(c, Property.STATUS);
        return new Occurrence(s, e, ItemProps.busyStatus(c), status != null && status.trim().equalsIgnoreCase("CANCELLED"));
    }

    private static Property startProp(Component c) {
        Property s = CalendarText.prop(c, Property.DTSTART);
        return s != null ? s : CalendarText.prop(c, Property.DUE);
    }

    /** Start and end of a component (an event's DTEND, a task's DUE; zero length when absent). */
    private static Instant[] times(CalendarText ct, Component c) {
        Property sp = startProp(c);
        if (sp == null) return null;
        When s = ct.when(sp, ct.defaultZone);
        Property ep = CalendarText.prop(c, Component.VTODO.equals(c.getName()) ? Property.DUE : Property.DTEND);
        Instant e;
        if (ep != null && ep != sp) e = ct.when(ep, s.zone()).instant();
        else e = ItemReader.plus(s, CalendarText.value(c, Property.DURATION));
        return new Instant[] {s.instant(), e.isBefore(s.instant()) ? s.instant() : e};
    }

    private static List<Instant> dates(CalendarText ct, Property p, When start) {
        List<Instant> out = new ArrayList<>();
        String tz = CalendarText.param(p, "TZID");
        for (String v : p.getValue().split(",")) {
            String one = v.contains("/") ? v.substring(0, v.indexOf('/')) : v;
            try {
                Property single = new net.fortuna.ical4j.model.property.XProperty("X-D", one);
                if (tz != null) single.add(new net.fortuna.ical4j.model.parameter.TzId(tz));
                out.add(ct.when(single, start.zone()).instant());
            } catch (IllegalArgumentException e) {
                // a value that is not a date: ignored, as a client would
            }
        }
        return out;
    }

    /**
     * The instances of a rule whose start falls in [lo, to), at most {@code max}. An open rule
     * (no COUNT) of days or finer is first moved to just before {@code lo} by whole intervals, so
     * an old or dense series costs only what falls in the window.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static List<Instant> expand(String rule, When start, Instant lo, Instant to, int max) {
        List<Instant> out = new ArrayList<>();
        if (max <= 0 || !to.isAfter(start.instant())) return out;
        Recur recur = new Recur<>(rule);
        Temporal seed = start.dateOnly() ? start.instant().atZone(start.zone()).toLocalDate()
                : start.instant().atZone(start.zone());
        Temporal first = seed;
        ChronoUnit unit = unit(recur.getFrequency());
        int interval = Math.max(1, recur.getInterval());
        if (recur.getCount() < 1 && unit != null && lo.isAfter(start.instant())) {
            long step = unit.getDuration().getSeconds() * interval;
            long k = Duration.between(start.instant(), lo).getSeconds() / step - 1;
            if (k > 0) seed = seed.plus(k * interval, unit);
        }
        Temporal winStart = start.dateOnly() ? lo.atZone(start.zone()).toLocalDate().minusDays(1) : lo.atZone(start.zone());
        Temporal winEnd = start.dateOnly() ? to.atZone(start.zone()).toLocalDate().plusDays(1) : to.atZone(start.zone());
        if (recur.getCount() >= 1) {
            winStart = first;
        }
        List<Temporal> got = recur.getDates(seed, winStart, winEnd, max);
        for (Temporal t : got) {
            Instant i = t instanceof LocalDate d ? d.atStartOfDay(start.zone()).toInstant()
                    : t instanceof ZonedDateTime z ? z.toInstant() : Instant.from(t);
            if (!i.isBefore(lo) && i.isBefore(to)) out.add(i);
        }
        return out;
    }

    private static ChronoUnit unit(Frequency f) {
        return switch (f) {
            case SECONDLY -> ChronoUnit.SECONDS;
            case MINUTELY -> ChronoUnit.MINUTES;
            case HOURLY -> ChronoUnit.HOURS;
            case DAILY -> ChronoUnit.DAYS;
            case WEEKLY -> ChronoUnit.WEEKS;
            default -> null;
        };
    }
}
