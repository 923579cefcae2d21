package org.zcp.webaccess.events;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.zcp.store.api.ChangeFeed;
import org.zcp.store.api.MapiObjects;
import org.zcp.webaccess.session.Guard;
import org.zcp.webaccess.session.WebSession;

/**
 * Live updates (docs/webaccess.md): server-sent events fed by the store's change events of the
 * user's own store, gathered for a second so a thousand flag changes are one event per folder,
 * and the end of the store session. The event is a hint: the client asks the API again.
 */
@Path("events")
public class EventsResource {
    @EJB
    MapiObjects mapi;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void events(@Context SseEventSink sink, @Context Sse sse, @Context HttpServletRequest req) {
        WebSession s = Guard.session(req);
        long store = mapi.storeNumber(s.storeSession());
        EventStream stream = new EventStream(sink, sse, id -> mapi.entryId(s.storeSession(), id));
        stream.start(ChangeFeed.shared().store(store, stream::changed),
                ChangeFeed.shared().session(s.storeSession(), stream::ended), scheduler);
    }
}
