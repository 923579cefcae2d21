package org.zcp.caldav.dav;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.xml.namespace.QName;
import org.w3c.dom.Element;
import org.zcp.caldav.resource.Coll;
import org.zcp.caldav.resource.Context;
import org.zcp.caldav.resource.GalBook;
import org.zcp.caldav.resource.Items;
import org.zcp.caldav.resource.Paths;
import org.zcp.caldav.resource.Props;
import org.zcp.caldav.resource.Target;
import org.zcp.caldav.resource.Tree;
import org.zcp.store.api.FolderItems.Item;
import org.zcp.store.api.FolderItems.ItemRef;

/**
 * PROPFIND (RFC 4918 9.1) with Depth 0 or 1. Depth infinity is refused with
 * DAV:propfind-finite-depth (9.1, 16); a request without Depth is taken as 0, as clients that
 * omit it (for current-user-principal) mean. One's own calendar home lists its scheduling outbox
 * and inbox (RFC 6638 2.1, 2.2) with its calendars; both have no members to list. One's own
 * address-book home lists the global address book after its address books (its own PROPFIND is
 * {@code GalHandler}'s).
 */
public final class PropfindHandler implements Handler {
    @Override
    public DavResponse handle(DavRequest req, Target target, Context ctx) {
        int depth = depth(req);
        PropRequest props = request(req);
        Multistatus ms = new Multistatus();
        String href = req.path().endsWith("/") || target instanceof Target.Item ? req.path() : req.path() + "/";
        switch (target) {
            case Target.Root r -> props.answer(ms.entry(href), Props.root(ctx, r.tree()));
            case Target.Principals p -> {
                Map<QName, PropValue> self = new LinkedHashMap<>();
                self.put(Names.RESOURCETYPE, PropValue.elements(Names.COLLECTION));
                self.put(Names.CURRENT_USER_PRINCIPAL, PropValue.href(Paths.principal(ctx.who().loginName())));
                props.answer(ms.entry(href), self);
                if (depth == 1) {
                    props.answer(ms.entry(Paths.principal(ctx.who().loginName())), Props.principal(ctx, ctx.who()));
                }
            }
            case Target.Principal p -> props.answer(ms.entry(href), Props.principal(ctx, ctx.owner()));
            case Target.Home h -> {
                props.answer(ms.entry(href), Props.home(ctx, h.tree()));
                if (depth == 1) {
                    if (h.tree() == Tree.CALDAV && ctx.ownHome()) {
                        for (Target.Box b : Target.Box.values()) {
                            props.answer(ms.entry(Paths.scheduleBox(ctx.user(), b)), Props.scheduleBox(ctx, b));
                        }
                    }
                    for (Coll c : ctx.collections(h.tree())) props.answer(ms.entry(ctx.href(c)), Props.collection(ctx, c));
                    if (h.tree() == Tree.CARDDAV && ctx.ownHome()) {
                        // last, so a client that takes the first address book for new contacts takes a folder
                        props.answer(ms.entry(Paths.gal(ctx.user(), null)), Props.gal(ctx, GalBook.read(ctx)));
                    }
                }
            }
            case Target.ScheduleBox b -> {
                if (b.item() != null) throw new DavException(404, "the " + b.box().segment() + " holds nothing");
                props.answer(ms.entry(href), Props.scheduleBox(ctx, b.box()));
            }
            case Target.Collection c -> {
                Coll coll = ctx.collection(c);
                props.answer(ms.entry(href), Props.collection(ctx, coll));
                if (depth == 1) members(ms, ctx, coll, props);
            }
            case Target.Item i -> {
                Coll coll = ctx.collection(i.collection());
                List<Item> found = Items.fetch(ctx, coll, List.of(i.name()));
                if (found.isEmpty()) throw new DavException(404, "no item " + i.name());
                Item item = found.get(0);
                props.answer(ms.entry(ctx.href(coll, item.ref().name())),
                        Items.props(ctx, coll, item.ref(), item, props));
            }
            default -> throw new DavException(405, "PROPFIND not here").header("Allow", "GET, PUT, OPTIONS");
        }
        return ms.response();
    }

    /** The Depth of a PROPFIND: 0 without one; infinity refused (DAV:propfind-finite-depth). */
    public static int depth(DavRequest req) {
        int depth = req.depth(0);
        if (depth == Integer.MAX_VALUE) throw new DavException(403, Names.PROPFIND_FINITE_DEPTH, "Depth infinity");
        return depth;
    }

    /** What a PROPFIND asks for: its body's DAV:propfind, allprop without a body. */
    public static PropRequest request(DavRequest req) {
        if (!req.hasBody()) return PropRequest.all();
        Element root = Xml.parse(req.body());
        if (!Xml.is(root, Names.dav("propfind"))) throw new DavException(400, "not a DAV:propfind");
        return PropRequest.of(root);
    }

    private static void members(Multistatus ms, Context ctx, Coll coll, PropRequest props) {
        List<ItemRef> refs = ctx.store().items().list(ctx.session(), coll.id());
        Map<String, Item> bodies = Map.of();
        if (props.needsBodies()) {
            bodies = Items.fetch(ctx, coll, refs.stream().map(ItemRef::name).toList()).stream()
                    .collect(Collectors.toMap(it -> it.ref().name(), Function.identity(), (a, b) -> a));
        }
        for (ItemRef ref : refs) {
            props.answer(ms.entry(ctx.href(coll, ref.name())),
                    Items.props(ctx, coll, ref, bodies.get(ref.name()), props));
        }
    }
}
