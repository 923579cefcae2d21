package org.zcp.webaccess.calendar;

import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.zcp.store.api.Calendars;
import org.zcp.webaccess.ApiException;
import org.zcp.webaccess.calendar.CalendarJson.Busy;
import org.zcp.webaccess.calendar.CalendarJson.FreeBusy;
import org.zcp.webaccess.calendar.CalendarJson.UserBusy;
import org.zcp.webaccess.session.Guard;

/**
 * The busy times of users for the meeting form's grid: each user's default calendar as free/busy
 * publishes it (manual 8.8; Calendars.freeBusyOf), never what the items are.
 */
@Path("freebusy")
@Produces(MediaType.APPLICATION_JSON)
public class FreeBusyResource {
    static final int MAX_USERS = 50;

    @EJB
    Calendars calendars;

    @GET
    public FreeBusy get(@QueryParam("users") String users, @QueryParam("from") String from, @QueryParam("to") String to,
            @Context HttpServletRequest req) {
        String session = Guard.session(req).storeSession();
        Instant f = EventForms.bound(from, "from");
        Instant t = EventForms.bound(to, "to");
        if (!t.isAfter(f) || Duration.between(f, t).toDays() > 62) throw ApiException.invalid("a range of at most 62 days");
        Set<String> who = new LinkedHashSet<>();
        for (String u : users == null ? new String[0] : users.split(",")) if (!u.isBlank()) who.add(u.strip());
        if (who.isEmpty() || who.size() > MAX_USERS) throw ApiException.invalid("1 to " + MAX_USERS + " users");
        List<UserBusy> out = new ArrayList<>();
        for (String u : who) {
            if (u.length() > 256) throw ApiException.invalid("not a user");
            Optional<List<Calendars.Busy>> busy = calendars.freeBusyOf(session, u, f, t);
            List<Busy> periods = new ArrayList<>();
            for (Calendars.Busy b : busy.orElse(List.of())) {
                periods.add(new Busy(b.start().toString(), b.end().toString(), switch (b.type()) {
                    case TENTATIVE -> "tentative";
                    case OUT_OF_OFFICE -> "oof";
                    case BUSY -> "busy";
                }));
            }
            out.add(new UserBusy(u, busy.isPresent(), periods));
        }
        return new FreeBusy(out);
    }
}
