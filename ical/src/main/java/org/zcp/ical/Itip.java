package org.zcp.ical;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import org.zcp.api.mapi.PropTag;
import org.zcp.ical.CalendarText.When;
import org.zcp.ical.ICalException.Precondition;
import org.zcp.store.api.mapi.Message;
import org.zcp.store.api.mapi.PropValue;
import org.zcp.store.api.mapi.Recipient;

/**
 * iTIP (RFC 5546) scheduling messages of events, as they arrive by iMIP (RFC 6047) mail from
 * Outlook, Google, Thunderbird or this server: what a message says ({@link #read}), the copy an
 * attendee keeps in their calendar ({@link #attendeeCopy}), an attendee's answer
 * ({@link #reply}), and what an answer or a cancellation changes in a stored copy
 * ({@link #applyReply}, {@link #cancel}). The meeting's identity is its UID (the global object id
 * Outlook matches by is derived from it, {@link ICalItems}).
 */
public final class Itip {
    private Itip() {
    }

    /** The methods of RFC 5546 1.4 this server acts on; others are {@link #OTHER}. */
    public enum Method { REQUEST, REPLY, CANCEL, PUBLISH, COUNTER, REFRESH, OTHER }

    /** An attendee's answer (PARTSTAT, RFC 5545 3.2.12). */
    public enum PartStat {
        NEEDS_ACTION("NEEDS-ACTION"), ACCEPTED("ACCEPTED"), TENTATIVE("TENTATIVE"), DECLINED("DECLINED");

        private final String value;

        PartStat(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }

        /** The PARTSTAT of a text; null for one that is no answer (DELEGATED, ...). */
        public static PartStat of(String text) {
            if (text == null) return NEEDS_ACTION;
            for (PartStat p : values()) if (p.value.equalsIgnoreCase(text.trim())) return p;
            return null;
        }
    }

    /**
     * One ATTENDEE: its address (mailto: taken off), CN, PARTSTAT and SCHEDULE-AGENT (RFC 6638
     * 7.1: CLIENT or NONE when the server is not to send it anything; null when absent).
     */
    public record Attendee(String address, String name, String partStat, String scheduleAgent) {
        public Attendee(String address, String name, String partStat) {
            this(address, name, partStat, null);
        }

        /** Whether the server schedules for this attendee (SCHEDULE-AGENT absent or SERVER). */
        public boolean byServer() {
            return scheduleAgent == null || scheduleAgent.equalsIgnoreCase("SERVER");
        }
    }

    /**
     * What a scheduling message says: its method, the meeting's UID and SEQUENCE, its organizer's
     * address, the attendees of its master component (a REPLY: the one who answers), its summary,
     * whether it recurs (RRULE, RDATE or overrides) and whether it concerns one occurrence only
     * (RECURRENCE-ID without a master; {@code recurrenceId} is then that RECURRENCE-ID line).
     */
    public record Message(Method method, String uid, int sequence, String organizer, String organizerName,
            List<Attendee> attendees, String summary, boolean recurring, boolean oneOccurrence, Instant start,
            Instant end, String recurrenceId) {
        /** The attendee of this address (case-insensitive), or null. */
        public Attendee attendee(String address) {
            for (Attendee a : attendees) if (a.address().equalsIgnoreCase(address)) return a;
            return null;
        }
    }

    /** Reads a scheduling message of events; ICalException when it is none. */
    public static Message read(String text, ZoneId serverZone) {
        return read(text, serverZone, true);
    }

    /**
     * Reads what a calendar object resource of an event says about its meeting (a PUT of CalDAV's
     * implicit scheduling, RFC 6638 3.2): as {@link #read}, its method {@link Method#OTHER}.
     */
    public static Message describe(String resource, ZoneId serverZone) {
        return read(resource, serverZone, false);
    }

