package org.zcp.caldav.carddav;

import org.w3c.dom.Element;
import org.zcp.caldav.dav.DavException;
import org.zcp.caldav.dav.DavRequest;
import org.zcp.caldav.dav.DavResponse;
import org.zcp.caldav.dav.Multistatus;
import org.zcp.caldav.dav.Names;
import org.zcp.caldav.dav.PropRequest;
import org.zcp.caldav.dav.SyncCollection;
import org.zcp.caldav.dav.Xml;
import org.zcp.caldav.resource.Context;
import org.zcp.caldav.resource.GalBook;
import org.zcp.caldav.resource.Paths;
import org.zcp.caldav.resource.Target;

/**
 * The reports of the global address book ({@link GalHandler}): addressbook-multiget (RFC 6352
 * 8.7; an href of no member is a 404 response of its own), addressbook-query (8.6, with
 * {@link AddressbookQuery}'s filters, matched on the vCard 3.0 text) and sync-collection (RFC
 * 6578). The directory keeps no change journal, so the sync token names the content
 * ({@link GalBook#syncToken}): the empty token answers every member, the current one nothing,
 * any other is 403 DAV:valid-sync-token and the client syncs again from the empty one (3.2).
 */
final class GalReports {
    private GalReports() {
    }

    static DavResponse multiget(Element body, DavRequest req, Target target, Context ctx) {
        PropRequest props = PropRequest.of(body);
        GalBook book = GalBook.read(ctx);
        Multistatus ms = new Multistatus();
        for (Element h : Xml.children(body, Names.HREF)) {
            String href = h.getTextContent().trim();
            GalBook.Card c = Paths.parseHref(href) instanceof Target.Gal g && g.item() != null && ctx.isOwner(g.user())
                    ? book.card(g.item()) : null;
            if (c == null) ms.status(href, 404);
            else props.answer(ms.entry(Paths.gal(ctx.user(), c.name())), c.props(props.addressVersion()));
        }
        return ms.response();
    }

    static DavResponse query(Element body, DavRequest req, Target target, Context ctx) {
        collection(target, "addressbook-query");
        AddressbookQuery.CardFilter filter = AddressbookQuery.filter(Xml.child(body, Names.CARD_FILTER));
        PropRequest props = PropRequest.of(body);
        Multistatus ms = new Multistatus();
        for (GalBook.Card c : GalBook.read(ctx).cards()) {
            // filtered on the 3.0 rendering: property names are the same in both versions
            if (filter.matches(c.text("3.0"))) {
                props.answer(ms.entry(Paths.gal(ctx.user(), c.name())), c.props(props.addressVersion()));
            }
        }
        return ms.response();
    }

    static DavResponse sync(Element body, DavRequest req, Target target, Context ctx) {
        collection(target, "sync-collection");
        String token = SyncCollection.requestedToken(body);
        GalBook book = GalBook.read(ctx);
        PropRequest props = PropRequest.of(body);
        Multistatus ms = new Multistatus();
        if (token.isEmpty()) {
            for (GalBook.Card c : book.cards()) {
                props.answer(ms.entry(Paths.gal(ctx.user(), c.name())), c.props(props.addressVersion()));
            }
        } else if (!token.equals(book.syncToken())) {
            throw new DavException(403, Names.VALID_SYNC_TOKEN, "sync token " + token
                    + ": the global address book changed since; sync again from the start");
        }
        ms.syncToken(book.syncToken());
        return ms.response();
    }

    /** A report of the collection itself, not of a member (403 DAV:supported-report). */
    private static void collection(Target target, String report) {
        if (!(target instanceof Target.Gal g) || g.item() != null) {
            throw new DavException(403, Names.SUPPORTED_REPORT, report + " of " + target);
        }
    }
}
