package org.zcp.webaccess.calendar;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/** The calendar API's JSON (docs/webaccess.md, "Calendar, free/busy, meeting requests and sharing"). */
public final class CalendarJson {
    private CalendarJson() {
    }

    public record Rights(boolean read, boolean create, boolean edit, boolean delete) {
        static final Rights ALL = new Rights(true, true, true, true);
    }

    /** A calendar: {@code id} the store's folder id, {@code folderId} its entry id (the folder API's). */
    public record Calendar(String id, String folderId, String name, String owner, String ownerName, boolean mine,
            @JsonbProperty("default") boolean isDefault, Rights rights) {
    }

    public record Calendars(List<Calendar> calendars) {
    }

    public record Person(String email, String name, String type, String status) {
    }

    public record Rule(String freq, Integer interval, List<String> byDay, Integer byMonthDay, Integer byMonth,
            Integer count, String until) {
    }

    /** One instance in a range. {@code freeBusyOnly}: a calendar the session sees only the busy times of. */
    public record Instance(String id, String etag, String uid, String occurrence, String subject, String location,
            String start, String end, boolean allDay, String busy, boolean recurring, boolean meeting,
            Person organizer, String myResponse, Integer reminder, String reminderAcknowledged, String reminderSnoozed,
            @JsonbProperty("private") boolean isPrivate,
            boolean cancelled,
            boolean freeBusyOnly) {
    }

    public record Instances(List<Instance> events) {
    }

    /** {@code POST .../reminder}: dismiss, or snooze for {@code minutes}. */
    public record ReminderAction(String action, Integer minutes) {
    }

    /** An event as the form edits it (the series master, or the single event). */
    public record Event(String id, String etag, String uid, String subject, String location, String start, String end,
            Boolean allDay, String timeZone, String busy, Integer reminder, String description,
            @JsonbProperty("private") Boolean isPrivate,
            Rule recurrence, List<Exception> exceptions, Person organizer, List<Person> attendees,
            String myResponse) {
    }

    /** An occurrence of a series that was changed or deleted on its own. */
    public record Exception(String occurrence, boolean deleted) {
    }

    public record Ref(String id, String etag) {
    }

    /** An answer; with {@code proposedStart}/{@code proposedEnd} (instants) a proposal of another time (iTIP COUNTER). */
    public record Answer(String answer, String comment, String proposedStart, String proposedEnd) {
    }

    public record Open(String user) {
    }

    public record Busy(String start, String end, String type) {
    }

    public record UserBusy(String user, boolean known, List<Busy> busy) {
    }

    public record FreeBusy(List<UserBusy> users) {
    }

    /**
     * What the mail view shows of a meeting request, answer, proposal or cancellation; for a
     * proposal (method counter) start and end are the proposed time and {@code from} who proposes.
     */
    public record Meeting(String method, String uid, String subject, String start, String end, boolean allDay,
            String location, Person organizer, String calendarId, String eventId, String myResponse, Person from) {
    }
}
