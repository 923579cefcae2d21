package org.zcp.ical;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.zcp.api.mapi.PropTag;
import org.zcp.store.api.mapi.Message;
import org.zcp.store.api.mapi.PropValue;

/**
 * iCalendar (RFC 5545) to MAPI and back, for calendar object resources (RFC 4791 section 4: one
 * UID, its master component and its overrides) of events (IPM.Appointment) and tasks (IPM.Task).
 *
 * <p>What MAPI holds: docs/mapi-properties.md (times, all-day, location, busy status, reminder,
 * attendees as recipients with their track status, organizer as sent-representing and sender,
 * Keywords, sensitivity, global object ids, sequence, time-zone structures; PSETID_Task for tasks).
 * What it does not hold is kept as iCalendar text in string named properties of PS_PUBLIC_STRINGS,
 * so a client gets back what it sent:
 * <ul>
 * <li>{@code urn:zcp:ical:uid}: the UID exactly as sent (the global object id is derived from it);
 * <li>{@code urn:zcp:ical:recurrence}: a recurring master's RRULE, RDATE and EXDATE lines, then
 * each RECURRENCE-ID component whole (PidLidRecurring is set). A recurring event whose rule MAPI's
 * pattern can express also gets PidLidAppointmentRecur with its companions (see {@link Recurrences},
 * docs/mapi-properties.md) and {@code urn:zcp:ical:recurrence-blob}, the blob's fingerprint: render
 * gives the kept text while the blob is the one written from it, and the blob's recurrence once
 * Outlook changed it or when there is no text (an item Outlook made). {@link Parsed#recurrenceNote}
 * says why a recurrence got no blob;
 * <li>{@code urn:zcp:ical:extra}: the master's properties without a MAPI home (X- properties,
 * URL, GEO, ATTACH by URI, STATUS of events, ...) and its VALARMs whole: the first alarm is MAPI's
 * reminder and is rewritten on output only when the reminder was changed in MAPI;
 * <li>{@code urn:zcp:ical:timezones}: the VTIMEZONEs the client sent, given back as they were.
 * </ul>
 *
 * <p>Dates: DATE values and floating times are read in the server's zone ({@code server_timezone}
 * of ical.cfg, given to the three-argument forms; the two-argument ones use the JVM's default);
 * floating times come back with that zone's TZID. Recurrences more often than daily (SECONDLY,
 * MINUTELY, HOURLY), which MAPI's recurrence pattern cannot hold, are refused.
 */
public final class ICalItems {
    private ICalItems() {
    }

    /**
     * The named property (PS_PUBLIC_STRINGS "urn:zcp:ical:uid") a converted event, task or contact
     * keeps its UID in: what a collection's items are found by UID with (no-uid-conflict).
     */
    public static final org.zcp.store.api.mapi.NamedProp UID_PROPERTY = Names.UID.name();

    /** Converts one calendar object resource; ICalException when it is not one or cannot be converted. */
    public static Parsed parse(String text, NamedIds ids) {
        return parse(text, ids, ZoneId.systemDefault());
    }

    /** As {@link #parse(String, NamedIds)}, DATE and floating values in {@code serverZone}. */
    public static Parsed parse(String text, NamedIds ids, ZoneId serverZone) {
        return ItemReader.read(text, ids, serverZone);
    }

    /** The calendar object resource (a VCALENDAR with its VTIMEZONEs) of a stored event or task. */
    public static String render(Message message, NamedIds ids) {
        return render(message, ids, ZoneId.systemDefault());
    }

    /** As {@link #render(Message, NamedIds)}, all-day items without a kept zone in {@code serverZone}. */
    public static String render(Message message, NamedIds ids, ZoneId serverZone) {
        return ItemWriter.render(message, ids, serverZone);
    }

    /**
     * Whether an event or task (any occurrence of it) overlaps [from, to) (RFC 4791 section 9.9).
     * A recurring item is expanded from its recurrence as render gives it (kept text or blob); the expansion stops at
     * {@code to} and looks at no more than {@value Overlaps#MAX_INSTANCES} instances per rule
     * (an open daily or finer rule starts near {@code from}, so only a window holding more
     * instances than that is cut short, and answers false for the part left out).
     */
    public static boolean overlaps(Message message, NamedIds ids, Instant from, Instant to) {
        return overlaps(message, ids, from, to, ZoneId.systemDefault());
    }

