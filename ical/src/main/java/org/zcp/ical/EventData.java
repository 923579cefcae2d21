package org.zcp.ical;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An event as a form shows and edits it (the web client's calendar): what {@link CalendarEvents}
 * reads from a calendar object resource and writes into one. Times are instants; {@code zone} is
 * the IANA zone they are meant in (an all-day event's dates are the days of {@code start} and the
 * day before {@code end} in it). {@code busy} is FREE, TENTATIVE, BUSY or OOF; {@code reminder}
 * minutes before the start, or null for none.
 *
 * @param excluded the occurrences of a series that were deleted (EXDATE), read only
 * @param overridden the occurrences of a series changed on their own (RECURRENCE-ID), read only
 * @param recurrenceId for an instance of a series: which occurrence it is (null otherwise)
 * @param recurring whether it is (an instance of) a recurring event
 * @param cancelled whether the organizer cancelled it (STATUS:CANCELLED)
 */
public record EventData(String uid, String summary, String location, String description, Instant start,
        Instant end, boolean allDay, String zone, String busy, Integer reminder, boolean isPrivate,
        Recurrence recurrence, List<Instant> excluded, List<Instant> overridden, Person organizer,
        List<Person> attendees, int sequence, Instant recurrenceId, boolean recurring, boolean cancelled) {

    /**
     * An organizer or attendee: address (mailto: taken off), CN, ROLE (REQ-PARTICIPANT,
     * OPT-PARTICIPANT, NON-PARTICIPANT, CHAIR), CUTYPE (INDIVIDUAL, ROOM, RESOURCE, ...) and
     * PARTSTAT; null where the text has none.
     */
    public record Person(String email, String name, String role, String cutype, String partStat) {
        public static Person of(String email, String name) {
            return new Person(email, name, null, null, null);
        }
    }

    /**
     * A recurrence rule as a form offers it (RFC 5545 3.3.10): FREQ DAILY, WEEKLY, MONTHLY or
     * YEARLY, INTERVAL, BYDAY (MO..SU, for monthly also with an ordinal: 2TU, -1FR), BYMONTHDAY,
     * BYMONTH, and COUNT or UNTIL (a date: the last day an occurrence may start on). A rule with
     * other parts is shown by {@code text} (the RRULE value) and kept when the form leaves it alone.
     */
    public record Recurrence(String freq, int interval, List<String> byDay, Integer byMonthDay, Integer byMonth,
            Integer count, LocalDate until, String text) {
    }
}
