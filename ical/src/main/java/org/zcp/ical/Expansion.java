package org.zcp.ical;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import org.zcp.ical.CalendarText.When;
import org.zcp.ical.Overlaps.Instance;

/**
 * calendar-data's {@code expand} (RFC 4791 9.6.5): a calendar object resource as the instances
 * that overlap a time range, each a component of its own with a RECURRENCE-ID (for a recurring
 * one) and no RRULE, RDATE or EXDATE, times in UTC (dates of all-day items stay dates), no
 * VTIMEZONE. For clients that cannot expand recurrences themselves. Bounded as time-range tests are.
 */
final class Expansion {
    private Expansion() {
    }

    /** What an instance does not repeat of its component: its times and its recurrence. */
    private static final Set<String> REPLACED = Set.of("DTSTART", "DTEND", "DUE", "DURATION", "RRULE", "RDATE",
            "EXDATE", "EXRULE", "RECURRENCE-ID");

    static String expand(String calendar, Instant from, Instant to, ZoneId defaultZone) {
        CalendarText ct = CalendarText.parse(calendar, defaultZone);
        List<Instance> instances = new ArrayList<>(Overlaps.instances(ct, from, to, Overlaps.MAX_INSTANCES));
        instances.sort(Comparator.comparing(Instance::start));
        List<String> out = new ArrayList<>();
        out.add("BEGIN:VCALENDAR");
        out.add("VERSION:2.0");
        out.add("PRODID:" + ItemWriter.PRODID);
        out.add("CALSCALE:GREGORIAN");
        for (Instance i : instances) instance(ct, i, out);
        out.add("END:VCALENDAR");
        return Lines.fold(out);
    }

    private static void instance(CalendarText ct, Instance i, List<String> out) {
        Component c = i.component();
        boolean task = Component.VTODO.equals(c.getName());
        Property dtstart = CalendarText.prop(c, Property.DTSTART);
        Property due = CalendarText.prop(c, Property.DUE);
        When first = ct.when(dtstart != null ? dtstart : due, ct.defaultZone);
        out.add("BEGIN:" + c.getName());
        for (Property p : c.getPropertyList().getAll()) {
            if (!REPLACED.contains(p.getName().toUpperCase(Locale.ROOT))) out.addAll(Lines.split(p.toString()));
        }
        if (!task || dtstart != null) out.add(time("DTSTART", i.start(), first));
        if (!task) out.add(time("DTEND", i.end(), first));
        else if (due != null) out.add(time("DUE", dtstart != null ? i.end() : i.start(), first));
        if (i.recurrenceId() != null) out.add(time("RECURRENCE-ID", i.recurrenceId(), first));
        for (Component sub : CalendarText.subcomponents(c)) out.addAll(Lines.split(sub.toString()));
        out.add("END:" + c.getName());
    }

    /** A date-time in UTC, or a date when the component's times are dates. */
    private static String time(String name, Instant t, When form) {
        if (form.dateOnly()) return name + ";VALUE=DATE:" + Lines.date(t.atZone(form.zone()).toLocalDate());
        return name + ":" + Lines.utc(t.toEpochMilli());
    }
}
