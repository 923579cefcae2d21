package org.zcp.ical;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.zcp.ical.Itip.Attendee;
import org.zcp.ical.Itip.Method;
import org.zcp.ical.Itip.PartStat;

/**
 * What a user's change of an event in their own calendar must send (RFC 6638 3.2, implicit
 * scheduling), whoever made the change (a CalDAV PUT or DELETE, the web client):
 * <ul>
 * <li>as organizer (ORGANIZER is their address): a new meeting, or one moved, renamed, made
 * recurring, given a higher SEQUENCE or new attendees, is sent as REQUEST to every attendee the
 * server schedules for (SCHEDULE-AGENT absent or SERVER); attendees taken off get a CANCEL, and
 * deleting the meeting cancels it for all;
 * <li>as attendee: a changed PARTSTAT of their own is sent to the organizer as REPLY, and
 * deleting a meeting they had not declined declines it.
 * </ul>
 * Pure: the caller sends the messages (the store's {@code Scheduling}).
 */
public final class ImplicitScheduling {
    private ImplicitScheduling() {
    }

    /** An iTIP message and whom it goes to. */
    public record Outgoing(String itip, List<String> to) {
    }

    /**
     * After {@code after} replaced {@code before} (null: a new item), written by the user of
     * address {@code me} (display name {@code myName}).
     */
    public static List<Outgoing> afterPut(String before, String after, String me, String myName, Instant now) {
        List<Outgoing> out = new ArrayList<>();
        if (me == null || me.isBlank()) return out;
        Itip.Message a = describe(after);
        Itip.Message b = before == null ? null : describe(before);
        if (a == null || a.organizer() == null) return out;
        if (a.organizer().equalsIgnoreCase(me)) {
            if (Itip.rescheduled(b, a)) add(out, Itip.withMethod(after, Method.REQUEST), invited(a, me));
            if (b != null) {
                List<String> removed = new ArrayList<>();
                for (String x : invited(b, me)) if (a.attendee(x) == null) removed.add(x);
                add(out, Itip.withMethod(before, Method.CANCEL), removed);
            }
            return out;
        }
        Attendee mine = a.attendee(me);
        if (mine == null || b == null) return out;
        Attendee was = b.attendee(me);
        PartStat now2 = PartStat.of(mine.partStat());
        if (now2 == null || now2 == PartStat.NEEDS_ACTION || was != null && PartStat.of(was.partStat()) == now2) return out;
        out.add(reply(a, me, myName, now2, null, now));
        return out;
    }

    /** After the user of address {@code me} deleted the item that was {@code before}. */
    public static List<Outgoing> afterDelete(String before, String me, String myName, Instant now) {
        List<Outgoing> out = new ArrayList<>();
        if (me == null || me.isBlank()) return out;
        Itip.Message b = describe(before);
        if (b == null || b.organizer() == null) return out;
        if (b.organizer().equalsIgnoreCase(me)) {
            add(out, Itip.withMethod(before, Method.CANCEL), invited(b, me));
        } else if (b.attendee(me) != null && PartStat.of(b.attendee(me).partStat()) != PartStat.DECLINED) {
            out.add(reply(b, me, myName, PartStat.DECLINED, null, now));
        }
        return out;
    }

    /** An attendee's answer to the organizer of the meeting {@code resource} is (with a comment, when given). */
    public static Outgoing answer(String resource, String me, String myName, PartStat answer, String comment,
            Instant now) {
        Itip.Message m = describe(resource);
        if (m == null || m.organizer() == null) throw CalendarText.invalid("the event is no meeting: it has no organizer");
        return reply(m, me, myName, answer, comment, now);
    }

    /** An attendee's proposal of another time [start, end) to the organizer of the meeting {@code resource} is. */
    public static Outgoing counter(String resource, String me, String myName, PartStat answer, Instant start,
            Instant end, String comment, Instant now) {
        Itip.Message m = describe(resource);
        if (m == null || m.organizer() == null) throw CalendarText.invalid("the event is no meeting: it has no organizer");
        if (!end.isAfter(start)) throw CalendarText.invalid("a proposed time ends after it starts");
        return new Outgoing(Itip.counter(m, me, myName, answer, start, end, comment, now), List.of(m.organizer()));
    }

    private static Outgoing reply(Itip.Message m, String me, String myName, PartStat answer, String comment,
            Instant now) {
        return new Outgoing(Itip.reply(m, me, myName, answer, comment, now), List.of(m.organizer()));
    }

    private static void add(List<Outgoing> out, String itip, List<String> to) {
        if (!to.isEmpty()) out.add(new Outgoing(itip, List.copyOf(to)));
    }

    /** The attendees the server schedules for, the organizer left out. */
    private static List<String> invited(Itip.Message m, String me) {
        List<String> out = new ArrayList<>();
        for (Attendee a : m.attendees()) {
            if (a.byServer() && !a.address().equalsIgnoreCase(me) && a.address().contains("@")) out.add(a.address());
        }
        return out;
    }

    private static Itip.Message describe(String text) {
        try {
            return Itip.describe(text, ZoneOffset.UTC);
        } catch (ICalException e) {
            return null;
        }
    }
}
