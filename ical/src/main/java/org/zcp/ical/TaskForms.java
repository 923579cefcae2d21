package org.zcp.ical;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import org.zcp.ical.CalendarText.When;

/**
 * Tasks as a form shows and edits them (the web client): a VTODO read as {@link Task} and a form
 * written into one, what the form does not show kept (as {@link CalendarEvents} does for events).
 * Start and due are days, as Outlook's tasks have them; status NEEDS-ACTION, IN-PROCESS,
 * COMPLETED or CANCELLED; priority 1 (high) to 9 (low), 5 normal, 0 none.
 */
public final class TaskForms {
    private TaskForms() {
    }

    public record Task(String uid, String summary, String description, LocalDate start, LocalDate due, String status,
            int percent, int priority, Instant completed, boolean isPrivate, List<String> categories) {
    }

    private static final Set<String> OWNED = Set.of("DTSTAMP", "LAST-MODIFIED", "SUMMARY", "DESCRIPTION", "DTSTART",
            "DUE", "DURATION", "STATUS", "PERCENT-COMPLETE", "PRIORITY", "COMPLETED", "CLASS", "CATEGORIES");

    /** The task of a calendar object resource; ICalException when it holds no VTODO. */
    public static Task read(String resource, ZoneId serverZone) {
        CalendarText ct = CalendarText.parse(resource, serverZone);
        Component c = null;
        for (Component x : ct.items()) {
            if (Component.VTODO.equals(x.getName()) && (c == null || CalendarText.prop(x, Property.RECURRENCE_ID) == null)) c = x;
        }
        if (c == null) throw CalendarText.invalid("no VTODO in the calendar data");
        When s = ct.when(CalendarText.prop(c, Property.DTSTART), ct.defaultZone);
        When d = ct.when(CalendarText.prop(c, Property.DUE), s != null ? s.zone() : ct.defaultZone);
        When done = ct.when(CalendarText.prop(c, Property.COMPLETED), ct.defaultZone);
        String status = CalendarText.value(c, Property.STATUS);
        String cls = CalendarText.value(c, Property.CLASS);
        List<String> categories = new ArrayList<>();
        for (Property p : c.getPropertyList().getProperties(Property.CATEGORIES)) {
            for (String v : p.getValue().split(",")) if (!v.isBlank()) categories.add(v.strip());
        }
        return new Task(CalendarText.value(c, Property.UID), CalendarText.value(c, Property.SUMMARY),
                CalendarText.value(c, Property.DESCRIPTION), day(s), day(d),
                status == null ? "NEEDS-ACTION" : status.strip().toUpperCase(Locale.ROOT),
                number(CalendarText.value(c, Property.PERCENT_COMPLETE)), number(CalendarText.value(c, Property.PRIORITY)),
                done == null ? null : done.instant(),
                cls != null && Set.of("PRIVATE", "CONFIDENTIAL").contains(cls.strip().toUpperCase(Locale.ROOT)), categories);
    }

    /** A new task's calendar object resource ({@code t.uid()} must be set). */
    public static String create(Task t, Instant now) {
        check(t);
        if (t.uid() == null || t.uid().isBlank()) throw CalendarText.invalid("a task needs a UID");
        List<String> l = new ArrayList<>(List.of("BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:" + ItemWriter.PRODID,
                "BEGIN:VTODO", "UID:" + Lines.text(t.uid()), "CREATED:" + Lines.utc(now.toEpochMilli())));
        l.addAll(props(t, now));
        l.add("END:VTODO");
        l.add("END:VCALENDAR");
        return Lines.fold(l);
    }

    /** The resource with its task changed to {@code t}. */
    public static String update(String resource, Task t, Instant now) {
        check(t);
        List<String> out = new ArrayList<>();
        boolean done = false;
        for (List<String> block : CalendarEvents.topBlocks(Lines.split(Itip.unfold(resource)))) {
            if (done || !block.get(0).equalsIgnoreCase("BEGIN:VTODO")
                    || Itip.line(CalendarEvents.own(block), "RECURRENCE-ID") != null) {
                out.addAll(block);
                continue;
            }
            out.addAll(CalendarEvents.edit(block, OWNED, false, props(t, now)));
            done = true;
        }
        if (!done) throw CalendarText.invalid("no VTODO in the calendar data");
        return Lines.fold(out);
    }

    private static void check(Task t) {
        if (t.start() != null && t.due() != null && t.due().isBefore(t.start())) {
            throw CalendarText.invalid("a task cannot be due before it starts");
        }
        if (!Set.of("NEEDS-ACTION", "IN-PROCESS", "COMPLETED", "CANCELLED").contains(t.status())) {
            throw CalendarText.invalid("a task's status is NEEDS-ACTION, IN-PROCESS, COMPLETED or CANCELLED");
        }
        if (t.percent() < 0 || t.percent() > 100) throw CalendarText.invalid("a task is 0 to 100 percent complete");
        if (t.priority() < 0 || t.priority() > 9) throw CalendarText.invalid("a task's priority is 0 to 9");
    }

    private static List<String> props(Task t, Instant now) {
        List<String> l = new ArrayList<>();
        l.add("DTSTAMP:" + Lines.utc(now.toEpochMilli()));
        l.add("LAST-MODIFIED:" + Lines.utc(now.toEpochMilli()));
        l.add(Lines.property("SUMMARY", t.summary() == null ? "" : t.summary()));
        if (t.description() != null && !t.description().isBlank()) l.add(Lines.property("DESCRIPTION", t.description()));
        if (t.start() != null) l.add("DTSTART;VALUE=DATE:" + Lines.date(t.start()));
        if (t.due() != null) l.add("DUE;VALUE=DATE:" + Lines.date(t.due()));
        l.add("STATUS:" + t.status());
        boolean complete = "COMPLETED".equals(t.status());
        l.add("PERCENT-COMPLETE:" + (complete ? 100 : t.percent()));
        if (t.priority() > 0) l.add("PRIORITY:" + t.priority());
        if (complete) l.add("COMPLETED:" + Lines.utc((t.completed() == null ? now : t.completed()).toEpochMilli()));
        l.add("CLASS:" + (t.isPrivate() ? "PRIVATE" : "PUBLIC"));
        List<String> cats = new ArrayList<>();
        for (String c : t.categories() == null ? List.<String>of() : t.categories()) if (c != null && !c.isBlank()) cats.add(Lines.text(c.strip()));
        if (!cats.isEmpty()) l.add("CATEGORIES:" + String.join(",", cats));
        return l;
    }

    private static LocalDate day(When w) {
        return w == null ? null : w.instant().atZone(w.zone()).toLocalDate();
    }

    private static int number(String v) {
        try {
            return v == null ? 0 : Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
