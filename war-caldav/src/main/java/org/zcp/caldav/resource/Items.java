package org.zcp.caldav.resource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.zcp.caldav.dav.DavException;
import org.zcp.caldav.dav.Expects;
import org.zcp.caldav.dav.Names;
import org.zcp.caldav.dav.PropRequest;
import org.zcp.caldav.dav.PropValue;
import org.zcp.ical.ItemKind;
import org.zcp.store.api.FolderItems.Item;
import org.zcp.store.api.FolderItems.ItemRef;
import org.zcp.store.api.mapi.Message;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.namespace.QName;

/** Reading and rendering a collection's items. */
public final class Items {
    /** How many items one {@code FolderItems.get} fetches: bounds a call's size on large calendars. */
    static final int BATCH = 100;

    private Items() {
    }

    public static String contentType(Coll c) {
        return c.kind() == ItemKind.CONTACT ? "text/vcard; charset=utf-8" : "text/calendar; charset=utf-8";
    }

    /** The items of these names that exist, fetched in batches, in the order asked. */
    public static List<Item> fetch(Context ctx, Coll c, Collection<String> names) {
        List<String> all = new ArrayList<>(names);
        List<Item> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += BATCH) {
            out.addAll(ctx.store().items().get(ctx.session(), c.id(), all.subList(i, Math.min(all.size(), i + BATCH))));
        }
        return out;
    }

    /** The item's iCalendar object resource or vCard ({@code version} "3.0" unless "4.0" is asked). */
    public static String render(Context ctx, Coll c, Message m, String version) {
        if (c.kind() == ItemKind.CONTACT) {
            return ctx.codecs().renderCard(m, ctx.ids(), "4.0".equals(version) ? "4.0" : "3.0");
        }
        return ctx.codecs().renderCalendar(m, ctx.ids());
    }

    /**
     * The properties of an item: getetag and the like at once, the body-derived ones
     * (getcontentlength, calendar-data/address-data) rendered once when first asked. {@code item}
     * may be null when only the listing was read; the body is then fetched when asked. {@code req}
     * (may be null) says the vCard version asked and whether calendar-data is expanded.
     */
    public static Map<QName, PropValue> props(Context ctx, Coll c, ItemRef ref, Item item, PropRequest req) {
        String version = req == null ? null : req.addressVersion();
        PropRequest.Expand expand = req == null ? null : req.expand();
        Map<QName, PropValue> p = new LinkedHashMap<>();
        p.put(Names.RESOURCETYPE, e -> { });
        p.put(Names.GETETAG, PropValue.text(Expects.etag(ref.modSeq())));
        p.put(Names.GETCONTENTTYPE, PropValue.text(contentType(c)));
        String[] text = new String[1];
        java.util.function.Supplier<String> body = () -> {
            if (text[0] == null) {
                Message m = item != null ? item.message() : fetch(ctx, c, List.of(ref.name())).stream()
                        .findFirst().map(Item::message).orElseThrow(() -> new IllegalStateException("item gone"));
                text[0] = render(ctx, c, m, version);
            }
            return text[0];
        };
        p.put(Names.GETCONTENTLENGTH, e -> e.setTextContent(Integer.toString(
                body.get().getBytes(StandardCharsets.UTF_8).length)));
        if (c.kind() == ItemKind.CONTACT) {
            p.put(Names.ADDRESS_DATA, e -> e.setTextContent(body.get()));
        } else if (expand != null) {
            p.put(Names.CALENDAR_DATA, e -> e.setTextContent(ctx.codecs().expand(body.get(), expand.from(), expand.to())));
        } else {
            p.put(Names.CALENDAR_DATA, e -> e.setTextContent(body.get()));
        }
        return p;
    }

    /**
     * RFC 4791 5.3.2.1 and RFC 6352 6.3.2.1: no item of the collection but the one written (or
     * those named in {@code alsoMine}, the source of a MOVE within the collection) holds this UID;
     * 403 with no-uid-conflict, naming the item that does, otherwise.
     */
    public static void requireOwnUid(Context ctx, Coll c, String name, String uid, String... alsoMine) {
        if (uid == null || uid.isEmpty()) return;
        for (String holder : ctx.store().items().namesWith(ctx.session(), c.id(), ctx.codecs().uidProperty(), uid)) {
            if (!holder.equals(name) && !List.of(alsoMine).contains(holder)) {
                throw new DavException(403, c.kind() == ItemKind.CONTACT ? Names.carddav("no-uid-conflict")
                        : Names.caldav("no-uid-conflict"), "the UID " + uid + " is already the item " + ctx.href(c, holder));
            }
        }
    }

    /** The properties allprop leaves out: those that cost a rendering (RFC 4791 9.6: calendar-data is not in allprop). */
    public static boolean costly(QName q) {
        return q.equals(Names.GETCONTENTLENGTH) || q.equals(Names.CALENDAR_DATA) || q.equals(Names.ADDRESS_DATA);
    }
}
