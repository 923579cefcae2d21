package org.zcp.webaccess.calendar;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import org.zcp.api.mapi.PropTag;
import org.zcp.ical.CalendarEvents;
import org.zcp.ical.EventData;
import org.zcp.ical.ICalException;
import org.zcp.ical.Itip;
import org.zcp.store.api.MapiObjects;
import org.zcp.store.api.mapi.Attachment;
import org.zcp.store.api.mapi.Message;
import org.zcp.webaccess.ApiException;
import org.zcp.webaccess.Props;
import org.zcp.webaccess.calendar.CalendarJson.Meeting;
import org.zcp.webaccess.session.WebSession;

/**
 * Meeting requests, answers and cancellations in the mail view: the meeting a message carries
 * (its text/calendar part, as delivery keeps it), where it is in the user's calendar (delivery put
 * it there, RFC 6047 handling of the store), and answering it from the message.
 */
@ApplicationScoped
public class MeetingRequests {
    /** The largest calendar part read (a meeting with its time zones and many attendees is far less). */
    static final int MAX_CALENDAR = 1 << 20;

    @Inject
    CalendarService calendars;

    @EJB
    MapiObjects mapi;

    /** Whether a message class is one of a scheduling message. */
    public static boolean isMeeting(String messageClass) {
        return messageClass != null && messageClass.toLowerCase(Locale.ROOT).startsWith("ipm.schedule.meeting.");
    }

    /** The meeting of a message; null when it carries none that can be read. */
    public Meeting of(WebSession ws, Message m, String entry) {
        String text = calendarPart(ws.storeSession(), m, entry);
        if (text == null) return null;
        try {
            Itip.Message itip = Itip.read(text, CalendarService.serverZone());
            EventData e = CalendarEvents.master(text, CalendarService.serverZone());
            Long cal = calendars.ownDefault(ws.storeSession());
            String eventId = null;
            String myResponse = null;
            if (cal != null) {
                List<String> names = calendars.namesWithUid(ws.storeSession(), cal, itip.uid());
                if (!names.isEmpty()) {
                    eventId = names.get(0);
                    myResponse = calendars.event(ws, cal, eventId).myResponse();
                }
            }
            CalendarJson.Event shown = EventForms.event(e, null, 0, ws.email());
            CalendarJson.Person from = itip.method() == Itip.Method.COUNTER || itip.method() == Itip.Method.REPLY
                    ? itip.attendees().stream().findFirst().map(a -> new CalendarJson.Person(a.address(), a.name(), "required",
                            a.partStat() == null ? "needs-action" : a.partStat().toLowerCase(Locale.ROOT))).orElse(null)
                    : null;
            return new Meeting(itip.method().name().toLowerCase(Locale.ROOT), itip.uid(), e.summary(), shown.start(),
                    shown.end(), e.allDay(), e.location(), EventForms.person(e.organizer()),
                    eventId == null ? null : Long.toString(cal), eventId, myResponse, from);
        } catch (ICalException | ApiException e) {
            return null;
        }
    }

    /** Answers the meeting of a message in the user's calendar (404 when it is not there). */
    public void respond(WebSession ws, String entry, CalendarJson.Answer in) {
        Message m = mapi.load(ws.storeSession(), entry);
        Meeting meeting = of(ws, m, entry);
        if (meeting == null || !"request".equals(meeting.method())) {
            throw ApiException.invalid("the message is no meeting request");
        }
        if (meeting.eventId() == null) {
            throw new ApiException(404, "not-found", "the meeting is not in your calendar (deleted, or cancelled)");
        }
        calendars.respond(ws, Long.parseLong(meeting.calendarId()), meeting.eventId(), in);
    }

    /**
     * The organizer takes an attendee's proposal (a COUNTER in their Inbox): the meeting moves to
     * the proposed time and is sent anew to every attendee (the series keeps its rule; its start
     * and length change). 404 when the meeting is no longer in the calendar.
     */
    public void acceptProposal(WebSession ws, String entry) {
        Message m = mapi.load(ws.storeSession(), entry);
        Meeting meeting = of(ws, m, entry);
        if (meeting == null || !"counter".equals(meeting.method())) throw ApiException.invalid("the message is no proposal of a new time");
        if (meeting.eventId() == null) throw new ApiException(404, "not-found", "the meeting is not in your calendar");
        long cal = Long.parseLong(meeting.calendarId());
        CalendarJson.Event e = calendars.event(ws, cal, meeting.eventId());
        if (!"organizer".equals(e.myResponse())) throw new ApiException(403, "access", "only the organizer moves the meeting");
        CalendarJson.Event moved = new CalendarJson.Event(e.id(), e.etag(), e.uid(), e.subject(), e.location(),
                meeting.start(), meeting.end(), e.allDay(), e.timeZone(), e.busy(), e.reminder(), e.description(),
                e.isPrivate(), e.recurrence(), e.exceptions(), e.organizer(), e.attendees(), e.myResponse());
        calendars.update(ws, cal, meeting.eventId(), null, moved, e.etag());
    }

    private String calendarPart(String session, Message m, String entry) {
        for (Attachment a : m.attachments == null ? List.<Attachment>of() : m.attachments) {
            String type = Props.string(a.props, PropTag.PR_ATTACH_MIME_TAG);
            String name = Props.string(a.props, PropTag.PR_ATTACH_LONG_FILENAME);
            boolean calendar = type != null && type.toLowerCase(Locale.ROOT).startsWith("text/calendar")
                    || type == null && name != null && name.toLowerCase(Locale.ROOT).endsWith(".ics");
            if (!calendar) continue;
            MapiObjects.Content c = mapi.attachment(session, entry, a.attachNum);
            try {
                byte[] data = c.bytes() != null ? c.bytes() : Files.readAllBytes(c.file());
                if (data.length > MAX_CALENDAR) return null;
                return new String(data, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return null;
            }
        }
        return null;
    }
}
