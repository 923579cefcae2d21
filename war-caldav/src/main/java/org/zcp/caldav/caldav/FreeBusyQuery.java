package org.zcp.caldav.caldav;

import java.time.Instant;
import java.util.List;
import org.w3c.dom.Element;
import org.zcp.caldav.dav.DavException;
import org.zcp.caldav.dav.DavRequest;
import org.zcp.caldav.dav.DavResponse;
import org.zcp.caldav.dav.Names;
import org.zcp.caldav.dav.Report;
import org.zcp.caldav.dav.Xml;
import org.zcp.caldav.resource.Coll;
import org.zcp.caldav.resource.Context;
import org.zcp.caldav.resource.Target;
import org.zcp.ical.FreeBusy;
import org.zcp.ical.ItemKind;
import org.zcp.store.api.Calendars.Busy;

/**
 * free-busy-query (RFC 4791 7.10) of a calendar collection: a VFREEBUSY of the collection's busy
 * time within the time-range asked, computed by the store (the session may need no more than a
 * free/busy right on the calendar; nothing of the items leaves it). Start and end are both needed
 * (the store answers at most two years at a time).
 */
public final class FreeBusyQuery implements Report {
    @Override
    public DavResponse run(Element body, DavRequest req, Target target, Context ctx) {
        if (!(target instanceof Target.Collection c)) {
            throw new DavException(403, Names.SUPPORTED_REPORT, "free-busy-query of " + target);
        }
        Coll coll = ctx.collection(c);
        if (coll.kind() != ItemKind.EVENT) {
            throw new DavException(403, Names.SUPPORTED_REPORT, "free-busy-query of a collection without events");
        }
        Element range = Xml.child(body, Names.TIME_RANGE);
        if (range == null || range.getAttribute("start").isEmpty() || range.getAttribute("end").isEmpty()) {
            throw new DavException(400, "free-busy-query needs a time-range with start and end");
        }
        Instant from = CalendarFilter.time(range.getAttribute("start"), null);
        Instant to = CalendarFilter.time(range.getAttribute("end"), null);
        if (!to.isAfter(from)) throw new DavException(400, "the time-range ends before it starts");
        List<Busy> busy = ctx.store().calendars().freeBusy(ctx.session(), coll.id(), from, to);
        return DavResponse.status(200).body("text/calendar; charset=utf-8",
                FreeBusy.render(periods(busy), from, to, Instant.now()));
    }

    /** The store's periods as the conversions' (one FBTYPE each). */
    public static List<FreeBusy.Period> periods(List<Busy> busy) {
        return busy.stream().map(FreeBusy.Period::of).toList();
    }
}
