package org.zcp.caldav.carddav;

import java.util.ArrayList;
import java.util.List;
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
import org.zcp.ical.ContentLines;
import org.zcp.caldav.resource.Context;
import org.zcp.caldav.resource.Items;
import org.zcp.caldav.resource.Target;
import org.zcp.caldav.resource.TextMatch;
import org.zcp.store.api.FolderItems.Item;
import org.zcp.store.api.FolderItems.ItemRef;

/**
 * addressbook-query (RFC 6352 8.6): every contact, or those whose properties pass the filter's
 * prop-filters (text-match or is-not-defined; test anyof/allof). A param-filter is 403
 * CARDDAV:supported-filter. CARDDAV:limit is not honoured.
 */
public final class AddressbookQuery implements Report {
    record CardFilter(boolean allOf, List<PropTest> tests) {
        boolean matches(String vcard) {
            if (tests.isEmpty()) return true;
            return allOf ? tests.stream().allMatch(t -> t.matches(vcard)) : tests.stream().anyMatch(t -> t.matches(vcard));
        }
    }

    /** One prop-filter: absent (is-not-defined) or its text-matches, themselves anyof/allof. */
    record PropTest(String name, boolean notDefined, boolean allOf, List<TextMatch> matches) {
        boolean matches(String vcard) {
            List<String> values = ContentLines.values(vcard, name);
            if (notDefined) return values.isEmpty();
            if (values.isEmpty()) return false;
            if (matches.isEmpty()) return true;
            return allOf ? matches.stream().allMatch(m -> m.matches(values))
                    : matches.stream().anyMatch(m -> m.matches(values));
        }
    }

    @Override
    public DavResponse run(Element body, DavRequest req, Target target, Context ctx) {
        if (!(target instanceof Target.Collection c)) {
            throw new DavException(403, Names.SUPPORTED_REPORT, "addressbook-query of " + target);
        }
        Coll coll = ctx.collection(c);
        CardFilter filter = filter(Xml.child(body, Names.CARD_FILTER));
        PropRequest props = PropRequest.of(body);
        Multistatus ms = new Multistatus();
        List<ItemRef> refs = ctx.store().items().list(ctx.session(), coll.id());
        if (filter.tests().isEmpty() && !props.needsBodies()) {
            for (ItemRef ref : refs) props.answer(ms.entry(ctx.href(coll, ref.name())), Items.props(ctx, coll, ref, null, props));
            return ms.response();
        }
        for (Item it : Items.fetch(ctx, coll, refs.stream().map(ItemRef::name).toList())) {
            // filtered on the 3.0 rendering: property names are the same in both versions
            if (filter.tests().isEmpty() || filter.matches(Items.render(ctx, coll, it.message(), "3.0"))) {
                props.answer(ms.entry(ctx.href(coll, it.ref().name())),
                        Items.props(ctx, coll, it.ref(), it, props));
            }
        }
        return ms.response();
    }

    static CardFilter filter(Element f) {
        if (f == null) return new CardFilter(false, List.of());
        List<PropTest> tests = new ArrayList<>();
        for (Element p : Xml.children(f)) {
            if (!Xml.is(p, Names.CARD_PROP_FILTER)) throw unsupported(p);
            boolean notDefined = false;
            List<TextMatch> matches = new ArrayList<>();
            for (Element k : Xml.children(p)) {
                if (Xml.is(k, Names.CARD_IS_NOT_DEFINED)) notDefined = true;
                else if (Xml.is(k, Names.CARD_TEXT_MATCH)) matches.add(TextMatch.of(k));
                else throw unsupported(k);
            }
            tests.add(new PropTest(p.getAttribute("name"), notDefined, "allof".equals(p.getAttribute("test")), matches));
        }
        return new CardFilter("allof".equals(f.getAttribute("test")), tests);
    }

    private static DavException unsupported(Element e) {
        return new DavException(403, Names.carddav("supported-filter"), "filter element " + Xml.name(e));
    }
}
