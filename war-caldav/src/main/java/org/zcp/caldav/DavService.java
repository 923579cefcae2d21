package org.zcp.caldav;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.zcp.caldav.auth.Credentials;
import org.zcp.caldav.auth.LogonCache;
import org.zcp.caldav.caldav.CalendarQuery;
import org.zcp.caldav.caldav.MkcalendarHandler;
import org.zcp.caldav.caldav.OutboxPost;
import org.zcp.caldav.carddav.AddressbookQuery;
import org.zcp.caldav.carddav.GalHandler;
import org.zcp.caldav.carddav.MkcolHandler;
import org.zcp.caldav.dav.DavException;
import org.zcp.caldav.dav.DavRequest;
import org.zcp.caldav.dav.DavResponse;
import org.zcp.caldav.dav.CopyMoveHandler;
import org.zcp.caldav.dav.DeleteHandler;
import org.zcp.caldav.dav.Failures;
import org.zcp.caldav.dav.GetHandler;
import org.zcp.caldav.dav.Handler;
import org.zcp.caldav.dav.Multiget;
import org.zcp.caldav.dav.Names;
import org.zcp.caldav.dav.OptionsHandler;
import org.zcp.caldav.dav.PropfindHandler;
import org.zcp.caldav.dav.ProppatchHandler;
import org.zcp.caldav.dav.PutHandler;
import org.zcp.caldav.dav.ReportHandler;
import org.zcp.caldav.dav.SyncCollection;
import org.zcp.caldav.ical.IcalGateway;
import org.zcp.caldav.resource.Codecs;
import org.zcp.caldav.resource.Context;
import org.zcp.caldav.resource.Paths;
import org.zcp.caldav.resource.Store;
import org.zcp.ical.StoreNamedIds;
import org.zcp.caldav.resource.Target;
import org.zcp.caldav.resource.Tree;
import org.zcp.ical.ICalException;
import org.zcp.store.api.StoreFailure;
import org.zcp.store.api.WebLogons.Who;

/**
 * The whole HTTP side without the container: well-known redirects, logon (HTTP Basic, cached),
 * the own-user check (another user's home shows what they share; their scheduling outbox and
 * inbox and global address book are 404), the method table (POST: free/busy requests to one's
 * scheduling outbox; every method of the read-only global address book to {@link GalHandler}), the
 * one mapping of failures to statuses, one retry after the store ended a session, and the request log.
 */
public final class DavService {
    private static final Logger LOG = Logger.getLogger("org.zcp.caldav.request");
    static final String REALM = "Basic realm=\"Zarafa CalDAV\"";

    private final Store store;
    private final Codecs codecs;
    private final LogonCache logons;
    private final StoreNamedIds namedIds;
    private final Handler ical = new IcalGateway();
    private final Handler gal = new GalHandler();
    private final Map<String, Handler> methods;
    private volatile boolean icalGet = true;

    public DavService(Store store, Codecs codecs, Clock clock) {
        this.store = store;
        this.codecs = codecs;
        this.logons = new LogonCache(store.logons(), clock);
        this.namedIds = new StoreNamedIds(store.items());
        Handler get = new GetHandler();
        this.methods = Map.ofEntries(
                Map.entry("OPTIONS", new OptionsHandler()),
                Map.entry("PROPFIND", new PropfindHandler()),
                Map.entry("PROPPATCH", new ProppatchHandler()),
                Map.entry("GET", get),
                Map.entry("HEAD", get),
                Map.entry("POST", new OutboxPost()),
                Map.entry("PUT", new PutHandler()),
                Map.entry("DELETE", new DeleteHandler()),
                Map.entry("COPY", new CopyMoveHandler(false)),
                Map.entry("MOVE", new CopyMoveHandler(true)),
                Map.entry("MKCALENDAR", new MkcalendarHandler()),
                Map.entry("MKCOL", new MkcolHandler()),
                Map.entry("REPORT", new ReportHandler(Map.of(
                        Names.CALENDAR_QUERY, new CalendarQuery(),
                        Names.CALENDAR_MULTIGET, new Multiget(Tree.CALDAV),
                        Names.FREE_BUSY_QUERY, new org.zcp.caldav.caldav.FreeBusyQuery(),
                        Names.ADDRESSBOOK_QUERY, new AddressbookQuery(),
                        Names.ADDRESSBOOK_MULTIGET, new Multiget(Tree.CARDDAV),
                        Names.SYNC_COLLECTION, new SyncCollection(),
                        Names.PRINCIPAL_PROPERTY_SEARCH, new org.zcp.caldav.caldav.PrincipalSearch(),
                        Names.PRINCIPAL_SEARCH_PROPERTY_SET,
                        (body, req, target, ctx) -> org.zcp.caldav.caldav.PrincipalSearch.propertySet()))));
    }

