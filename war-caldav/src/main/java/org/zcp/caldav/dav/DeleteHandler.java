package org.zcp.caldav.dav;

import org.zcp.caldav.resource.Coll;
import org.zcp.caldav.resource.Context;
import org.zcp.caldav.resource.Scheduler;
import org.zcp.caldav.resource.Target;

/**
 * DELETE (RFC 4918 9.6) of an item (with If-Match) or of a whole collection (into the soft-deleted
 * items). The scheduling outbox and inbox belong to the calendar home: refused (403); they hold
 * no members (404).
 */
public final class DeleteHandler implements Handler {
    @Override
    public DavResponse handle(DavRequest req, Target target, Context ctx) {
        switch (target) {
            case Target.Item i -> {
                Coll coll = ctx.collection(i.collection());
                String before = Scheduler.concerns(ctx, coll, null) ? Scheduler.before(ctx, coll, i.name()) : null;
                ctx.store().items().delete(ctx.session(), coll.id(), i.name(), Expects.of(req));
                if (before != null && before.toUpperCase(java.util.Locale.ROOT).contains("ATTENDEE")) {
                    Scheduler.delete(ctx, before);
                }
            }
            case Target.Collection c -> {
                Coll coll = ctx.collection(c);
                ctx.store().tree().delete(ctx.session(), coll.id());
            }
            case Target.ScheduleBox b when b.item() != null ->
                throw new DavException(404, "the " + b.box().segment() + " holds nothing");
            case Target.ScheduleBox b -> throw new DavException(403, Names.NEED_PRIVILEGES,
                    "the " + b.box().segment() + " belongs to the calendar home and cannot be deleted");
            default -> throw new DavException(403, Names.NEED_PRIVILEGES, "DELETE of " + target);
        }
        return DavResponse.status(204);
    }
}
