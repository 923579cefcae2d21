package org.zcp.webaccess.events;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.zcp.store.api.ChangeFeed;
import org.zcp.store.api.MapiObjects;
import org.zcp.webaccess.items.ItemFolders;
import org.zcp.webaccess.session.Guard;
import org.zcp.webaccess.session.WebSession;

/**
 * Live updates (docs/webaccess.md): server-sent events fed by the store's change events of the
 * user's own store and of the other users' folders and public folders the user opened and may see
 * ({@link SharedFolders}, read again every minute so rights taken away end their events), gathered
 * for a second so a thousand flag changes are one event per folder, and the end of the store
 * session. The event is a hint: the client asks the API again.
 */
@Path("events")
public class EventsResource {
    private static final Logger LOG = Logger.getLogger(EventsResource.class.getName());
    static final long REWATCH_MS = 60_000;

    @EJB
    MapiObjects mapi;

    @Inject
    ItemFolders items;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void events(@Context SseEventSink sink, @Context Sse sse, @Context HttpServletRequest req) {
        WebSession s = Guard.session(req);
        long store = mapi.storeNumber(s.storeSession());
        EventStream stream = new EventStream(sink, sse, id -> mapi.entryId(s.storeSession(), id));
        ChangeFeed feed = ChangeFeed.shared();
        stream.start(feed.store(store, stream::changed), feed.session(s.storeSession(), stream::ended), scheduler);
        Runnable rewatch = () -> {
            try {
                stream.watch(SharedFolders.of(s.storeSession(), mapi, items.tree()), feed);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "the shared folders of an event stream were not read again", e);
            }
        };
        rewatch.run();
        stream.every(REWATCH_MS, rewatch, scheduler);
    }
}
