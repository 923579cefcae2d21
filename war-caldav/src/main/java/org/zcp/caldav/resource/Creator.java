package org.zcp.caldav.resource;

import java.util.HashMap;
import java.util.Map;
import org.w3c.dom.Element;
import org.zcp.caldav.dav.DavException;
import org.zcp.caldav.dav.Failures;
import org.zcp.caldav.dav.Names;
import org.zcp.caldav.dav.Xml;
import org.zcp.store.api.StoreFailure;

/**
 * Makes a collection (MKCALENDAR, MKCOL) as a folder below the store's IPM subtree, named by the
 * DAV:displayname of the request (what Outlook and the web client show), else by the URL segment.
 * The segment is kept with the folder (FolderItems.collectionProps), so the collection stays at
 * the URL the client chose whatever the folder is named, now or after a rename; the colour,
 * description and order of the request are kept too.
 */
public final class Creator {
    private Creator() {
    }

    /** {@code prop}: the DAV:prop of the request's DAV:set, or null. */
    public static void create(Context ctx, Target.Collection c, String containerClass, Element prop) {
        if (ctx.findCollection(c.tree(), c.segment()) != null) {
            throw new DavException(405, Names.RESOURCE_MUST_BE_NULL, "collection exists: " + c.segment());
        }
        Map<String, String> kept = new HashMap<>();
        kept.put(Kept.SEGMENT, c.segment());
        String display = null;
        if (prop != null) {
            for (Element p : Xml.children(prop)) {
                String key = Kept.KEYS.get(Xml.name(p));
                if (key != null) kept.put(key, p.getTextContent().trim());
                if (Xml.is(p, Names.DISPLAYNAME) && !p.getTextContent().isBlank()) display = p.getTextContent().trim();
            }
        }
        long root = ctx.hierarchy().rootId();
        long id;
        try {
            id = make(ctx, root, display != null ? display : c.segment(), containerClass);
        } catch (RuntimeException e) {
            StoreFailure f = StoreFailure.in(e);
            if (f == null || f.kind() == StoreFailure.Kind.SESSION_ENDED) throw e;
            if (f.kind() != StoreFailure.Kind.EXISTS || display == null) throw Failures.of(f, 405);
            // a folder of that name is there already: the new one is named by its segment
            try {
                id = make(ctx, root, c.segment(), containerClass);
            } catch (RuntimeException again) {
                StoreFailure g = StoreFailure.in(again);
                if (g == null || g.kind() == StoreFailure.Kind.SESSION_ENDED) throw again;
                throw Failures.of(g, 405);
            }
        }
        ctx.store().items().setCollectionProps(ctx.session(), id, kept);
        ctx.refresh();
    }

    private static long make(Context ctx, long root, String name, String containerClass) {
        return ctx.store().tree().create(ctx.session(), root, name, containerClass);
    }
}