    private static Message read(String text, ZoneId serverZone, boolean needsMethod) {
        CalendarText ct = CalendarText.parse(text, serverZone);
        String method = null;
        for (Property p : ct.calendar.getPropertyList().getAll()) {
            if (p.getName().equalsIgnoreCase(Property.METHOD)) method = p.getValue().trim().toUpperCase(Locale.ROOT);
        }
        if (method == null && needsMethod) throw invalid("a scheduling message needs a METHOD");
        if (method == null) method = "OTHER";
        List<Component> events = new ArrayList<>();
        for (Component c : ct.items()) if (Component.VEVENT.equals(c.getName())) events.add(c);
        if (events.isEmpty()) throw invalid("the scheduling message holds no VEVENT");
        Component master = null;
        for (Component c : events) {
            if (CalendarText.prop(c, Property.RECURRENCE_ID) == null) master = c;
        }
        Component main = master != null ? master : events.get(0);
        String uid = CalendarText.value(main, Property.UID);
        if (uid == null || uid.isBlank()) throw invalid("the VEVENT has no UID");
        for (Component c : events) {
            if (!uid.equals(CalendarText.value(c, Property.UID))) throw invalid("a scheduling message of two UIDs");
        }
        Property org = CalendarText.prop(main, Property.ORGANIZER);
        List<Attendee> attendees = new ArrayList<>();
        for (Property a : main.getPropertyList().getProperties(Property.ATTENDEE)) {
            attendees.add(new Attendee(ItemProps.address(a.getValue()), CalendarText.param(a, Parameter.CN),
                    upper(CalendarText.param(a, Parameter.PARTSTAT)), CalendarText.param(a, "SCHEDULE-AGENT")));
        }
        boolean recurring = events.size() > 1 || CalendarText.prop(main, Property.RRULE) != null
                || CalendarText.prop(main, Property.RDATE) != null;
        Instant start = null;
        Instant end = null;
        Property dtstart = CalendarText.prop(main, Property.DTSTART);
        if (dtstart != null) {
            When s = ct.when(dtstart, ct.defaultZone);
            start = s.instant();
            Property dtend = CalendarText.prop(main, Property.DTEND);
            end = dtend != null ? ct.when(dtend, s.zone()).instant()
                    : ItemReader.plus(s, CalendarText.value(main, Property.DURATION));
        }
        return new Message(method(method), uid, sequence(main), org == null ? null : ItemProps.address(org.getValue()),
                org == null ? null : CalendarText.param(org, Parameter.CN), List.copyOf(attendees),
                CalendarText.value(main, Property.SUMMARY), recurring, master == null, start, end,
                master == null ? Lines.split(CalendarText.prop(main, Property.RECURRENCE_ID).toString()).get(0) : null);
    }

    /**
     * The copy of a meeting request an attendee keeps in their calendar: the event as the
     * organizer sent it, the attendee's own answer as their track status and response status, the
     * time shown tentative until they accepted (busy once accepted), marked as a received meeting.
     */
    public static Parsed attendeeCopy(String request, NamedIds ids, String attendee, PartStat answer,
            ZoneId serverZone) {
        Parsed parsed = ICalItems.parse(request, ids, serverZone);
        Props p = new Props(parsed.message().props, ids);
        answer(p, parsed.message(), attendee, answer);
        long state = p.num(Names.APPT_STATE_FLAGS) == null ? 0 : p.num(Names.APPT_STATE_FLAGS);
        p.num(Names.APPT_STATE_FLAGS, (state | STATE_MEETING | STATE_RECEIVED) & ~FreeBusy.STATE_CANCELED);
        return parsed;
    }

    /**
     * The meeting's properties for the mail that carries it (a meeting request, answer or
     * cancellation in the Inbox, [MS-OXOCAL] 2.2.6): the named properties of its appointment (global
     * object ids, start and end, location, busy status, sequence, recurrence, time zone), so a MAPI
     * client finds the meeting from the mail; the mail's own subject, body and sender stay.
     */
    public static List<PropValue> mailProps(String calendar, NamedIds ids, ZoneId serverZone) {
        List<PropValue> out = new ArrayList<>();
        for (PropValue v : ICalItems.parse(calendar, ids, serverZone).message().props) {
            if (v.tag >>> 16 >= 0x8000) out.add(v);
        }
        return out;
    }

    /** PidLidAppointmentStateFlags asfMeeting and asfReceived ([MS-OXOCAL] 2.2.1.10). */
    static final long STATE_MEETING = 0x1;
    static final long STATE_RECEIVED = 0x2;

    /**
     * Applies an answer to a stored copy: the answering attendee's track status and, in the
     * attendee's own copy, the response status and busy status. False when the attendee is not
     * among the recipients of the copy (an answer from someone who was not invited).
     */
    public static boolean applyReply(org.zcp.store.api.mapi.Message copy, NamedIds ids, String attendee,
            PartStat answer) {
        boolean found = false;
        for (Recipient r : copy.recipients == null ? List.<Recipient>of() : copy.recipients) {
            if (!isAddress(r, attendee)) continue;
            r.props.removeIf(v -> v.tag == Tags.PR_RECIPIENT_TRACKSTATUS);
            r.props.add(PropValue.ofLong(Tags.PR_RECIPIENT_TRACKSTATUS, ItemProps.trackStatus(answer.value())));
            found = true;
        }
        return found;
    }

