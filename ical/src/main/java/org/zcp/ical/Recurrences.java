package org.zcp.ical;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import org.zcp.ical.CalendarText.When;
import org.zcp.ical.RecurrenceRules.Mapped;
import org.zcp.ical.RecurrenceRules.Changed;
import org.zcp.ical.RecurrenceRules.Series;

/**
 * A recurring event's MAPI recurrence properties beside its kept iCalendar text (see
 * {@link ICalItems}): PidLidAppointmentRecur, PidLidRecurrenceType, PidLidRecurrencePattern,
 * PidLidClipStart/End, and the fingerprint that tells whether Outlook changed the blob since.
 */
final class Recurrences {
    private Recurrences() {
    }

    /** PidLidClipEnd of a series without end ([MS-OXOCAL] 2.2.1.15: 31 August 4500, 11:59 P.M.). */
    static final Instant CLIP_END_NEVER = Instant.parse("4500-08-31T23:59:00Z");

    /**
     * Writes the blob and its companions for a recurring master event; null when written, else why
     * MAPI's pattern cannot hold the recurrence (nothing is written then).
     */
    static String write(CalendarText ct, Component master, List<Component> overrides, Props p, When start, When end) {
        List<Property> rrules = master.getPropertyList().getProperties(Property.RRULE);
        if (rrules.isEmpty()) return "no RRULE (RDATE alone)";
        if (rrules.size() > 1) return "several RRULEs";
        if (!master.getPropertyList().getProperties(Property.RDATE).isEmpty()) return "RDATE has no place in MAPI's pattern";
        ZoneId zone = start.zone();
        boolean allDay = start.dateOnly();
        List<LocalDateTime> exdates = new ArrayList<>();
        for (Property ex : master.getPropertyList().getProperties(Property.EXDATE)) {
            for (Instant i : dates(ct, ex, zone)) exdates.add(local(i, zone));
        }
        String subject = CalendarText.value(master, Property.SUMMARY);
        String location = CalendarText.value(master, Property.LOCATION);
        int busy = ItemProps.busyStatus(master);
        List<Changed> changed = new ArrayList<>();
        for (Component o : overrides) {
            Property rid = CalendarText.prop(o, Property.RECURRENCE_ID);
            String range = CalendarText.param(rid, Parameter.RANGE);
            if (range != null && range.toUpperCase(Locale.ROOT).contains("FUTURE")) {
                return "RECURRENCE-ID;RANGE=THISANDFUTURE has no place in MAPI's pattern";
            }
            Property os = CalendarText.prop(o, Property.DTSTART);
            if (os == null) return "an override without DTSTART";
            When oStart = ct.when(os, zone);
            Property oe = CalendarText.prop(o, Property.DTEND);
            Instant oEnd = oe != null ? ct.when(oe, oStart.zone()).instant()
                    : ItemReader.plus(oStart, CalendarText.value(o, Property.DURATION));
            String oSubject = CalendarText.value(o, Property.SUMMARY);
            String oLocation = CalendarText.value(o, Property.LOCATION);
            changed.add(new Changed(local(ct.when(rid, zone).instant(), zone), local(oStart.instant(), zone),
                    local(oEnd, zone), oSubject == null ? "" : oSubject, oLocation == null ? "" : oLocation,
                    ItemProps.busyStatus(o)));
        }
        Series s = new Series(rrules.get(0).getValue(), local(start.instant(), zone), local(end.instant(), zone), allDay,
                zone, exdates, changed, subject, location, busy);
        Mapped m = RecurrenceRules.toPattern(s);
        if (m.pattern() == null) return m.notExpressible();
        RecurrencePattern pattern = m.pattern();
        byte[] blob = RecurrenceBlob.write(pattern);
        p.bin(Names.APPT_RECUR, blob);
        p.str(Names.RECURRENCE_BLOB, fingerprint(blob));
        p.num(Names.RECURRENCE_TYPE, switch (pattern.recurFrequency()) {
            case RecurrencePattern.DAILY -> 1;
            case RecurrencePattern.WEEKLY -> 2;
            case RecurrencePattern.MONTHLY -> 3;
            default -> 4;
        });
        p.str(Names.RECURRENCE_PATTERN, RecurrenceRules.describe(pattern, allDay));
        // [MS-OXOCAL] 2.2.1.14/2.2.1.15: midnight (the series' zone) of the first and the last occurrence, in UTC
        p.time(Names.CLIP_START, RecurrencePattern.local(pattern.startDate()).atZone(zone).toInstant().toEpochMilli());
        Instant clipEnd = pattern.endless() ? CLIP_END_NEVER
                : RecurrencePattern.local(pattern.endDate()).atZone(zone).toInstant();
        p.time(Names.CLIP_END, clipEnd.toEpochMilli());
        return null;
    }

