package org.zcp.caldav.dav;

import java.util.Set;
import java.util.logging.Logger;
import javax.xml.namespace.QName;
import org.w3c.dom.Element;
import org.zcp.caldav.resource.Coll;
import org.zcp.caldav.resource.Context;
import org.zcp.caldav.resource.Target;

/**
 * PROPPATCH (RFC 4918 9.2) of a collection: DAV:displayname renames the folder (the collection
 * keeps its URL: its segment is kept with the folder first); colour, description and order are
 * kept with the folder (FolderItems.collectionProps); protected and unknown properties are
 * refused (403) one by one in the multistatus. Unlike RFC 4918's all-or-nothing rule, what could
 * be kept is kept when other properties of the same request are refused: clients such as
 * Apple's send a name and properties of their own together. The scheduling outbox and inbox keep
 * no properties: refused whole (403).
 */
public final class ProppatchHandler implements Handler {
    private static final Logger LOG = Logger.getLogger(ProppatchHandler.class.getName());
    private static final Set<QName> PROTECTED = Set.of(Names.RESOURCETYPE, Names.GETETAG, Names.GETCTAG,
            Names.SYNC_TOKEN, Names.OWNER, Names.CURRENT_USER_PRINCIPAL, Names.CURRENT_USER_PRIVILEGE_SET,
            Names.SUPPORTED_REPORT_SET, Names.SUPPORTED_CALENDAR_COMPONENT_SET, Names.SUPPORTED_CALENDAR_DATA,
            Names.SUPPORTED_ADDRESS_DATA, Names.MAX_RESOURCE_SIZE, Names.CARD_MAX_RESOURCE_SIZE, Names.GETCONTENTTYPE,
            Names.GETCONTENTLENGTH, Names.PRINCIPAL_URL, Names.CALENDAR_HOME_SET, Names.ADDRESSBOOK_HOME_SET);

    @Override
    public DavResponse handle(DavRequest req, Target target, Context ctx) {
        Element root = Xml.parse(req.body());
        if (!Xml.is(root, Names.PROPERTYUPDATE)) throw new DavException(400, "not a DAV:propertyupdate");
        if (target instanceof Target.ScheduleBox b) {
            throw new DavException(403, Names.NEED_PRIVILEGES, "the " + b.box().segment() + " keeps no properties");
        }
        Coll coll = target instanceof Target.Collection c ? ctx.collection(c) : null;
        if (coll == null && !(target instanceof Target.Item)) {
            throw new DavException(403, Names.NEED_PRIVILEGES, "PROPPATCH of " + target);
        }
        Multistatus ms = new Multistatus();
        Multistatus.Entry entry = ms.entry(req.path());
        for (Element op : Xml.children(root)) {
            boolean set = Xml.is(op, Names.SET);
            if (!set && !Xml.is(op, Names.REMOVE)) continue;
            Element prop = Xml.child(op, Names.PROP);
            if (prop == null) continue;
            for (Element p : Xml.children(prop)) {
                QName q = Xml.name(p);
                entry.prop(q, apply(ctx, coll, q, set ? p.getTextContent().trim() : null), null);
            }
        }
        entry.done();
        return ms.response();
    }

    private static int apply(Context ctx, Coll coll, QName q, String value) {
        if (coll == null || PROTECTED.contains(q)) return 403;
        if (q.equals(Names.DISPLAYNAME) && value != null && !value.isEmpty()) {
            if (!value.equals(coll.folder().name())) {
                if (!coll.kept().containsKey(org.zcp.caldav.resource.Kept.SEGMENT)) {
                    ctx.store().items().setCollectionProps(ctx.session(), coll.id(),
                            java.util.Map.of(org.zcp.caldav.resource.Kept.SEGMENT, coll.segment()));
                }
                ctx.store().tree().move(ctx.session(), coll.id(), coll.folder().parentId(), value);
                ctx.refresh();
            }
            return 200;
        }
        String key = org.zcp.caldav.resource.Kept.KEYS.get(q);
        if (key != null) {
            java.util.Map<String, String> change = new java.util.HashMap<>();
            change.put(key, value == null || value.isEmpty() ? null : value);
            ctx.store().items().setCollectionProps(ctx.session(), coll.id(), change);
            ctx.refresh();
            return 200;
        }
        LOG.fine(() -> "PROPPATCH " + q + " of " + coll.segment() + ": not a property the store keeps");
        return 403;
    }
}