    /** Marks a stored copy cancelled (RFC 5546 3.2.5): its time free, "Canceled: " before its subject. */
    public static void cancel(org.zcp.store.api.mapi.Message copy, NamedIds ids) {
        Props p = new Props(copy.props, ids);
        long state = p.num(Names.APPT_STATE_FLAGS) == null ? 0 : p.num(Names.APPT_STATE_FLAGS);
        p.num(Names.APPT_STATE_FLAGS, state | FreeBusy.STATE_CANCELED);
        p.num(Names.BUSY_STATUS, 0);
        String subject = p.str(PropTag.PR_SUBJECT);
        if (subject == null || !subject.startsWith("Canceled: ")) {
            p.str(PropTag.PR_SUBJECT, "Canceled: " + (subject == null ? "" : subject));
        }
    }

    /**
     * The key a meeting is found by in a calendar: PidLidCleanGlobalObjectId of its UID, the
     * same for the copy made from iCalendar and the one Outlook made ({@link #meetingKeyTag}).
     */
    public static byte[] meetingKey(String uid) {
        return Goid.clean(Goid.fromUid(uid));
    }

    /** The tag of PidLidCleanGlobalObjectId, where {@link #meetingKey} is kept. */
    public static int meetingKeyTag(NamedIds ids) {
        return Names.CLEAN_GLOBAL_OBJECT_ID.tag(ids);
    }

    /** The answer an attendee gave in a stored copy (their track status); NEEDS_ACTION when none. */
    public static PartStat answerOf(org.zcp.store.api.mapi.Message copy, String attendee) {
        for (Recipient r : copy.recipients == null ? List.<Recipient>of() : copy.recipients) {
            if (!isAddress(r, attendee)) continue;
            for (PropValue v : r.props) {
                if (v.tag != Tags.PR_RECIPIENT_TRACKSTATUS || v.l == null) continue;
                return switch (v.l.intValue()) {
                    case Tags.RESP_ACCEPTED -> PartStat.ACCEPTED;
                    case Tags.RESP_TENTATIVE -> PartStat.TENTATIVE;
                    case Tags.RESP_DECLINED -> PartStat.DECLINED;
                    default -> PartStat.NEEDS_ACTION;
                };
            }
        }
        return PartStat.NEEDS_ACTION;
    }

    /** The SEQUENCE of a stored copy (0 when it has none). */
    public static int sequence(org.zcp.store.api.mapi.Message copy, NamedIds ids) {
        Long seq = new Props(copy.props, ids).num(Names.APPT_SEQUENCE);
        return seq == null ? 0 : seq.intValue();
    }

    /**
     * An attendee's answer to a request (RFC 5546 3.2.3): METHOD:REPLY with the meeting's UID,
     * SEQUENCE, organizer, times and summary, and the attendee with their PARTSTAT (and a COMMENT
     * saying why, when given).
     */
    public static String reply(Message request, String attendee, String attendeeName, PartStat answer, String comment,
            Instant now) {
        return answer(request, "REPLY", request.start(), request.end(), attendee, attendeeName, answer, comment, now);
    }

    /**
     * An attendee's proposal of another time (RFC 5546 3.2.7): METHOD:COUNTER with the meeting's
     * UID, SEQUENCE and organizer, the proposed start and end, the attendee with their PARTSTAT
     * (tentative or declined) and a COMMENT when given. The organizer may take it by sending the
     * meeting anew at that time.
     */
    public static String counter(Message request, String attendee, String attendeeName, PartStat answer,
            Instant start, Instant end, String comment, Instant now) {
        return answer(request, "COUNTER", start, end, attendee, attendeeName, answer, comment, now);
    }

    private static String answer(Message request, String method, Instant start, Instant end, String attendee,
            String attendeeName, PartStat answer, String comment, Instant now) {
        List<String> l = new ArrayList<>();
        l.add("BEGIN:VCALENDAR");
        l.add("VERSION:2.0");
        l.add("PRODID:" + ItemWriter.PRODID);
        l.add("METHOD:" + method);
        l.add("BEGIN:VEVENT");
        l.add("UID:" + Lines.text(request.uid()));
        l.add("SEQUENCE:" + request.sequence());
        l.add("DTSTAMP:" + Lines.utc(now.toEpochMilli()));
        if (start != null) l.add("DTSTART:" + Lines.utc(start.toEpochMilli()));
        if (end != null) l.add("DTEND:" + Lines.utc(end.toEpochMilli()));
        if (request.summary() != null) l.add("SUMMARY:" + Lines.text(request.summary()));
        if (request.recurrenceId() != null) l.add(request.recurrenceId());
        if (request.organizer() != null) {
            l.add("ORGANIZER" + cn(request.organizerName()) + ":" + ItemWriter.uri(request.organizer()));
        }
        l.add("ATTENDEE" + cn(attendeeName) + ";PARTSTAT=" + answer.value() + ":" + ItemWriter.uri(attendee));
        if (comment != null && !comment.isBlank()) l.add("COMMENT:" + Lines.text(comment));
        l.add("END:VEVENT");
        l.add("END:VCALENDAR");
        return Lines.fold(l);
    }

