package org.zcp.caldav.resource;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import org.zcp.ical.ImplicitScheduling;
import org.zcp.ical.ImplicitScheduling.Outgoing;
import org.zcp.ical.ItemKind;
import org.zcp.store.api.FolderItems.Item;
import org.zcp.store.api.StoreFailure;

/**
 * Implicit scheduling (RFC 6638 3.2) of what a user writes in the calendars of their own home
 ({@link ImplicitScheduling} decides what is sent).
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
        for (Outgoing o : ImplicitScheduling.afterPut(before, after, own(ctx), ctx.who().fullName(), Instant.now())) {
            send(ctx, o.itip(), o.to());
        }
    }

    /** After a DELETE of a meeting that was {@code before}. */
    public static void delete(Context ctx, String before) {
        for (Outgoing o : ImplicitScheduling.afterDelete(before, own(ctx), ctx.who().fullName(), Instant.now())) {
            send(ctx, o.itip(), o.to());
        }
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

    private static String own(Context ctx) {
        String e = ctx.who().email();
        return e == null || e.isBlank() ? null : e.trim();
    }
}
