package org.zcp.ical;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import org.zcp.api.mapi.PropTag;
import org.zcp.ical.CalendarText.When;
import org.zcp.ical.ICalException.Precondition;
import org.zcp.store.api.mapi.Message;

/**
 * One calendar object resource (RFC 4791 4.1) to an IPM.Appointment or IPM.Task: the checks of
 * the resource's shape, then the master component's properties (ItemProps) and what MAPI has no
 * place for kept as text (see {@link ICalItems}).
 */
final class ItemReader {
    private ItemReader() {
    }

    /** Properties of a master the conversion maps; the rest is kept in the extra text. */
    private static final Set<String> EVENT_MAPPED = Set.of("UID", "SUMMARY", "DESCRIPTION", "LOCATION", "CLASS",
            "CATEGORIES", "PRIORITY", "SEQUENCE", "DTSTAMP", "CREATED", "LAST-MODIFIED", "ORGANIZER", "ATTENDEE",
            "DTSTART", "DTEND", "DURATION", "TRANSP", "X-MICROSOFT-CDO-BUSYSTATUS", "X-MICROSOFT-CDO-ALLDAYEVENT",
            "RRULE", "RDATE", "EXDATE");
    private static final Set<String> TASK_MAPPED = Set.of("UID", "SUMMARY", "DESCRIPTION", "CLASS", "CATEGORIES",
            "PRIORITY", "DTSTAMP", "CREATED", "LAST-MODIFIED", "DTSTART", "DUE", "DURATION", "STATUS",
            "PERCENT-COMPLETE", "COMPLETED", "RRULE", "RDATE", "EXDATE");
    private static final Set<String> RECURRENCE = Set.of("RRULE", "RDATE", "EXDATE");
    /** MAPI's recurrence pattern (MS-OXOCAL 2.2.1.44.1 RecurFrequency) is daily at the finest. */
    private static final Set<String> SUB_DAILY = Set.of("SECONDLY", "MINUTELY", "HOURLY");