    /**
     * Whether a meeting changed so that its attendees must be asked again (RFC 5546 2.1.4: a new
     * meeting, another time or recurrence, a higher SEQUENCE, another summary, or new attendees).
     */
    public static boolean rescheduled(Message before, Message after) {
        if (before == null) return true;
        if (after.sequence() > before.sequence() || after.recurring() != before.recurring()
                || !java.util.Objects.equals(after.start(), before.start())
                || !java.util.Objects.equals(after.end(), before.end())
                || !java.util.Objects.equals(after.summary(), before.summary())) {
            return true;
        }
        for (Attendee a : after.attendees()) if (before.attendee(a.address()) == null) return true;
        return false;
    }

    /**
     * A calendar object resource as the iTIP message of {@code method} (RFC 5546 3.2): METHOD
     * after BEGIN:VCALENDAR; for CANCEL each component also STATUS:CANCELLED.
     */
    public static String withMethod(String resource, Method method) {
        List<String> out = new ArrayList<>();
        boolean added = false;
        String unfolded = resource.replaceAll("\r?\n[ \t]", "");
        for (String line : Lines.split(unfolded)) {
            if (line.regionMatches(true, 0, "METHOD:", 0, 7)) continue;
            if (method == Method.CANCEL && line.regionMatches(true, 0, "STATUS:", 0, 7)) continue;
            if (method == Method.CANCEL && line.equalsIgnoreCase("END:VEVENT")) out.add("STATUS:CANCELLED");
            out.add(line);
            if (!added && line.equalsIgnoreCase("BEGIN:VCALENDAR")) {
                out.add("METHOD:" + method.name());
                added = true;
            }
        }
        return Lines.fold(out);
    }

    /**
     * A stored meeting (its calendar object resource, as rendered) with one occurrence changed as
     * a request or cancellation of that occurrence says (RFC 5546 3.2.2.1, 3.2.5: RECURRENCE-ID
     * without a master): a cancellation excludes it (EXDATE on the master, an override of it
     * removed); a request replaces or adds its override (with the time zones it needs).
     */
    public static String withOccurrence(String resource, String itip, boolean cancel) {
        List<String> copy = Lines.split(unfold(resource));
        List<String> msg = Lines.split(unfold(itip));
        List<List<String>> changes = blocks(msg, "VEVENT");
        List<String> out = new ArrayList<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (List<String> c : changes) {
            String rid = line(c, "RECURRENCE-ID");
            if (rid != null) ids.add(ridValue(rid));
        }
        List<String> zonesNeeded = new ArrayList<>();
        java.util.Set<String> zonesHad = new java.util.HashSet<>();
        for (List<String> z : blocks(copy, "VTIMEZONE")) zonesHad.add(line(z, "TZID"));
        if (!cancel) {
            for (List<String> z : blocks(msg, "VTIMEZONE")) if (!zonesHad.contains(line(z, "TZID"))) zonesNeeded.addAll(z);
        }
        int i = 0;
        while (i < copy.size()) {
            String l = copy.get(i);
            if (l.equalsIgnoreCase("BEGIN:VEVENT")) {
                int end = i;
                while (end < copy.size() && !copy.get(end).equalsIgnoreCase("END:VEVENT")) end++;
                List<String> block = new ArrayList<>(copy.subList(i, Math.min(end + 1, copy.size())));
                String rid = line(block, "RECURRENCE-ID");
                if (rid == null) {
                    if (cancel) {
                        for (List<String> c : changes) {
                            String r = line(c, "RECURRENCE-ID");
                            if (r != null) block.add(block.size() - 1, "EXDATE" + r.substring("RECURRENCE-ID".length()));
                        }
                    }
                    out.addAll(block);
                } else if (!ids.contains(ridValue(rid))) {
                    out.addAll(block);
                }
                i = end + 1;
                continue;
            }
            if (l.equalsIgnoreCase("END:VCALENDAR")) {
                if (!cancel) for (List<String> c : changes) out.addAll(c);
                out.add(l);
                i++;
                continue;
            }
            out.add(l);
            if (l.equalsIgnoreCase("BEGIN:VCALENDAR")) out.addAll(zonesNeeded);
            i++;
        }
        return Lines.fold(out);
    }

