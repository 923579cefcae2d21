package org.zcp.ical;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.zcp.api.mapi.PropTag;
import org.zcp.store.api.mapi.Message;

/**
 * Free/busy time of a calendar (RFC 5545 3.6.4, RFC 4791 7.10, RFC 6638 scheduling): the busy
 * periods of its events, recurrences expanded (bounded as {@link ICalItems#overlaps}), each with
 * the event's busy status as its FBTYPE. What free/busy shows of an item is its time only, so a
 * private item is as busy as any other and nothing of its content leaves the store. Free items
 * (TRANSP:TRANSPARENT, busy status free or working elsewhere), cancelled ones and tasks are not
 * busy.
 */
public final class FreeBusy {
    private FreeBusy() {
    }

    /** FBTYPE values, weakest first: where periods of two types overlap, the stronger is shown. */
    public enum Type {
        BUSY_TENTATIVE("BUSY-TENTATIVE"), BUSY("BUSY"), BUSY_UNAVAILABLE("BUSY-UNAVAILABLE");

        private final String fbtype;

        Type(String fbtype) {
            this.fbtype = fbtype;
        }

        /** The FBTYPE parameter's value. */
        public String fbtype() {
            return fbtype;
        }

        /** The type of MAPI's PidLidBusyStatus (1 tentative, 2 busy, 3 out of office); null for free. */
        public static Type ofBusyStatus(int status) {
            return switch (status) {
                case 1 -> BUSY_TENTATIVE;
                case 2 -> BUSY;
                case 3 -> BUSY_UNAVAILABLE;
                default -> null;
            };
        }
    }

    /** A busy period [start, end). */
    public record Period(Instant start, Instant end, Type type) {
        /** The store API's form of a period. */
        public org.zcp.store.api.Calendars.Busy busy() {
            return new org.zcp.store.api.Calendars.Busy(start, end, switch (type) {
                case BUSY_TENTATIVE -> org.zcp.store.api.Calendars.BusyType.TENTATIVE;
                case BUSY -> org.zcp.store.api.Calendars.BusyType.BUSY;
                case BUSY_UNAVAILABLE -> org.zcp.store.api.Calendars.BusyType.OUT_OF_OFFICE;
            });
        }

        /** A period of the store API's form. */
        public static Period of(org.zcp.store.api.Calendars.Busy b) {
            return new Period(b.start(), b.end(), switch (b.type()) {
                case TENTATIVE -> Type.BUSY_TENTATIVE;
                case BUSY -> Type.BUSY;
                case OUT_OF_OFFICE -> Type.BUSY_UNAVAILABLE;
            });
        }
    }

    /** PidLidAppointmentStateFlags asfCanceled ([MS-OXOCAL] 2.2.1.10). */
    static final int STATE_CANCELED = 0x4;

    /**
     * What {@link #of} reads of an item that does not recur (and the flags that say whether it
     * does): a calendar's free/busy reads these of every item in bulk and loads only the recurring
     * ones whose clip range meets the range asked ({@link ICalItems#mayRecurIn}).
     */
    public static List<Integer> tags(NamedIds ids) {
        List<Integer> t = new ArrayList<>(ICalItems.queryTags(ids));
        t.addAll(List.of(Names.BUSY_STATUS.tag(ids), Names.APPT_STATE_FLAGS.tag(ids), Names.EXTRA.tag(ids),
                Names.RECURRENCE.tag(ids), Names.APPT_RECUR.tag(ids), Itip.meetingKeyTag(ids)));
        return t;
    }

    /** The busy periods of one stored item within [from, to), clipped to it. */
    public static List<Period> of(Message item, NamedIds ids, Instant from, Instant to, ZoneId serverZone) {
        Props p = new Props(item.props, ids);
        if (ItemKind.ofMessage(p.str(PropTag.PR_MESSAGE_CLASS)) != ItemKind.EVENT) return List.of();
        Long state = p.num(Names.APPT_STATE_FLAGS);
        if (state != null && (state & STATE_CANCELED) != 0) return List.of();
        if (!ICalItems.isRecurring(item, ids)) return single(p, from, to);
        List<Period> out = new ArrayList<>();
        for (Overlaps.Occurrence o : Overlaps.occurrences(item, ids, from, to, serverZone, Overlaps.MAX_INSTANCES)) {
            Type type = Type.ofBusyStatus(o.busyStatus());
            if (type == null || o.cancelled() || !o.end().isAfter(o.start())) continue;
            out.add(new Period(max(o.start(), from), min(o.end(), to), type));
        }
        return out;
    }