    /**
     * Writes PidLidTaskRecurrence and PidLidTaskFRecurring for a recurring task (its dates are
     * what recur: the pattern of its start, else its due date); null when written, else why MAPI's
     * pattern cannot hold the recurrence. EXDATEs are its deleted occurrences; a task has no
     * changed ones in MAPI.
     */
    static String writeTask(CalendarText ct, Component master, Props p, When start) {
        List<Property> rrules = master.getPropertyList().getProperties(Property.RRULE);
        if (rrules.isEmpty()) return "no RRULE (RDATE alone)";
        if (rrules.size() > 1) return "several RRULEs";
        if (!master.getPropertyList().getProperties(Property.RDATE).isEmpty()) return "RDATE has no place in MAPI's pattern";
        if (start == null) return "a task without DTSTART or DUE has no dates to recur";
        ZoneId zone = start.zone();
        List<LocalDateTime> exdates = new ArrayList<>();
        for (Property ex : master.getPropertyList().getProperties(Property.EXDATE)) {
            for (Instant i : dates(ct, ex, zone)) exdates.add(local(i, zone));
        }
        LocalDateTime first = local(start.instant(), zone);
        Mapped m = RecurrenceRules.toPattern(new Series(rrules.get(0).getValue(), first, first, start.dateOnly(), zone,
                exdates, List.of(), CalendarText.value(master, Property.SUMMARY), null, 0));
        if (m.pattern() == null) return m.notExpressible();
        byte[] blob = RecurrenceBlob.writePattern(m.pattern());
        p.bin(Names.TASK_RECURRENCE, blob);
        p.bool(Names.TASK_F_RECURRING, true);
        p.str(Names.RECURRENCE_BLOB, fingerprint(blob));
        return null;
    }

    /**
     * The recurrence lines of a stored task: the kept text while the blob is the one written from
     * it (or there is none); otherwise (Outlook made or changed it) RRULE and EXDATE from the blob,
     * as dates when the task's dates are (Outlook's always are) or in {@code zone}.
     */
    static List<String> taskLines(Props p, ZoneId zone, boolean dates, String tzid) {
        // a task's pattern has no exceptions: RRULE and EXDATE only
        return lines(p, Names.TASK_RECURRENCE, new Master(null, null, zone, tzid, dates, null, null, 0, null));
    }