    static Parsed read(String text, NamedIds ids, ZoneId defaultZone) {
        CalendarText ct = CalendarText.parse(text, defaultZone);
        List<Component> items = ct.items();
        if (items.isEmpty()) throw resource("the calendar holds no VEVENT or VTODO");
        String type = items.get(0).getName();
        for (Component c : items) {
            if (!c.getName().equals(type)) throw resource("a calendar object resource holds one type of component, not "
                    + type + " and " + c.getName());
        }
        ItemKind kind = switch (type) {
            case "VEVENT" -> ItemKind.EVENT;
            case "VTODO" -> ItemKind.TASK;
            default -> throw new ICalException(Precondition.SUPPORTED_CALENDAR_COMPONENT, type + " is not supported here");
        };
        String uid = null;
        Component master = null;
        List<Component> overrides = new ArrayList<>();
        for (Component c : items) {
            String u = CalendarText.value(c, Property.UID);
            if (u == null || u.isBlank()) throw resource("a " + type + " has no UID");
            if (uid == null) uid = u;
            else if (!uid.equals(u)) throw resource("a calendar object resource holds one UID, not " + uid + " and " + u);
            if (CalendarText.prop(c, Property.RECURRENCE_ID) == null) {
                if (master != null) throw resource("two " + type + " components of UID " + uid + " without RECURRENCE-ID");
                master = c;
            } else {
                overrides.add(c);
            }
        }
        if (master == null) master = overrides.remove(0);
        ct.checkZones(items);
        for (Component c : items) {
            for (Component sub : CalendarText.subcomponents(c)) ct.checkZones(List.of(sub));
        }
        for (Property r : master.getPropertyList().getProperties(Property.RRULE)) checkRule(r.getValue());

        Message m = new Message();
        m.recipients = new ArrayList<>();
        m.attachments = new ArrayList<>();
        Props p = new Props(m.props, ids);
        p.str(PropTag.PR_MESSAGE_CLASS, kind.messageClass());
        p.str(Names.UID, uid);
        if (kind == ItemKind.EVENT) {
            byte[] goid = Goid.fromUid(uid);
            p.bin(Names.GLOBAL_OBJECT_ID, goid);
            p.bin(Names.CLEAN_GLOBAL_OBJECT_ID, Goid.clean(goid));
        }
        ItemProps.common(ct, master, p);
        List<String> extra = new ArrayList<>();
        When start;
        Instant end;
        When eventEnd = null;
        When taskDates = null;
        if (kind == ItemKind.EVENT) {
            When[] se = eventTimes(ct, master);
            start = se[0];
            eventEnd = se[1];
            end = se[1].instant();
            ItemProps.event(ct, master, p, m, start, se[1]);
        } else {
            When[] se = ItemProps.task(ct, master, p);
            start = se[0];
            taskDates = se[0] != null ? se[0] : se[1];
            end = se[1] == null ? null : se[1].instant();
            List<String> dateOnly = new ArrayList<>();
            if (se[0] != null && se[0].dateOnly()) dateOnly.add("DTSTART");
            if (se[1] != null && se[1].dateOnly()) dateOnly.add("DUE");
            if (!dateOnly.isEmpty()) extra.add(ItemWriter.DATE_ONLY_HINT + ":" + String.join(",", dateOnly));
        }
        List<String> alarms = new ArrayList<>();
        List<List<String>> all = new ArrayList<>();
        for (Component sub : CalendarText.subcomponents(master)) {
            if (!Component.VALARM.equals(sub.getName())) continue;
            List<String> lines = Lines.split(sub.toString());
            if (alarms.isEmpty() && !Reminders.isSnooze(lines)) alarms.addAll(lines);
            all.add(lines);
        }
        ItemProps.reminder(kind, p, alarms, start == null ? null : start.instant(), end);
        // snoozed (RFC 9074): the reminder signals again then (MS-OXORMDR 3.1.4.2 sets the signal time on a snooze)
        Instant snoozed = Reminders.snoozedUntil(all);
        if (kind == ItemKind.EVENT && snoozed != null && p.bool(Names.REMINDER_SET)) {
            p.time(Names.REMINDER_SIGNAL_TIME, snoozed.toEpochMilli());
        }

        Set<String> mapped = kind == ItemKind.EVENT ? EVENT_MAPPED : TASK_MAPPED;
        List<String> recurrence = new ArrayList<>();
        for (Property prop : master.getPropertyList().getAll()) {
            String name = prop.getName().toUpperCase(Locale.ROOT);
            if (RECURRENCE.contains(name)) recurrence.addAll(Lines.split(prop.toString()));
            else if (!mapped.contains(name)) extra.addAll(Lines.split(prop.toString()));
        }
        for (Component sub : CalendarText.subcomponents(master)) extra.addAll(Lines.split(sub.toString()));
        for (Component o : overrides) recurrence.addAll(Lines.split(o.toString()));
        String recurrenceNote = null;
        if (!recurrence.isEmpty()) {
            p.bool(Names.RECURRING, true);
            if (kind == ItemKind.EVENT) p.bool(Names.IS_RECURRING, true);
            p.str(Names.RECURRENCE, String.join("\r\n", recurrence));
            // MAPI's recurrence blob for Outlook, when its pattern can say what the text says
            try {
                recurrenceNote = kind == ItemKind.EVENT ? Recurrences.write(ct, master, overrides, p, start, eventEnd)
                        : overrides.isEmpty() ? Recurrences.writeTask(ct, master, p, taskDates)
                        : "a task's changed occurrences have no place in MAPI";
            } catch (RuntimeException e) {
                recurrenceNote = "the recurrence cannot be mapped: " + e.getMessage();
            }
            if (kind == ItemKind.EVENT && recurrenceNote == null && !overrides.isEmpty()) {
                m.attachments.addAll(Exceptions.write(ct, master, overrides, ids, start.zone()));
            }
        }
        if (!extra.isEmpty()) p.str(Names.EXTRA, String.join("\r\n", extra));
        Set<String> tzids = new LinkedHashSet<>();
        for (Component c : items) CalendarText.tzids(c, tzids);
        StringBuilder zones = new StringBuilder();
        Zones bundled = new Zones(null, defaultZone);
        for (String tz : tzids) {
            Component vtz = ct.timezones.get(tz);
            if (vtz == null) continue;
            String given = vtz.toString();
            String ours = bundled.vtimezone(tz);
            // the bundled zone as render writes it is not kept: render gives it back anyway
            if (ours == null || !Lines.split(given).equals(Lines.split(ours))) zones.append(given);
        }
        if (!zones.isEmpty()) p.str(Names.TIMEZONES, zones.toString().strip());
        return new Parsed(uid, kind, m, recurrenceNote);
    }

