package org.zcp.caldav.dav;

import org.zcp.caldav.resource.Coll;
import org.zcp.caldav.resource.Context;
import org.zcp.caldav.resource.Scheduler;
import org.zcp.caldav.resource.Target;

/** DELETE (RFC 4918 9.6) of an item (with If-Match) or of a whole collection (into the soft-deleted items). */
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
            default -> throw new DavException(403, Names.NEED_PRIVILEGES, "DELETE of " + target);
        }
        return DavResponse.status(204);
    }
}