    static String unfold(String text) {
        return text.replaceAll("\r?\n[ \t]", "");
    }

    /** The blocks BEGIN:name .. END:name of unfolded lines, nested ones inside. */
    static List<List<String>> blocks(List<String> lines, String name) {
        List<List<String>> out = new ArrayList<>();
        List<String> cur = null;
        for (String l : lines) {
            if (cur == null && l.equalsIgnoreCase("BEGIN:" + name)) cur = new ArrayList<>();
            if (cur != null) cur.add(l);
            if (cur != null && l.equalsIgnoreCase("END:" + name)) {
                out.add(cur);
                cur = null;
            }
        }
        return out;
    }

    /** The first line of a block that is property {@code name} (with or without parameters), or null. */
    static String line(List<String> block, String name) {
        for (String l : block) {
            if (l.regionMatches(true, 0, name, 0, name.length()) && l.length() > name.length()
                    && (l.charAt(name.length()) == ':' || l.charAt(name.length()) == ';')) {
                return l;
            }
        }
        return null;
    }

    /** A RECURRENCE-ID's parameters and value: what tells two of them apart. */
    static String ridValue(String line) {
        int colon = ContentLines.valueStart(line);
        if (colon < 0) return line;
        return line.substring("RECURRENCE-ID".length(), colon).toUpperCase(Locale.ROOT) + "|"
                + line.substring(colon + 1).trim();
    }

    /** The message class of a scheduling message in a mailbox ([MS-OXOCAL] 2.2.6, 2.2.7). */
    public static String messageClass(Message m) {
        return switch (m.method()) {
            case REQUEST -> "IPM.Schedule.Meeting.Request";
            case CANCEL -> "IPM.Schedule.Meeting.Canceled";
            // a proposal of another time is a tentative answer in Outlook's terms ([MS-OXOCAL] 2.2.7.7)
            case COUNTER -> "IPM.Schedule.Meeting.Resp.Tent";
            case REPLY -> {
                PartStat answer = m.attendees().isEmpty() ? null : PartStat.of(m.attendees().get(0).partStat());
                yield answer == PartStat.ACCEPTED ? "IPM.Schedule.Meeting.Resp.Pos"
                        : answer == PartStat.DECLINED ? "IPM.Schedule.Meeting.Resp.Neg"
                        : "IPM.Schedule.Meeting.Resp.Tent";
            }
            default -> null;
        };
    }

    private static void answer(Props p, org.zcp.store.api.mapi.Message m, String attendee, PartStat answer) {
        applyReply(m, null, attendee, answer);
        p.num(Names.RESPONSE_STATUS, switch (answer) {
            case ACCEPTED -> Tags.RESP_ACCEPTED;
            case TENTATIVE -> Tags.RESP_TENTATIVE;
            case DECLINED -> Tags.RESP_DECLINED;
            case NEEDS_ACTION -> Tags.RESP_NOT_RESPONDED;
        });
        Long busy = p.num(Names.BUSY_STATUS);
        int asSent = busy == null ? 2 : busy.intValue();
        // the organizer's free or out-of-office time stays so; a busy one is tentative until accepted
        p.num(Names.BUSY_STATUS, answer == PartStat.ACCEPTED || asSent != 2 ? asSent : 1);
    }

    private static boolean isAddress(Recipient r, String address) {
        for (PropValue v : r.props) {
            if ((v.tag == PropTag.PR_SMTP_ADDRESS || v.tag == PropTag.PR_EMAIL_ADDRESS) && v.s != null
                    && v.s.equalsIgnoreCase(address)) {
                return true;
            }
        }
        return false;
    }

    private static Method method(String m) {
        try {
            return Method.valueOf(m);
        } catch (IllegalArgumentException e) {
            return Method.OTHER;
        }
    }

    private static int sequence(Component c) {
        String s = CalendarText.value(c, Property.SEQUENCE);
        try {
            return s == null ? 0 : Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static String cn(String name) {
        return name == null || name.isBlank() ? "" : ";CN=" + Lines.param(name);
    }

    private static String upper(String s) {
        return s == null ? null : s.toUpperCase(Locale.ROOT);
    }

    private static ICalException invalid(String message) {
        return new ICalException(Precondition.VALID_CALENDAR_DATA, message);
    }
}
