package org.zcp.webaccess.calendar;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import org.zcp.webaccess.ApiException;
import org.zcp.webaccess.calendar.CalendarJson.Answer;
import org.zcp.webaccess.calendar.CalendarJson.Calendar;
import org.zcp.webaccess.calendar.CalendarJson.Calendars;
import org.zcp.webaccess.calendar.CalendarJson.Event;
import org.zcp.webaccess.calendar.CalendarJson.Instances;
import org.zcp.webaccess.calendar.CalendarJson.Open;
import org.zcp.webaccess.calendar.CalendarJson.Ref;
import org.zcp.webaccess.session.Guard;

/** Calendars and their events (docs/webaccess.md, "Calendar, free/busy, meeting requests and sharing"). */
@Path("calendars")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CalendarResource {
    @Inject
    CalendarService service;

    @GET
    public Calendars list(@Context HttpServletRequest req) {
        return new Calendars(service.list(Guard.session(req)));
    }

    @POST
    @Path("open")
    public Calendar open(Open in, @Context HttpServletRequest req) {
        return service.open(Guard.session(req), in == null ? null : in.user());
    }

    @DELETE
    @Path("open/{id}")
    public Response close(@PathParam("id") String id, @Context HttpServletRequest req) {
        service.close(Guard.session(req), Long.toString(folder(id)));
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/events")
    public Instances events(@PathParam("id") String id, @QueryParam("from") String from, @QueryParam("to") String to,
            @Context HttpServletRequest req) {
        Instant f = EventForms.bound(from, "from");
        Instant t = EventForms.bound(to, "to");
        if (!t.isAfter(f)) throw ApiException.invalid("'to' must be after 'from'");
        if (Duration.between(f, t).toDays() > CalendarService.MAX_RANGE_DAYS) {
            throw ApiException.invalid("a range of at most " + CalendarService.MAX_RANGE_DAYS + " days");
        }
        return new Instances(service.events(Guard.session(req), folder(id), f, t));
    }

    @GET
    @Path("{id}/events/{name}")
    public Event event(@PathParam("id") String id, @PathParam("name") String name, @Context HttpServletRequest req) {
        return service.event(Guard.session(req), folder(id), name);
    }

    @POST
    @Path("{id}/events")
    public Response create(@PathParam("id") String id, Event in, @Context HttpServletRequest req) {
        Ref ref = service.create(Guard.session(req), folder(id), in);
        return Response.status(201).entity(ref).build();
    }

    @PUT
    @Path("{id}/events/{name}")
    public Ref update(@PathParam("id") String id, @PathParam("name") String name,
            @QueryParam("occurrence") String occurrence, @HeaderParam("If-Match") String ifMatch, Event in,
            @Context HttpServletRequest req) {
        return service.update(Guard.session(req), folder(id), name, blank(occurrence), in, ifMatch);
    }

    @DELETE
    @Path("{id}/events/{name}")
    public Response delete(@PathParam("id") String id, @PathParam("name") String name,
            @QueryParam("occurrence") String occurrence, @HeaderParam("If-Match") String ifMatch,
            @Context HttpServletRequest req) {
        service.delete(Guard.session(req), folder(id), name, blank(occurrence), ifMatch);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/events/{name}/respond")
    public Response respond(@PathParam("id") String id, @PathParam("name") String name, Answer in,
            @Context HttpServletRequest req) {
        if (in == null) throw org.zcp.webaccess.ApiException.invalid("an answer");
        service.respond(Guard.session(req), folder(id), name, in);
        return Response.noContent().build();
    }

    /** A reminder dismissed or snoozed, kept in the event for every device; the event's new etag. */
    @POST
    @Path("{id}/events/{name}/reminder")
    public Ref reminder(@PathParam("id") String id, @PathParam("name") String name, CalendarJson.ReminderAction in,
            @Context HttpServletRequest req) {
        return service.reminder(Guard.session(req), folder(id), name, in);
    }

    static long folder(String id) {
        return org.zcp.webaccess.items.ItemFolders.folder(id);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