    /** DTSTART and the end (DTEND, DTSTART + DURATION, a day for a date, else DTSTART) of an event. */
    static When[] eventTimes(CalendarText ct, Component c) {
        Property dtstart = CalendarText.prop(c, Property.DTSTART);
        if (dtstart == null) throw resource("the VEVENT " + CalendarText.value(c, Property.UID) + " has no DTSTART");
        When start = ct.when(dtstart, ct.defaultZone);
        ZoneId local = start.zone();
        Property dtend = CalendarText.prop(c, Property.DTEND);
        When end;
        if (dtend != null) {
            end = ct.when(dtend, local);
        } else {
            String dur = CalendarText.value(c, Property.DURATION);
            end = new When(plus(start, dur), start.tzid(), start.dateOnly(), start.floating(), start.zone());
        }
        if (end.instant().isBefore(start.instant())) {
            throw CalendarText.invalid("the VEVENT " + CalendarText.value(c, Property.UID) + " ends before it starts");
        }
        return new When[] {start, end};
    }

    /** The end of a duration from a start: nominal days in the start's zone (RFC 5545 3.3.6), else exact. */
    static Instant plus(When start, String duration) {
        if (duration == null) {
            return start.dateOnly() ? start.instant().atZone(start.zone()).plusDays(1).toInstant() : start.instant();
        }
        long days = Alarms.nominalDays(duration);
        if (days >= 0) return start.instant().atZone(start.zone()).plusDays(days).toInstant();
        var d = Alarms.duration(duration);
        if (d == null) throw CalendarText.invalid("bad DURATION " + duration);
        return start.instant().plus(d);
    }

    private static void checkRule(String rule) {
        String r = rule.toUpperCase(Locale.ROOT);
        for (String part : r.split(";")) {
            if (part.startsWith("FREQ=") && SUB_DAILY.contains(part.substring(5))) {
                throw resource("RRULE " + rule + ": recurrences more often than daily are not supported");
            }
        }
        try {
            new net.fortuna.ical4j.model.Recur<>(rule);
        } catch (RuntimeException e) {
            throw CalendarText.invalid("bad RRULE " + rule + ": " + e.getMessage());
        }
    }

    static ICalException resource(String message) {
        return new ICalException(Precondition.VALID_CALENDAR_OBJECT_RESOURCE, message);
    }

    /** The zone rules and key name an item's times are shown in, and the year whose rule is in effect. */
    static void timeZone(Props p, When start, When end, ZoneId defaultZone) {
        ZoneId zone = start.zone();
        String name = start.tzid();
        if (name == null && (start.dateOnly() || start.floating())) name = defaultZone.getId();
        if (name == null) zone = ZoneOffset.UTC;
        ZoneRules rules = zone.getRules();
        int year = start.instant().atZone(zone).getYear();
        if (name != null) p.str(Names.TIMEZONE_DESCRIPTION, name);
        String key = name == null ? "UTC" : name;
        p.bin(Names.TIMEZONE_STRUCT, TzStructs.tzStruct(rules, year));
        p.bin(Names.TZDEF_START_DISPLAY, TzStructs.tzDefinition(key, rules, year));
        ZoneId endZone = end != null && end.tzid() != null ? end.zone() : zone;
        String endKey = end != null && end.tzid() != null ? end.tzid() : key;
        int endYear = (end == null ? start : end).instant().atZone(endZone).getYear();
        p.bin(Names.TZDEF_END_DISPLAY, TzStructs.tzDefinition(endKey, endZone.getRules(), endYear));
    }
}
