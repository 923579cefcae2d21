package org.zcp.caldav.caldav;

import java.util.List;
import java.util.function.Supplier;
import org.w3c.dom.Element;
import org.zcp.caldav.dav.DavException;
import org.zcp.caldav.dav.DavRequest;
import org.zcp.caldav.dav.DavResponse;
import org.zcp.caldav.dav.Multistatus;
import org.zcp.caldav.dav.Names;
import org.zcp.caldav.dav.PropRequest;
import org.zcp.caldav.dav.Report;
import org.zcp.caldav.dav.Xml;
import org.zcp.caldav.resource.Coll;
import org.zcp.caldav.resource.Context;
import org.zcp.caldav.resource.Items;
import org.zcp.caldav.resource.Target;
import org.zcp.ical.ItemKind;
import org.zcp.store.api.FolderItems.Item;
import org.zcp.store.api.FolderItems.ItemRef;
import org.zcp.store.api.mapi.Message;
import org.zcp.store.api.mapi.PropValue;

/**
 * calendar-query (RFC 4791 7.8) of a calendar collection: the items of the filter's component,
 * overlapping its time-range (recurrences expanded by {@code ICalItems.overlaps}), with matching
 * properties. calendar-data is returned whole, or as its instances in a range when it asks to
 * expand (RFC 4791 9.6.5); its comp/prop and limit-recurrence-set children are not applied (the
 * whole object is a correct, larger answer to them).
 */
public final class CalendarQuery implements Report {
    /** PR_MESSAGE_CLASS's property id: the tag's upper half, either string type. */
    private static final int MESSAGE_CLASS_ID = 0x001A;

    @Override
    public DavResponse run(Element body, DavRequest req, Target target, Context ctx) {
        if (!(target instanceof Target.Collection c)) {
            throw new DavException(403, Names.SUPPORTED_REPORT, "calendar-query of " + target);
        }
        Coll coll = ctx.collection(c);
        CalendarFilter filter = CalendarFilter.of(Xml.child(body, Names.FILTER));
        PropRequest props = PropRequest.of(body);
        Multistatus ms = new Multistatus();
        List<ItemRef> refs = ctx.store().items().list(ctx.session(), coll.id());
        boolean sameKind = filter.component() == null || filter.component().equals(coll.kind().component());
        if (!filter.needsBodies() && !props.needsBodies() && sameKind) {
            for (ItemRef ref : refs) props.answer(ms.entry(ctx.href(coll, ref.name())), Items.props(ctx, coll, ref, null, props));
            return ms.response();
        }
        List<String> candidates = filter.from() == null ? refs.stream().map(ItemRef::name).toList()
                : inRange(ctx, coll, filter);
        List<Item> items = Items.fetch(ctx, coll, candidates);
        for (Item it : items) {
            if (matches(ctx, coll, filter, it.message())) {
                props.answer(ms.entry(ctx.href(coll, it.ref().name())), Items.props(ctx, coll, it.ref(), it, props));
            }
        }
        return ms.response();
    }

    /**
     * The names of the items that may overlap the filter's time range, from their start, end and
     * kind read in bulk (FolderItems.peek): a non-recurring item is decided here, a recurring one
     * is kept for the whole test on the loaded item. 10,000 events are one read of a few
     * properties, not 10,000 loads.
     */
    private static List<String> inRange(Context ctx, Coll coll, CalendarFilter filter) {
        List<String> out = new java.util.ArrayList<>();
        for (Item p : ctx.store().items().peek(ctx.session(), coll.id(), ctx.codecs().queryTags(ctx.ids()))) {
            if (filter.component() != null) {
                ItemKind kind = kindOf(p.message(), coll.kind());
                if (kind.component() == null || !kind.component().equals(filter.component())) continue;
            }
            boolean hit = ctx.codecs().needsWhole(p.message(), ctx.ids())
                    ? ctx.codecs().mayRecurIn(p.message(), ctx.ids(), filter.from(), filter.to())
                    : ctx.codecs().overlaps(p.message(), ctx.ids(), filter.from(), filter.to());
            if (hit) out.add(p.ref().name());
        }
        return out;
    }

    static boolean matches(Context ctx, Coll coll, CalendarFilter filter, Message m) {
        if (filter.component() != null) {
            ItemKind kind = kindOf(m, coll.kind());
            if (kind.component() == null || !kind.component().equals(filter.component())) return false;
        }
        if (filter.from() != null && !ctx.codecs().overlaps(m, ctx.ids(), filter.from(), filter.to())) return false;
        if (filter.props().isEmpty()) return true;
        String[] text = new String[1];
        Supplier<String> rendered = () -> text[0] != null ? text[0] : (text[0] = Items.render(ctx, coll, m, null));
        return filter.props().stream().allMatch(p -> p.matches(rendered));
    }

    static ItemKind kindOf(Message m, ItemKind dflt) {
        for (PropValue p : m.props) {
            if (p.tag >>> 16 == MESSAGE_CLASS_ID && p.s != null) {
                ItemKind k = ItemKind.ofMessage(p.s);
                return k == null ? dflt : k;
            }
        }
        return dflt;
    }
}