    /** SHA-256 of a blob, hex. */
    static String fingerprint(byte[] blob) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(blob));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The recurrence lines of a stored event: the kept text while the blob is the one written from
     * it (or there is no blob); otherwise (Outlook made or changed the series) RRULE, EXDATE and the
     * overrides from the blob. Property lines first, then the override components, as kept.
     *
     * @param master the master's start, end and all-day form, its zone and TZID (null: UTC), and the
     *        values an override repeats when it does not change them
     */
    static List<String> lines(Props p, Master master) {
        return lines(p, Names.APPT_RECUR, master);
    }

    private static List<String> lines(Props p, Names.Named blobName, Master master) {
        String kept = p.str(Names.RECURRENCE);
        byte[] blob = p.bin(blobName);
        if (blob == null || kept != null && fingerprint(blob).equals(p.str(Names.RECURRENCE_BLOB))) return Lines.split(kept);
        RecurrencePattern pattern;
        try {
            pattern = RecurrenceBlob.read(blob);
        } catch (IllegalArgumentException e) {
            return Lines.split(kept);
        }
        RecurrenceRules.ICal ical = RecurrenceRules.toICal(pattern, master.zone(), master.allDay());
        List<String> out = new ArrayList<>();
        out.add("RRULE:" + ical.rrule());
        for (LocalDateTime x : ical.exdates()) out.add(master.time("EXDATE", x));
        for (Changed o : ical.overrides()) {
            out.add("BEGIN:VEVENT");
            out.add(Lines.property("UID", master.uid()));
            out.add("DTSTAMP:" + master.stamp());
            out.add(master.time("RECURRENCE-ID", o.originalStart()));
            out.add(master.time("DTSTART", o.start()));
            out.add(master.time("DTEND", o.end()));
            String subject = o.subject() != null ? o.subject() : master.subject();
            if (subject != null && !subject.isEmpty()) out.add(Lines.property("SUMMARY", subject));
            String location = o.location() != null ? o.location() : master.location();
            if (location != null && !location.isEmpty()) out.add(Lines.property("LOCATION", location));
            int b = o.busyStatus() != null ? o.busyStatus() : master.busyStatus();
            out.add("TRANSP:" + (b == 0 ? "TRANSPARENT" : "OPAQUE"));
            String[] cdo = {"FREE", "TENTATIVE", "BUSY", "OOF", "WORKINGELSEWHERE"};
            out.add("X-MICROSOFT-CDO-BUSYSTATUS:" + (b >= 0 && b < cdo.length ? cdo[b] : "BUSY"));
            if (master.more() != null) out.addAll(master.more().apply(o.originalStart().atZone(master.zone()).toInstant()));
            out.add("END:VEVENT");
        }
        return out;
    }

    /**
     * What an override rendered from the blob takes from its master; {@code more} gives the lines
     * the blob has no room for (body, organizer, attendees: the exception's attachment or the
     * master's) by the occurrence's original start, or is null.
     */
    record Master(String uid, String stamp, ZoneId zone, String tzid, boolean allDay, String subject, String location,
            int busyStatus, java.util.function.Function<Instant, List<String>> more) {
        /** A date property of a local time in the series' zone (DATE when all-day, UTC when no TZID). */
        String time(String name, LocalDateTime t) {
            if (allDay) return name + ";VALUE=DATE:" + Lines.date(t.toLocalDate());
            if (tzid == null) return name + ":" + Lines.utc(t.atZone(zone).toInstant().toEpochMilli());
            return name + ";TZID=" + Lines.param(tzid) + ":" + Lines.local(t);
        }
    }

    private static LocalDateTime local(Instant i, ZoneId zone) {
        return i.atZone(zone == null ? ZoneOffset.UTC : zone).toLocalDateTime();
    }

    /** The instants of a date-list property (EXDATE); values that are no dates are skipped, as a client would. */
    static List<Instant> dates(CalendarText ct, Property p, ZoneId zone) {
        List<Instant> out = new ArrayList<>();
        String tz = CalendarText.param(p, Parameter.TZID);
        for (String v : p.getValue().split(",")) {
            String one = v.contains("/") ? v.substring(0, v.indexOf('/')) : v;
            try {
                Property single = new net.fortuna.ical4j.model.property.XProperty("X-D", one.trim());
                if (tz != null) single.add(new net.fortuna.ical4j.model.parameter.TzId(tz));
                out.add(ct.when(single, zone).instant());
            } catch (IllegalArgumentException e) {
                // not a date: ignored
            }
        }
        return out;
    }
}
