package org.zcp.caldav.carddav;

import org.w3c.dom.Element;
import org.zcp.caldav.caldav.MkcalendarHandler;
import org.zcp.caldav.dav.DavException;
import org.zcp.caldav.dav.DavRequest;
import org.zcp.caldav.dav.DavResponse;
import org.zcp.caldav.dav.Handler;
import org.zcp.caldav.dav.Names;
import org.zcp.caldav.dav.Xml;
import org.zcp.caldav.resource.Context;
import org.zcp.caldav.resource.Creator;
import org.zcp.caldav.resource.Target;
import org.zcp.caldav.resource.Tree;
import org.zcp.ical.ItemKind;

/**
 * MKCOL (RFC 4918 9.3) and extended MKCOL (RFC 5689): an address book (IPF.Contact) in the
 * CardDAV home, or a calendar in the CalDAV home when the resourcetype says calendar. A plain
 * MKCOL makes the home's own kind (the store has no plain collections to offer), named and kept
 * as {@link Creator} does. The segments of the scheduling outbox and inbox are taken (405).
 */
public final class MkcolHandler implements Handler {
    @Override
    public DavResponse handle(DavRequest req, Target target, Context ctx) {
        // a body that is no extended MKCOL is refused before anything else (RFC 4918 9.3, RFC 5689)
        Element root = null;
        if (req.hasBody()) {
            try {
                root = Xml.parse(req.body());
            } catch (DavException notXml) {
                throw new DavException(415, "MKCOL body is not XML");
            }
            if (!Xml.is(root, Names.MKCOL)) throw new DavException(415, "MKCOL body is not a DAV:mkcol");
        }
        if (target instanceof Target.ScheduleBox b && b.item() == null) throw MkcalendarHandler.taken(b);
        if (!(target instanceof Target.Collection c)) {
            // RFC 4791 4.2 / RFC 6352 5.2: no collection inside a calendar or an address book
            throw new DavException(403, Names.NEED_PRIVILEGES, "MKCOL of " + target);
        }
        String containerClass = c.tree() == Tree.CARDDAV ? ItemKind.CONTACT.containerClass()
                : ItemKind.EVENT.containerClass();
        Element prop = null;
        if (root != null) {
            prop = Xml.child(Xml.child(root, Names.SET), Names.PROP);
            Element type = Xml.child(prop, Names.RESOURCETYPE);
            if (type != null) {
                boolean book = Xml.child(type, Names.ADDRESSBOOK) != null;
                boolean cal = Xml.child(type, Names.CALENDAR) != null;
                if (book && c.tree() == Tree.CARDDAV) containerClass = ItemKind.CONTACT.containerClass();
                else if (cal && c.tree() == Tree.CALDAV) {
                    containerClass = MkcalendarHandler.containerClass(
                            Xml.child(prop, Names.SUPPORTED_CALENDAR_COMPONENT_SET));
                } else {
                    throw new DavException(403, Names.VALID_RESOURCETYPE, "resourcetype in " + c.tree());
                }
            }
        }
        Creator.create(ctx, c, containerClass, prop);
        return DavResponse.status(201).header("Content-Length", "0");
    }
}