    /** A single event from its properties alone (no rendering: free/busy of a large calendar). */
    private static List<Period> single(Props p, Instant from, Instant to) {
        Long s = p.num(Names.APPT_START_WHOLE);
        Long e = p.num(Names.APPT_END_WHOLE);
        if (s == null || e == null || e <= s) return List.of();
        Long busy = p.num(Names.BUSY_STATUS);
        Type type = Type.ofBusyStatus(busy == null ? 2 : busy.intValue());
        if (type == null || cancelled(p.str(Names.EXTRA))) return List.of();
        Instant start = Instant.ofEpochMilli(s);
        Instant end = Instant.ofEpochMilli(e);
        if (!Overlaps.hit(start, end, from, to)) return List.of();
        return List.of(new Period(max(start, from), min(end, to), type));
    }

    /** Whether kept extra text says STATUS:CANCELLED. */
    private static boolean cancelled(String extra) {
        if (extra == null) return false;
        for (String line : Lines.split(extra)) {
            if (line.regionMatches(true, 0, "STATUS:", 0, 7) && line.substring(7).trim().equalsIgnoreCase("CANCELLED")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The times of an event's occurrences within [from, to) whatever its busy status (what a
     * booking asks for), as BUSY periods; none for a cancelled event or another kind of item.
     */
    public static List<Period> occurrences(Message item, NamedIds ids, Instant from, Instant to, ZoneId serverZone) {
        Props p = new Props(item.props, ids);
        if (ItemKind.ofMessage(p.str(PropTag.PR_MESSAGE_CLASS)) != ItemKind.EVENT) return List.of();
        List<Period> out = new ArrayList<>();
        for (Overlaps.Occurrence o : Overlaps.occurrences(item, ids, from, to, serverZone, Overlaps.MAX_INSTANCES)) {
            if (!o.cancelled()) out.add(new Period(o.start(), o.end(), Type.BUSY));
        }
        return out;
    }

    /**
     * Periods as FREEBUSY shows them: per type, overlapping and touching periods joined; where
     * types overlap, each keeps its own periods (RFC 5545 allows overlapping FREEBUSY values).
     */
    public static List<Period> merge(List<Period> periods) {
        Map<Type, List<Period>> byType = new EnumMap<>(Type.class);
        for (Period p : periods) byType.computeIfAbsent(p.type(), t -> new ArrayList<>()).add(p);
        List<Period> out = new ArrayList<>();
        byType.forEach((type, list) -> {
            list.sort(Comparator.comparing(Period::start));
            Period cur = null;
            for (Period p : list) {
                if (cur != null && !p.start().isAfter(cur.end())) {
                    cur = new Period(cur.start(), max(cur.end(), p.end()), type);
                } else {
                    if (cur != null) out.add(cur);
                    cur = p;
                }
            }
            if (cur != null) out.add(cur);
        });
        out.sort(Comparator.comparing(Period::start).thenComparing(Period::type));
        return out;
    }

    /**
     * The VFREEBUSY of a calendar-query answer (RFC 4791 7.10): DTSTAMP, DTSTART and DTEND of the
     * range asked and one FREEBUSY line per merged period.
     */
    public static String render(List<Period> periods, Instant from, Instant to, Instant now) {
        return Lines.fold(component(periods, from, to, now, null, null, null, null));
    }

    /**
     * The iTIP REPLY of a free/busy request (RFC 5546 3.3.2, RFC 6638 scheduling outbox): as
     * {@link #render} with the request's UID, the organizer and the attendee whose time it is.
     */
    public static String reply(List<Period> periods, Instant from, Instant to, Instant now, String uid,
            String organizer, String attendee) {
        return Lines.fold(component(periods, from, to, now, "REPLY", uid, organizer, attendee));
    }

    private static List<String> component(List<Period> periods, Instant from, Instant to, Instant now, String method,
            String uid, String organizer, String attendee) {
        List<String> l = new ArrayList<>();
        l.add("BEGIN:VCALENDAR");
        l.add("VERSION:2.0");
        l.add("PRODID:" + ItemWriter.PRODID);
        if (method != null) l.add("METHOD:" + method);
        l.add("BEGIN:VFREEBUSY");
        if (uid != null) l.add("UID:" + uid);
        l.add("DTSTAMP:" + Lines.utc(now.toEpochMilli()));
        l.add("DTSTART:" + Lines.utc(from.toEpochMilli()));
        l.add("DTEND:" + Lines.utc(to.toEpochMilli()));
        if (organizer != null) l.add("ORGANIZER:" + organizer);
        if (attendee != null) l.add("ATTENDEE:" + attendee);
        for (Period p : merge(periods)) {
            l.add("FREEBUSY;FBTYPE=" + p.type().fbtype() + ":" + Lines.utc(p.start().toEpochMilli()) + "/"
                    + Lines.utc(p.end().toEpochMilli()));
        }
        l.add("END:VFREEBUSY");
        l.add("END:VCALENDAR");
        return l;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