    public DavResponse handle(DavRequest req) {
        long t0 = System.nanoTime();
        String[] user = {"-"};
        DavResponse r;
        try {
            r = dispatch(req, user);
        } catch (DavException e) {
            r = e.response();
            if (e.status() >= 500) LOG.severe(() -> req.method() + " " + req.path() + ": " + e.getMessage());
            else LOG.fine(() -> req.method() + " " + req.path() + ": " + e.getMessage());
        } catch (ICalException e) {
            r = Failures.of(e).response();
            LOG.fine(() -> req.method() + " " + req.path() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            StoreFailure f = StoreFailure.in(e);
            if (f != null && f.kind() != StoreFailure.Kind.SESSION_ENDED) {
                r = Failures.of(f, 409).response();
                Level level = f.kind() == StoreFailure.Kind.TEMPORARY ? Level.WARNING : Level.FINE;
                LOG.log(level, req.method() + " " + req.path() + ": " + f.kind() + " " + f.getMessage());
            } else {
                // an error of the server's own: logged at log_level 2 (error) and above, with its trace
                LOG.log(Level.SEVERE, req.method() + " " + req.path() + " failed", e);
                r = DavResponse.status(f != null ? 503 : 500).body("text/plain; charset=utf-8",
                        "the server could not answer this request; its log says why\n");
            }
        }
        int status = r.status();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        LOG.fine(() -> req.method() + " " + req.path() + " " + status + " user=" + user[0] + " " + ms + "ms");
        return r;
    }

    private DavResponse dispatch(DavRequest req, String[] user) {
        Target target = Paths.parse(req.path());
        if (target instanceof Target.WellKnown w) {
            return DavResponse.status(301).header("Location", w.location()); // RFC 6764 section 5
        }
        if (req.method().equals("OPTIONS")) return methods.get("OPTIONS").handle(req, target, null);
        if (target instanceof Target.Unknown) {
            // RFC 4918 9.3.1, 9.7.1: making something below a collection that is not there is a conflict
            boolean making = Set.of("PUT", "MKCOL", "MKCALENDAR").contains(req.method());
            throw new DavException(making ? 409 : 404, "no such path");
        }
        Credentials creds = Credentials.parse(req.header("Authorization"));
        if (creds == null) throw unauthorized("no credentials");
        if (target instanceof Target.Ical && !icalGet && (req.method().equals("GET") || req.method().equals("HEAD"))) {
            throw new DavException(403, "the iCal GET of whole calendars is off (enable_ical_get = no)");
        }
        Handler h = target instanceof Target.Ical ? ical : methods.get(req.method());
        if (h == null) throw new DavException(501, "method " + req.method()).header("Allow", OptionsHandler.ALLOW);
        if (target instanceof Target.Gal) h = gal; // read-only: every method of its own
        for (int attempt = 0; ; attempt++) {
            Who who = logon(creds, req.peer());
            user[0] = who.loginName();
            Context ctx = new Context(store, who, codecs, namedIds.forSession(who.session()));
            try {
                // another user's home shows what that user shares with this one (the store decides)
                ctx.addressing(target.user());
                if (target instanceof Target.ScheduleBox b && !ctx.ownHome()) {
                    throw new DavException(404, "the " + b.box().segment() + " of " + ctx.user() + " is theirs only");
                }
                if (target instanceof Target.Gal && !ctx.ownHome()) {
                    throw new DavException(404, "the global address book is in one's own home only, not " + ctx.user() + "'s");
                }
                return h.handle(req, target, ctx);
            } catch (RuntimeException e) {
                StoreFailure f = StoreFailure.in(e);
                if (f == null || f.kind() != StoreFailure.Kind.SESSION_ENDED) throw e;
                logons.forget(creds);
                if (attempt > 0) throw e;
                LOG.fine(() -> "session of " + who.loginName() + " ended: logging on again");
            }
        }
    }

    private Who logon(Credentials creds, String peer) {
        try {
            return logons.logon(creds, peer);
        } catch (RuntimeException e) {
            StoreFailure f = StoreFailure.in(e);
            if (f != null && f.kind() == StoreFailure.Kind.NO_ACCESS) throw unauthorized("logon of " + creds.user() + " refused");
            throw e;
        }
    }

    private static DavException unauthorized(String why) {
        return new DavException(401, why).header("WWW-Authenticate", REALM);
    }

    /** Logs off the cached sessions (the application stops). */
    /** ical.cfg's enable_ical_get: whether GET of a whole calendar under /ical/ is served. */
    public void icalGet(boolean enabled) {
        icalGet = enabled;
    }

    public void close() {
        logons.close();
    }
}