    /** As {@link #overlaps(Message, NamedIds, Instant, Instant)} with the server's zone for dates. */
    public static boolean overlaps(Message message, NamedIds ids, Instant from, Instant to, ZoneId serverZone) {
        return Overlaps.test(message, ids, from, to, serverZone);
    }

    /**
     * The properties {@link #overlaps} reads of an item that is not recurring, and the flag that
     * says whether it is: what a calendar-query reads of every item in bulk before it loads the
     * few it answers with (a recurring item is loaded whole and tested then).
     */
    public static List<Integer> queryTags(NamedIds ids) {
        return List.of(PropTag.PR_MESSAGE_CLASS, PropTag.PR_CREATION_TIME, Names.APPT_START_WHOLE.tag(ids),
                Names.APPT_END_WHOLE.tag(ids), Names.TASK_START_DATE.tag(ids), Names.TASK_DUE_DATE.tag(ids),
                Names.TASK_DATE_COMPLETED.tag(ids), Names.RECURRING.tag(ids), Names.TASK_F_RECURRING.tag(ids),
                Names.CLIP_START.tag(ids), Names.CLIP_END.tag(ids));
    }

    /** How far a changed occurrence may lie outside its series' clip range (Outlook keeps one before the next). */
    static final java.time.Duration MOVED_OCCURRENCE_MARGIN = java.time.Duration.ofDays(366);

    /**
     * Whether a recurring item read with {@link #queryTags} may have an occurrence in [from, to):
     * its clip range (PidLidClipStart/End: the first occurrence's day to the last one's, 4500 for
     * none) widened by a year for moved occurrences meets it; true when the item has none. A query
     * loads and expands only these.
     */
    public static boolean mayRecurIn(Message peeked, NamedIds ids, Instant from, Instant to) {
        Props p = new Props(peeked.props, ids);
        Long start = p.num(Names.CLIP_START);
        Long end = p.num(Names.CLIP_END);
        if (start == null || end == null) return true;
        return Instant.ofEpochMilli(start).minus(MOVED_OCCURRENCE_MARGIN).isBefore(to)
                && Instant.ofEpochMilli(end).plus(MOVED_OCCURRENCE_MARGIN).plus(java.time.Duration.ofDays(1)).isAfter(from);
    }

    /**
     * A calendar object resource as its instances overlapping [from, to) (RFC 4791 9.6.5
     * CALDAV:expand): each with RECURRENCE-ID, without RRULE/RDATE/EXDATE, in UTC, no VTIMEZONE;
     * floating and date values read in {@code serverZone}; bounded as {@link #overlaps}.
     */
    public static String expand(String calendar, Instant from, Instant to, ZoneId serverZone) {
        return Expansion.expand(calendar, from, to, serverZone);
    }

    /** Whether an item recurs (PidLidRecurring, or kept recurrence text or a recurrence blob). */
    public static boolean isRecurring(Message message, NamedIds ids) {
        Props p = new Props(message.props, ids);
        PropValue flag = p.get(Names.RECURRING.tag(ids));
        PropValue task = p.get(Names.TASK_F_RECURRING.tag(ids));
        return flag != null && Boolean.TRUE.equals(flag.b) || task != null && Boolean.TRUE.equals(task.b)
                || p.str(Names.RECURRENCE) != null || p.bin(Names.APPT_RECUR) != null
                || p.bin(Names.TASK_RECURRENCE) != null;
    }

    /** A whole calendar (the iCal gateway's PUT) split into one calendar object resource per UID. */
    public static List<String> split(String calendar) {
        return Splitter.split(calendar);
    }

    /** Calendar object resources joined into one VCALENDAR (the iCal gateway's GET), each time zone once. */
    public static String join(List<String> resources) {
        return Splitter.join(resources);
    }
}
