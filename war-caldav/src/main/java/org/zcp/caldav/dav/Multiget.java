package org.zcp.caldav.dav;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;
import org.zcp.caldav.resource.Coll;
import org.zcp.caldav.resource.Context;
import org.zcp.caldav.resource.Items;
import org.zcp.caldav.resource.Paths;
import org.zcp.caldav.resource.Target;
import org.zcp.caldav.resource.Tree;
import org.zcp.store.api.FolderItems.Item;

/**
 * calendar-multiget (RFC 4791 7.9) and addressbook-multiget (RFC 6352 8.7): the items the hrefs
 * name, fetched per collection in batches; an href of no item of the user's collections is a 404
 * response of its own.
 */
public final class Multiget implements Report {
    private final Tree tree;

    public Multiget(Tree tree) {
        this.tree = tree;
    }

    @Override
    public DavResponse run(Element body, DavRequest req, Target target, Context ctx) {
        PropRequest props = PropRequest.of(body);
        Multistatus ms = new Multistatus();
        Map<String, List<String>> bySegment = new LinkedHashMap<>();
        for (Element h : Xml.children(body, Names.HREF)) {
            String href = h.getTextContent().trim();
            if (Paths.parseHref(href) instanceof Target.Item i && i.tree() == tree && ctx.isOwner(i.user())) {
                bySegment.computeIfAbsent(i.segment(), s -> new ArrayList<>()).add(i.name());
            } else {
                ms.status(href, 404);
            }
        }
        for (var e : bySegment.entrySet()) {
            Coll coll = ctx.findCollection(tree, e.getKey());
            List<String> missing = new ArrayList<>(e.getValue());
            if (coll != null) {
                for (Item it : Items.fetch(ctx, coll, e.getValue())) {
                    missing.remove(it.ref().name());
                    props.answer(ms.entry(ctx.href(coll, it.ref().name())),
                            Items.props(ctx, coll, it.ref(), it, props));
                }
            }
            for (String name : missing) ms.status(Paths.item(tree, ctx.user(), e.getKey(), name), 404);
        }
        return ms.response();
    }
}
