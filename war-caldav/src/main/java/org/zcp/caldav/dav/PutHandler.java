package org.zcp.caldav.dav;

import java.util.List;
import org.zcp.caldav.resource.Coll;
import org.zcp.caldav.resource.Context;
import org.zcp.caldav.resource.Scheduler;
import org.zcp.caldav.resource.Items;
import org.zcp.caldav.resource.Target;
import org.zcp.ical.ItemKind;
import org.zcp.ical.Parsed;
import org.zcp.store.api.FolderItems.Expect;
import org.zcp.store.api.FolderItems.Item;
import org.zcp.store.api.FolderItems.ItemRef;
import org.zcp.store.api.StoreFailure;

/**
 * PUT of an item (RFC 4918 9.7, RFC 4791 5.3.2, RFC 6352 6.3.2): converted, checked against the
 * collection's kind and against the UIDs of its other items (no-uid-conflict), written with the
 * If-Match / If-None-Match expectation; 201 when new, 204 when replaced, with the new ETag. Nothing is put into the scheduling inbox or outbox (403): the
 * server schedules meetings itself (RFC 6638 3.2).
 */
public final class PutHandler implements Handler {
    @Override
    public DavResponse handle(DavRequest req, Target target, Context ctx) {
        if (target instanceof Target.ScheduleBox b) {
            throw new DavException(403, Names.NEED_PRIVILEGES, "nothing can be put into the " + b.box().segment()
                    + ": the server schedules meetings itself; save the event in a calendar");
        }
        if (!(target instanceof Target.Item i)) {
            throw new DavException(405, "PUT of " + target).header("Allow", OptionsHandler.allow(target));
        }
        Coll coll = ctx.findCollection(i.tree(), i.segment());
        if (coll == null) throw new DavException(409, "no collection " + i.segment()); // RFC 4918 9.7.1
        boolean cards = coll.kind() == ItemKind.CONTACT;
        if (req.tooLarge()) {
            throw new DavException(413, cards ? Names.CARD_MAX_RESOURCE_SIZE : Names.MAX_RESOURCE_SIZE, "body too large");
        }
        Expect expect = Expects.of(req);
        Long noneMatch = Expects.noneMatch(req);
        if (noneMatch != null) {
            // If-None-Match: "n" has no Expect of its own: compared here, outside the folder lock
            List<Item> cur = Items.fetch(ctx, coll, List.of(i.name()));
            if (!cur.isEmpty() && cur.get(0).ref().modSeq() == noneMatch) throw new DavException(412, "If-None-Match");
        }
        Parsed parsed = cards ? ctx.codecs().parseCard(req.text(), ctx.ids())
                : ctx.codecs().parseCalendar(req.text(), ctx.ids());
        if (parsed.kind() != coll.kind()) {
            throw new DavException(403, cards ? Names.carddav("supported-address-data")
                    : Names.caldav("supported-calendar-component"), parsed.kind() + " in a " + coll.kind() + " collection");
        }
        try {
            Items.requireOwnUid(ctx, coll, i.name(), parsed.uid());
        } catch (DavException conflict) {
            // the request's own conditions come first (RFC 9110 13.2.2): If-Match / If-None-Match not met
            if (expect.kind() != Expect.Kind.ANY) {
                List<Item> cur = Items.fetch(ctx, coll, List.of(i.name()));
                if (!expect.metBy(cur.isEmpty() ? null : cur.get(0).ref().modSeq())) {
                    throw new DavException(412, "If-Match / If-None-Match");
                }
            }
            throw conflict;
        }
        boolean scheduling = Scheduler.concerns(ctx, coll, req.text());
        String before = scheduling ? Scheduler.before(ctx, coll, i.name()) : null;
        boolean created;
        ItemRef ref;
        if (expect.kind() == Expect.Kind.ANY) {
            // try as new first: tells 201 from 204 without reading the item
            try {
                ref = ctx.store().items().put(ctx.session(), coll.id(), i.name(), parsed.message(), Expect.absent());
                created = true;
            } catch (RuntimeException e) {
                StoreFailure f = StoreFailure.in(e);
                if (f == null || f.kind() != StoreFailure.Kind.CONFLICT) throw e;
                ref = ctx.store().items().put(ctx.session(), coll.id(), i.name(), parsed.message(), Expect.any());
                created = false;
            }
        } else {
            ref = ctx.store().items().put(ctx.session(), coll.id(), i.name(), parsed.message(), expect);
            created = expect.kind() == Expect.Kind.ABSENT;
        }
        if (scheduling) Scheduler.put(ctx, before, req.text());
        return DavResponse.status(created ? 201 : 204).header("ETag", Expects.etag(ref.modSeq()));
    }
}
