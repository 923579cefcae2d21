package org.zcp.caldav.caldav;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.zcp.caldav.dav.DavException;
import org.zcp.caldav.dav.DavRequest;
import org.zcp.caldav.dav.DavResponse;
import org.zcp.caldav.dav.Handler;
import org.zcp.caldav.dav.Names;
import org.zcp.caldav.dav.OptionsHandler;
import org.zcp.caldav.dav.Xml;
import org.zcp.caldav.resource.Context;
import org.zcp.caldav.resource.Paths;
import org.zcp.caldav.resource.Target;
import org.zcp.ical.FreeBusy;
import org.zcp.store.api.Calendars.Busy;
import org.zcp.store.api.StoreFailure;

/**
 * POST to one's scheduling outbox (RFC 6638 5, the free/busy lookup of Thunderbird, Apple Calendar
 * and Evolution): a {@link FreeBusyRequest} answered with a CALDAV:schedule-response holding, per
 * ATTENDEE in request order, the recipient as given, its request-status and, when the store knows
 * the user ({@code Calendars.freeBusyOf}: a mailto: address or a principal URL), an iTIP REPLY
 * VFREEBUSY of their busy time (2.0;Success); a user the store does not know, or an outside
 * address, is 3.7;Invalid calendar user, one whose free/busy the session may not see 3.8;No
 * authority. The ORGANIZER must be one of the user's own addresses (403 CALDAV:organizer-allowed);
 * at most {@value #MAX_ATTENDEES} attendees are asked about at a time. The older Originator and
 * Recipient headers of the scheduling drafts are not read: the body says who asks and whom.
 *
 * <p>Client-driven scheduling (the drafts' POST of a VEVENT REQUEST, REPLY or CANCEL to be
 * delivered) is not done: the server schedules meetings itself when they are saved in a calendar
 * (implicit scheduling, calendar-auto-schedule, {@code Scheduler}), so such a POST is 403
 * CALDAV:valid-scheduling-message. POST anywhere else is 405.
 */
public final class OutboxPost implements Handler {
    /** The most attendees one request asks about (each is a free/busy computation in the store). */
    public static final int MAX_ATTENDEES = 100;

    @Override
    public DavResponse handle(DavRequest req, Target target, Context ctx) {
        if (!(target instanceof Target.ScheduleBox b) || b.box() != Target.Box.OUTBOX || b.item() != null) {
            throw new DavException(405, "POST is for free/busy requests to the schedule-outbox")
                    .header("Allow", OptionsHandler.allow(target));
        }
        if (req.tooLarge()) throw new DavException(413, Names.MAX_RESOURCE_SIZE, "free/busy request too large");
        FreeBusyRequest fb = FreeBusyRequest.parse(req.text());
        if (!own(ctx, fb.organizer())) {
            throw new DavException(403, Names.ORGANIZER_ALLOWED, "the ORGANIZER " + fb.organizer()
                    + " is not an address of " + ctx.who().loginName());
        }
        if (fb.attendees().size() > MAX_ATTENDEES) {
            throw new DavException(403, "at most " + MAX_ATTENDEES + " attendees per free/busy request, not "
                    + fb.attendees().size());
        }
        Instant now = Instant.now();
        String uid = fb.uid() != null ? fb.uid() : UUID.randomUUID().toString();
        Document doc = Xml.newDocument(Names.SCHEDULE_RESPONSE);
        Map<String, Optional<List<Busy>>> asked = new HashMap<>();
        for (String attendee : fb.attendees()) {
            Element r = Xml.add(doc.getDocumentElement(), Names.RECIPIENT_RESPONSE);
            Xml.add(Xml.add(r, Names.RECIPIENT), Names.HREF, attendee);
            String user = user(attendee);
            Optional<List<Busy>> busy;
            try {
                busy = user == null ? Optional.empty() : asked.computeIfAbsent(user.toLowerCase(Locale.ROOT),
                        u -> ctx.store().calendars().freeBusyOf(ctx.session(), user, fb.from(), fb.to()));
            } catch (RuntimeException e) {
                StoreFailure f = StoreFailure.in(e);
                if (f == null || f.kind() != StoreFailure.Kind.NO_ACCESS) throw e;
                Xml.add(r, Names.REQUEST_STATUS, "3.8;No authority");
                continue;
            }
            if (busy.isEmpty()) {
                Xml.add(r, Names.REQUEST_STATUS, "3.7;Invalid calendar user");
                continue;
            }
            Xml.add(r, Names.REQUEST_STATUS, "2.0;Success");
            Xml.add(r, Names.CALENDAR_DATA, FreeBusy.reply(FreeBusyQuery.periods(busy.get()), fb.from(), fb.to(), now,
                    uid, fb.organizer(), attendee));
        }
        return DavResponse.xml(200, doc);
    }

    /** Whether a calendar user address is the logged-on user's: mailto: of their e-mail address, or their principal URL. */
    static boolean own(Context ctx, String address) {
        String user = user(address);
        if (user == null) return false;
        String email = ctx.who().email();
        if (address.regionMatches(true, 0, "mailto:", 0, 7)) return email != null && user.equalsIgnoreCase(email.trim());
        return ctx.isSelf(user);
    }

    /** The store's name for a calendar user address (an e-mail address or login name), or null for another kind of URI. */
    static String user(String address) {
        if (address.regionMatches(true, 0, "mailto:", 0, 7)) {
            String a = address.substring(7).trim();
            return a.isEmpty() ? null : a;
        }
        return Paths.parseHref(address) instanceof Target.Principal p ? p.user() : null;
    }
}
