package org.zcp.caldav.dav;

import java.util.List;
import java.util.Locale;
import org.zcp.caldav.resource.Coll;
import org.zcp.caldav.resource.Context;
import org.zcp.caldav.resource.Items;
import org.zcp.caldav.resource.Paths;
import org.zcp.caldav.resource.Target;
import org.zcp.ical.ItemKind;
import org.zcp.ical.Parsed;
import org.zcp.store.api.FolderItems.Expect;
import org.zcp.store.api.FolderItems.Item;
import org.zcp.store.api.FolderItems.ItemRef;
import org.zcp.store.api.StoreFailure;

/**
 * COPY and MOVE of an item (RFC 4918 9.8, 9.9; RFC 4791 5.3.2, RFC 6352 6.3.2) to a name in a
 * collection of the same kind in the same home (its own collections or those shared with it): the
 * item as its rendering, converted and put as a client's PUT would be (a calendar object resource
 * checked anew, the store's permissions on both folders), then, for MOVE, removed from the source
 * (with If-Match, when given). Scheduling is not involved: the meeting is the same one. Overwrite:
 * F with an existing destination is 412, nothing written; 201 when the destination is new, 204
 * when replaced. Collections are not copied or moved (403): a calendar or address book is a MAPI
 * folder, made with MKCALENDAR or MKCOL.
 */
public final class CopyMoveHandler implements Handler {
    private final boolean move;

    public CopyMoveHandler(boolean move) {
        this.move = move;
    }

    @Override
    public DavResponse handle(DavRequest req, Target target, Context ctx) {
        String method = move ? "MOVE" : "COPY";
        if (!(target instanceof Target.Item src)) {
            throw new DavException(403, Names.NEED_PRIVILEGES, method + " of " + target + ": only items are copied or"
                    + " moved; a calendar or address book is made with MKCALENDAR or MKCOL");
        }
        String destination = req.header("Destination");
        if (destination == null || destination.isBlank()) throw new DavException(400, method + " needs a Destination");
        Target to = Paths.parseHref(destination);
        if (!(to instanceof Target.Item dst) || dst.tree() != src.tree()) {
            throw new DavException(409, "the Destination " + destination + " is no item in a "
                    + (src.tree() == org.zcp.caldav.resource.Tree.CALDAV ? "calendar" : "address book"));
        }
        if (!dst.user().equals(src.user())) {
            throw new DavException(403, Names.NEED_PRIVILEGES, method + " between the homes of two users: GET and PUT");
        }
        if (dst.equals(src)) throw new DavException(403, "the Destination is the item itself");
        Coll from = ctx.collection(src.collection());
        Coll into;
        try {
            into = ctx.collection(dst.collection());
        } catch (DavException missing) {
            throw new DavException(409, "no collection " + dst.segment()); // RFC 4918 9.8.5
        }
        boolean cards = from.kind() == ItemKind.CONTACT;
        List<Item> found = Items.fetch(ctx, from, List.of(src.name()));
        if (found.isEmpty()) throw new DavException(404, "no item " + src.name());
        Item item = found.get(0);
        Expect source = Expects.of(req);
        if (!source.metBy(item.ref().modSeq())) throw new DavException(412, "If-Match");

        String text = Items.render(ctx, from, item.message(), null);
        Parsed parsed = cards ? ctx.codecs().parseCard(text, ctx.ids()) : ctx.codecs().parseCalendar(text, ctx.ids());
        if (parsed.kind() != into.kind()) {
            throw new DavException(403, cards ? Names.carddav("supported-address-data")
                    : Names.caldav("supported-calendar-component"), parsed.kind() + " into a " + into.kind() + " collection");
        }
        boolean within = into.id() == from.id();
        Items.requireOwnUid(ctx, into, dst.name(), parsed.uid(), move && within ? src.name() : dst.name());
        String overwrite = req.header("Overwrite");
        boolean mayReplace = overwrite == null || !overwrite.trim().toUpperCase(Locale.ROOT).equals("F");
        boolean created = true;
        ItemRef ref;
        try {
            ref = ctx.store().items().put(ctx.session(), into.id(), dst.name(), parsed.message(), Expect.absent());
        } catch (RuntimeException e) {
            StoreFailure f = StoreFailure.in(e);
            if (f == null || f.kind() != StoreFailure.Kind.CONFLICT) throw e;
            if (!mayReplace) throw new DavException(412, "the Destination exists and Overwrite is F");
            ref = ctx.store().items().put(ctx.session(), into.id(), dst.name(), parsed.message(), Expect.any());
            created = false;
        }
        if (move) ctx.store().items().delete(ctx.session(), from.id(), src.name(), Expect.at(item.ref().modSeq()));
        return DavResponse.status(created ? 201 : 204).header("ETag", Expects.etag(ref.modSeq()));
    }
}
