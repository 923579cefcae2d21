package org.zcp.caldav.ical;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.zcp.caldav.dav.DavException;
import org.zcp.caldav.dav.DavRequest;
import org.zcp.caldav.dav.DavResponse;
import org.zcp.caldav.dav.GetHandler;
import org.zcp.caldav.dav.Handler;
import org.zcp.caldav.dav.Names;
import org.zcp.caldav.resource.Coll;
import org.zcp.ical.ContentLines;
import org.zcp.caldav.resource.Context;
import org.zcp.caldav.resource.Homes;
import org.zcp.caldav.resource.Items;
import org.zcp.caldav.resource.Target;
import org.zcp.caldav.resource.Tree;
import org.zcp.ical.Parsed;
import org.zcp.store.api.FolderItems.Expect;
import org.zcp.store.api.FolderItems.Item;
import org.zcp.store.api.FolderItems.ItemRef;
import org.zcp.store.api.StoreFailure;

/**
 * The iCal gateway of manual 4.10 ({@code /ical/<user>/[<calendar>]}): GET answers the whole
 * calendar, PUT replaces it (the Sunbird/Evolution style). A PUT writes each uploaded UID over
 * the stored item of that UID (so items made in Outlook keep their identity), as
 * {@code <uid>.ics} when new, and deletes the stored items the upload no longer has, as
 * Zarafa's iCal did. Components of another kind than the calendar's (a VTODO in a calendar of
 * events) are skipped and logged.
 */
public final class IcalGateway implements Handler {
    private static final Logger LOG = Logger.getLogger(IcalGateway.class.getName());

    @Override
    public DavResponse handle(DavRequest req, Target target, Context ctx) {
        Target.Ical t = (Target.Ical) target;
        Coll coll = calendar(ctx, t.calendar());
        return switch (req.method()) {
            case "GET" -> GetHandler.whole(ctx, coll);
            case "HEAD" -> GetHandler.whole(ctx, coll).withoutBody();
            case "PUT" -> put(req, ctx, coll);
            default -> throw new DavException(405, req.method() + " of /ical/").header("Allow", "GET, HEAD, PUT, OPTIONS");
        };
    }

    /** The named calendar (by its CalDAV segment or folder name, any case) or the default one; 404 when none. */
    static Coll calendar(Context ctx, String name) {
        List<Coll> colls = ctx.collections(Tree.CALDAV);
        Coll c = name == null ? Homes.defaultCalendar(colls) : Homes.find(colls, name);
        if (c == null && name != null) {
            c = colls.stream().filter(x -> name.equalsIgnoreCase(x.folder().name())).findFirst().orElse(null);
        }
        if (c == null) throw new DavException(404, "no calendar " + name);
        return c;
    }

    private static DavResponse put(DavRequest req, Context ctx, Coll coll) {
        if (req.tooLarge()) throw new DavException(413, Names.MAX_RESOURCE_SIZE, "calendar too large");
        Map<String, Parsed> upload = new LinkedHashMap<>();
        for (String resource : ctx.codecs().split(req.text())) {
            Parsed p = ctx.codecs().parseCalendar(resource, ctx.ids()); // all converted before anything is written
            if (p.kind() != coll.kind()) {
                LOG.warning(() -> "iCal PUT to " + coll.segment() + ": " + p.kind() + " " + p.uid() + " skipped");
                continue;
            }
            upload.put(p.uid(), p);
        }
        Map<String, String> nameByUid = storedUids(ctx, coll);
        Map<String, Boolean> kept = new HashMap<>();
        for (Parsed p : upload.values()) {
            String name = nameByUid.getOrDefault(p.uid(), nameFor(p.uid()));
            ctx.store().items().put(ctx.session(), coll.id(), name, p.message(), Expect.any());
            kept.put(name, true);
        }
        for (String name : nameByUid.values()) {
            if (kept.containsKey(name)) continue;
            try {
                ctx.store().items().delete(ctx.session(), coll.id(), name, Expect.any());
            } catch (RuntimeException e) {
                StoreFailure f = StoreFailure.in(e);
                if (f == null || f.kind() != StoreFailure.Kind.NOT_FOUND) throw e;
            }
        }
        return DavResponse.status(204);
    }

    /** The stored items by UID (read from their rendering: the item API keeps no UID column). */
    private static Map<String, String> storedUids(Context ctx, Coll coll) {
        List<String> names = ctx.store().items().list(ctx.session(), coll.id()).stream().map(ItemRef::name).toList();
        Map<String, String> out = new LinkedHashMap<>();
        for (Item it : Items.fetch(ctx, coll, names)) {
            String text;
            try {
                text = Items.render(ctx, coll, it.message(), null);
            } catch (RuntimeException e) {
                LOG.warning(() -> "iCal PUT: stored item " + it.ref().name() + " cannot be rendered: " + e);
                out.put("\u0000" + it.ref().name(), it.ref().name()); // no UID: replaced like any other
                continue;
            }
            List<String> uids = ContentLines.values(text, "UID");
            out.put(uids.isEmpty() ? "\u0000" + it.ref().name() : uids.get(0), it.ref().name());
        }
        return out;
    }

    /** {@code <uid>.ics} when the UID is a safe path segment, else a digest of it. */
    static String nameFor(String uid) {
        if (uid.matches("[A-Za-z0-9@._~+=-]{1,200}") && !uid.startsWith(".")) return uid + ".ics";
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(uid.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16) + ".ics";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
