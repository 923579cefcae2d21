package org.zcp.caldav.caldav;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.w3c.dom.Element;
import org.zcp.caldav.dav.DavException;
import org.zcp.caldav.dav.DavRequest;
import org.zcp.caldav.dav.DavResponse;
import org.zcp.caldav.dav.Handler;
import org.zcp.caldav.dav.Names;
import org.zcp.caldav.dav.Xml;
import org.zcp.caldav.resource.Context;
import org.zcp.caldav.resource.Creator;
import org.zcp.caldav.resource.Kept;
import org.zcp.caldav.resource.Target;
import org.zcp.caldav.resource.Tree;
import org.zcp.ical.ItemKind;

/**
 * MKCALENDAR (RFC 4791 5.3.1) in the user's calendar home: an IPF.Appointment folder, or
 * IPF.Task when the supported-calendar-component-set names VTODO alone, named and kept as
 * {@link Creator} does (displayname, colour, description, order; the URL segment stays). The
 * segments of the scheduling outbox and inbox are taken (405 DAV:resource-must-be-null).
 */
public final class MkcalendarHandler implements Handler {
    private static final Logger LOG = Logger.getLogger(MkcalendarHandler.class.getName());

    @Override
    public DavResponse handle(DavRequest req, Target target, Context ctx) {
        if (target instanceof Target.ScheduleBox b && b.item() == null) throw taken(b);
        if (!(target instanceof Target.Collection c) || c.tree() != Tree.CALDAV) {
            throw new DavException(403, Names.NEED_PRIVILEGES, "MKCALENDAR of " + target);
        }
        String containerClass = ItemKind.EVENT.containerClass();
        Element prop = null;
        if (req.hasBody()) {
            Element root = Xml.parse(req.body());
            if (!Xml.is(root, Names.MKCALENDAR)) throw new DavException(400, "not a CALDAV:mkcalendar");
            prop = Xml.child(Xml.child(root, Names.SET), Names.PROP);
            containerClass = containerClass(Xml.child(prop, Names.SUPPORTED_CALENDAR_COMPONENT_SET));
            if (prop != null) {
                for (Element p : Xml.children(prop)) {
                    if (!Xml.is(p, Names.SUPPORTED_CALENDAR_COMPONENT_SET) && !Xml.is(p, Names.RESOURCETYPE)
                            && !Xml.is(p, Names.DISPLAYNAME) && !Kept.KEYS.containsKey(Xml.name(p))) {
                        LOG.fine(() -> "MKCALENDAR " + c.segment() + ": " + Xml.name(p) + " not kept");
                    }
                }
            }
        }
        Creator.create(ctx, c, containerClass, prop);
        return DavResponse.status(201).header("Content-Length", "0");
    }

    /** A collection made where the scheduling outbox or inbox is (RFC 4918 9.3.1: 405). */
    public static DavException taken(Target.ScheduleBox b) {
        return new DavException(405, Names.RESOURCE_MUST_BE_NULL, b.box().segment()
                + " is the calendar home's scheduling " + (b.box() == Target.Box.OUTBOX ? "outbox" : "inbox")
                + " (RFC 6638): choose another name for the collection");
    }

    /** The container class of a supported-calendar-component-set (null: events). */
    public static String containerClass(Element set) {
        if (set == null) return ItemKind.EVENT.containerClass();
        List<String> comps = new ArrayList<>();
        for (Element comp : Xml.children(set, Names.COMP)) comps.add(comp.getAttribute("name"));
        if (comps.contains("VEVENT")) return ItemKind.EVENT.containerClass();
        if (comps.contains("VTODO")) return ItemKind.TASK.containerClass();
        throw new DavException(403, Names.caldav("supported-calendar-component"), "components " + comps);
    }
}
