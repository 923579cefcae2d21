package org.zcp.caldav.resource;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import org.zcp.ical.ICalException;
import org.zcp.ical.ItemKind;
import org.zcp.ical.Itip;
import org.zcp.ical.Itip.Attendee;
import org.zcp.ical.Itip.Method;
import org.zcp.ical.Itip.PartStat;
import org.zcp.store.api.FolderItems.Item;
import org.zcp.store.api.StoreFailure;

/**
 * Implicit scheduling (RFC 6638 3.2) of what a user writes in the calendars of their own home:
 * <ul>
 * <li>as organizer (ORGANIZER is their address): a new meeting, or one moved, renamed, made
 * recurring, given a higher SEQUENCE or new attendees, is sent as REQUEST to every attendee the
 * server schedules for (SCHEDULE-AGENT absent or SERVER); attendees taken off get a CANCEL, and
 * deleting the meeting cancels it for all;
 * <li>as attendee: a changed PARTSTAT of their own is sent to the organizer as REPLY, and
 * deleting a meeting they had not declined declines it.
 * </ul>
 * The messages leave as iMIP mail through the spooler (the store's {@code Scheduling}); local
 * attendees get them by delivery, which keeps their calendars in step. A message that cannot be
 * sent does not undo the write: it is logged.
 */
public final class Scheduler {
    private static final Logger LOG = Logger.getLogger(Scheduler.class.getName());

    private Scheduler() {
    }

    /** Whether a write to this collection may need scheduling (events in the user's own home, with attendees). */
    public static boolean concerns(Context ctx, Coll coll, String text) {
        return coll.kind() == ItemKind.EVENT && ctx.ownHome() && own(ctx) != null
                && (text == null || text.toUpperCase(Locale.ROOT).contains("ATTENDEE"));
    }

    /** The item as it was before a write (null when there was none), as text. */
    public static String before(Context ctx, Coll coll, String name) {
        List<Item> cur = Items.fetch(ctx, coll, List.of(name));
        return cur.isEmpty() ? null : Items.render(ctx, coll, cur.get(0).message(), null);
    }

    /** After a PUT of {@code after} that replaced {@code before} (null: new). */
    public static void put(Context ctx, String before, String after) {
        String me = own(ctx);
        Itip.Message a = describe(after);
        Itip.Message b = before == null ? null : describe(before);
        if (a == null || a.organizer() == null) return;
        if (a.organizer().equalsIgnoreCase(me)) {
            if (Itip.rescheduled(b, a)) send(ctx, Itip.withMethod(after, Method.REQUEST), invited(a, me));
            if (b != null) {
                List<String> removed = new ArrayList<>();
                for (String x : invited(b, me)) if (a.attendee(x) == null) removed.add(x);
                if (!removed.isEmpty()) send(ctx, Itip.withMethod(before, Method.CANCEL), removed);
            }
            return;
        }
        Attendee mine = a.attendee(me);
        if (mine == null || b == null) return;
        Attendee was = b.attendee(me);
        PartStat now = PartStat.of(mine.partStat());
        if (now == null || now == PartStat.NEEDS_ACTION || was != null && PartStat.of(was.partStat()) == now) return;
        reply(ctx, a, now);
    }

    /** After a DELETE of a meeting that was {@code before}. */
    public static void delete(Context ctx, String before) {
        String me = own(ctx);
        Itip.Message b = describe(before);
        if (b == null || b.organizer() == null) return;
        if (b.organizer().equalsIgnoreCase(me)) {
            send(ctx, Itip.withMethod(before, Method.CANCEL), invited(b, me));
        } else if (b.attendee(me) != null && PartStat.of(b.attendee(me).partStat()) != PartStat.DECLINED) {
            reply(ctx, b, PartStat.DECLINED);
        }
    }

    private static void reply(Context ctx, Itip.Message m, PartStat answer) {
        String me = own(ctx);
        String name = ctx.who().fullName();
        send(ctx, Itip.reply(m, me, name, answer, null, Instant.now().atOffset(ZoneOffset.UTC).toInstant()),
                List.of(m.organizer()));
    }

    /** The attendees the server schedules for, the organizer left out. */
    private static List<String> invited(Itip.Message m, String me) {
        List<String> out = new ArrayList<>();
        for (Attendee a : m.attendees()) {
            if (a.byServer() && !a.address().equalsIgnoreCase(me) && a.address().contains("@")) out.add(a.address());
        }
        return out;
    }

    private static void send(Context ctx, String itip, List<String> to) {
        if (to.isEmpty()) return;
        try {
            ctx.store().scheduling().send(ctx.session(), itip, to);
        } catch (RuntimeException e) {
            StoreFailure f = StoreFailure.in(e);
            if (f == null || f.kind() == StoreFailure.Kind.SESSION_ENDED) throw e;
            LOG.warning("scheduling message of " + ctx.user() + " to " + to + " not sent: " + f.getMessage());
        }
    }

    private static Itip.Message describe(String text) {
        try {
            return Itip.describe(text, ZoneOffset.UTC);
        } catch (ICalException e) {
            return null;
        }
    }

    private static String own(Context ctx) {
        String e = ctx.who().email();
        return e == null || e.isBlank() ? null : e.trim();
    }
}
