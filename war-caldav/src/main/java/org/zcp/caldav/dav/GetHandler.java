package org.zcp.caldav.dav;

import java.util.List;
import org.zcp.caldav.resource.Coll;
import org.zcp.caldav.resource.Context;
import org.zcp.caldav.resource.Items;
import org.zcp.caldav.resource.Target;
import org.zcp.ical.ItemKind;
import org.zcp.store.api.FolderItems.Item;
import org.zcp.store.api.FolderItems.ItemRef;

/**
 * GET and HEAD (RFC 4918 9.4) of an item: its iCalendar object or vCard with its ETag; 304 when
 * If-None-Match names it. GET of a collection answers the whole calendar (one VCALENDAR) or the
 * address book's vCards one after another, as an export. The scheduling inbox and outbox hold
 * nothing to get: 404 for a member, 405 for the box.
 */
public final class GetHandler implements Handler {
    @Override
    public DavResponse handle(DavRequest req, Target target, Context ctx) {
        DavResponse r = switch (target) {
            case Target.Item i -> item(req, ctx, ctx.collection(i.collection()), i.name());
            case Target.Collection c -> whole(ctx, ctx.collection(c));
            case Target.ScheduleBox b when b.item() != null ->
                throw new DavException(404, "the " + b.box().segment() + " holds nothing");
            case Target.ScheduleBox b -> throw new DavException(405, "GET of the " + b.box().segment())
                    .header("Allow", OptionsHandler.allow(b));
            default -> throw new DavException(405, "GET of " + target).header("Allow", OptionsHandler.allow(target));
        };
        return req.method().equals("HEAD") ? r.withoutBody() : r;
    }

    private static DavResponse item(DavRequest req, Context ctx, Coll coll, String name) {
        List<Item> found = Items.fetch(ctx, coll, List.of(name));
        if (found.isEmpty()) throw new DavException(404, "no item " + name);
        Item item = found.get(0);
        String etag = Expects.etag(item.ref().modSeq());
        if (Expects.noneMatchHits(req, item.ref().modSeq())) return DavResponse.status(304).header("ETag", etag);
        String text = Items.render(ctx, coll, item.message(), null);
        return DavResponse.status(200).header("ETag", etag).body(Items.contentType(coll), text);
    }

    /** The whole collection as one body: a VCALENDAR, or vCards one after another. */
    public static DavResponse whole(Context ctx, Coll coll) {
        List<String> names = ctx.store().items().list(ctx.session(), coll.id()).stream().map(ItemRef::name).toList();
        List<String> texts = Items.fetch(ctx, coll, names).stream()
                .map(it -> Items.render(ctx, coll, it.message(), null)).toList();
        String body = coll.kind() == ItemKind.CONTACT ? String.join("", texts) : ctx.codecs().join(texts);
        long tag = ctx.state(coll.id()).highestModSeq();
        return DavResponse.status(200).header("ETag", Expects.etag(tag)).body(Items.contentType(coll), body);
    }
}
