package org.zcp.caldav.carddav;

import java.util.Map;
import org.zcp.caldav.dav.DavException;
import org.zcp.caldav.dav.DavRequest;
import org.zcp.caldav.dav.DavResponse;
import org.zcp.caldav.dav.Expects;
import org.zcp.caldav.dav.Handler;
import org.zcp.caldav.dav.Multistatus;
import org.zcp.caldav.dav.Names;
import org.zcp.caldav.dav.OptionsHandler;
import org.zcp.caldav.dav.PropRequest;
import org.zcp.caldav.dav.PropfindHandler;
import org.zcp.caldav.dav.ReportHandler;
import org.zcp.caldav.resource.Context;
import org.zcp.caldav.resource.GalBook;
import org.zcp.caldav.resource.Paths;
import org.zcp.caldav.resource.Props;
import org.zcp.caldav.resource.Target;

/**
 * Every method on the global address book ({@link Target.Gal}, one's own only: DavService answers
 * 404 for another user's): PROPFIND with Depth 0 or 1; GET and HEAD of a member (its vCard 3.0,
 * as GET of a contact answers, with its ETag; 304 when If-None-Match names it) or of the whole
 * book (its vCards one after another, as an address book's export); REPORT addressbook-multiget,
 * addressbook-query and sync-collection ({@link GalReports}). It can only be read: PUT, DELETE,
 * PROPPATCH, MKCOL and MKCALENDAR of it or in it are 403 DAV:need-privileges; POST is 405.
 */
public final class GalHandler implements Handler {
    private final Handler reports = new ReportHandler(Map.of(
            Names.ADDRESSBOOK_MULTIGET, GalReports::multiget,
            Names.ADDRESSBOOK_QUERY, GalReports::query,
            Names.SYNC_COLLECTION, GalReports::sync));

    @Override
    public DavResponse handle(DavRequest req, Target target, Context ctx) {
        Target.Gal gal = (Target.Gal) target;
        return switch (req.method()) {
            case "PROPFIND" -> propfind(req, gal, ctx);
            case "GET" -> get(req, gal, ctx);
            case "HEAD" -> get(req, gal, ctx).withoutBody();
            case "REPORT" -> reports.handle(req, target, ctx);
            case "PUT", "DELETE", "PROPPATCH", "MKCOL", "MKCALENDAR" -> throw new DavException(403, Names.NEED_PRIVILEGES,
                    "the global address book is read-only: " + req.method() + " refused; change the directory instead");
            default -> throw new DavException(405, req.method() + " of the global address book")
                    .header("Allow", OptionsHandler.READ_ONLY);
        };
    }

    private static DavResponse propfind(DavRequest req, Target.Gal gal, Context ctx) {
        int depth = PropfindHandler.depth(req);
        PropRequest props = PropfindHandler.request(req);
        GalBook book = GalBook.read(ctx);
        Multistatus ms = new Multistatus();
        if (gal.item() != null) {
            props.answer(ms.entry(Paths.gal(ctx.user(), gal.item())), card(book, gal.item()).props(props.addressVersion()));
            return ms.response();
        }
        props.answer(ms.entry(req.path().endsWith("/") ? req.path() : req.path() + "/"), Props.gal(ctx, book));
        if (depth == 1) {
            for (GalBook.Card c : book.cards()) {
                props.answer(ms.entry(Paths.gal(ctx.user(), c.name())), c.props(props.addressVersion()));
            }
        }
        return ms.response();
    }

    private static DavResponse get(DavRequest req, Target.Gal gal, Context ctx) {
        GalBook book = GalBook.read(ctx);
        if (gal.item() == null) {
            StringBuilder all = new StringBuilder();
            for (GalBook.Card c : book.cards()) all.append(c.text("3.0"));
            return DavResponse.status(200).header("ETag", "\"" + book.ctag() + "\"")
                    .body(GalBook.CONTENT_TYPE, all.toString());
        }
        GalBook.Card card = card(book, gal.item());
        String etag = card.etag();
        if (Expects.noneMatchHits(req, etag)) return DavResponse.status(304).header("ETag", etag);
        return DavResponse.status(200).header("ETag", etag).body(GalBook.CONTENT_TYPE, card.text("3.0"));
    }

    private static GalBook.Card card(GalBook book, String name) {
        GalBook.Card c = book.card(name);
        if (c == null) throw new DavException(404, "no entry " + name + " in the global address book");
        return c;
    }
}
