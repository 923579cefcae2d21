package org.zcp.caldav.dav;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.w3c.dom.Element;
import org.zcp.caldav.resource.Coll;
import org.zcp.caldav.resource.Context;
import org.zcp.caldav.resource.Items;
import org.zcp.caldav.resource.Props;
import org.zcp.caldav.resource.Target;
import org.zcp.store.api.FolderItems.Item;
import org.zcp.store.api.FolderItems.ItemChanges;
import org.zcp.store.api.FolderItems.ItemRef;
import org.zcp.store.api.StoreFailure;

/**
 * sync-collection (RFC 6578) of a calendar or address book, level 1 (our collections have no
 * member collections, so "infinite" answers the same). The token is
 * {@code http://zcp.org/ns/sync/<folderId>/<modSeq>}; one of another folder, malformed, or one
 * the store's journal no longer reaches is 403 DAV:valid-sync-token. DAV:limit is not honoured
 * (RFC 6578 3.7 lets a server return all).
 */
public final class SyncCollection implements Report {
    private static final String PREFIX = "http://zcp.org/ns/sync/";

    /**
     * The sync token a sync-collection body asks from ("" for none), its sync-level checked: 1, or
     * "infinite", which answers the same as collections here hold no collections (400 otherwise).
     */
    public static String requestedToken(Element body) {
        Element level = Xml.child(body, Names.SYNC_LEVEL);
        if (level != null && !level.getTextContent().trim().equals("1")
                && !level.getTextContent().trim().equals("infinite")) {
            throw new DavException(400, "sync-level " + level.getTextContent());
        }
        Element tokenEl = Xml.child(body, Names.SYNC_TOKEN);
        return tokenEl == null ? "" : tokenEl.getTextContent().trim();
    }

    @Override
    public DavResponse run(Element body, DavRequest req, Target target, Context ctx) {
        if (!(target instanceof Target.Collection c)) {
            throw new DavException(403, Names.SUPPORTED_REPORT, "sync-collection of " + target);
        }
        Coll coll = ctx.collection(c);
        long token = parseToken(requestedToken(body), coll.id());
        ItemChanges changes;
        try {
            changes = ctx.store().items().changes(ctx.session(), coll.id(), token);
        } catch (RuntimeException e) {
            StoreFailure f = StoreFailure.in(e);
            if (f != null && f.kind() == StoreFailure.Kind.INVALID) {
                throw new DavException(403, Names.VALID_SYNC_TOKEN, "sync token " + token + ": " + f.getMessage());
            }
            throw e;
        }
        PropRequest props = PropRequest.of(body);
        Multistatus ms = new Multistatus();
        Map<String, Item> bodies = Map.of();
        if (props.needsBodies()) {
            bodies = Items.fetch(ctx, coll, changes.changed().stream().map(ItemRef::name).toList()).stream()
                    .collect(Collectors.toMap(it -> it.ref().name(), Function.identity(), (a, b) -> a));
        }
        for (ItemRef ref : changes.changed()) {
            Item item = bodies.get(ref.name());
            if (props.needsBodies() && item == null) {
                ms.status(ctx.href(coll, ref.name()), 404); // gone between the journal and the read
            } else {
                props.answer(ms.entry(ctx.href(coll, ref.name())),
                        Items.props(ctx, coll, item == null ? ref : item.ref(), item, props));
            }
        }
        for (String name : changes.removed()) ms.status(ctx.href(coll, name), 404);
        ms.syncToken(Props.syncToken(coll.id(), changes.token()));
        return ms.response();
    }

    /** The MODSEQ of a token of this folder; 0 for the empty token (initial sync). */
    static long parseToken(String token, long folderId) {
        if (token.isEmpty()) return 0;
        String mine = PREFIX + folderId + "/";
        if (token.startsWith(mine)) {
            try {
                long seq = Long.parseLong(token.substring(mine.length()));
                if (seq >= 0) return seq;
            } catch (NumberFormatException e) {
                // falls through to the precondition
            }
        }
        throw new DavException(403, Names.VALID_SYNC_TOKEN, "sync token " + token);
    }
}
