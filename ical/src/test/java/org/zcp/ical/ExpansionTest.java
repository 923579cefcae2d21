package org.zcp.ical;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** calendar-data expand (RFC 4791 9.6.5, the example of 7.8.3): instances in UTC, no recurrence left. */
class ExpansionTest {
    private static String expand(String text, String from, String to) {
        return ICalItems.expand(text, Instant.parse(from), Instant.parse(to), Corpus.SERVER_ZONE).replace("\r\n ", "");
    }

    private static List<String> components(String text) {
        return List.of(text.split("BEGIN:VEVENT")).subList(1, text.split("BEGIN:VEVENT").length);
    }

    @Test
    void aSeriesWithOverridesShouldBeItsInstancesInTheRangeInUtc() {
        String out = expand(Corpus.read("ical", "rrule-overrides.ics"), "2025-01-10T00:00:00Z", "2025-01-31T00:00:00Z");

        assertThat(out).doesNotContain("RRULE").doesNotContain("EXDATE").doesNotContain("VTIMEZONE")
                .doesNotContain("TZID");
        List<String> events = components(out);
        assertThat(events).hasSize(3);
        // the moved one (an override), a plain Monday (the master's), the short one (an override)
        assertThat(events.get(0)).contains("RECURRENCE-ID:20250113T130000Z", "DTSTART:20250114T150000Z",
                "DTEND:20250114T160000Z", "SUMMARY:1:1 with Bob (moved to Tuesday)");
        assertThat(events.get(1)).contains("RECURRENCE-ID:20250120T130000Z", "DTSTART:20250120T130000Z",
                "DTEND:20250120T140000Z", "SUMMARY:1:1 with Bob", "BEGIN:VALARM", "TRIGGER:-PT5M");
        assertThat(events.get(2)).contains("RECURRENCE-ID:20250127T130000Z", "DTEND:20250127T133000Z",
                "LOCATION:Phone");
        assertThat(out).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
    }

    @Test
    void aRangeWithoutInstancesShouldGiveAnEmptyCalendar() {
        String out = expand(Corpus.read("ical", "rrule-overrides.ics"), "2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z");
        assertThat(components(out)).isEmpty();
    }

    @Test
    void aSingleEventShouldBeItselfInUtcWithoutRecurrenceId() {
        String single = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//t//EN",
                "BEGIN:VEVENT", "UID:single-1", "DTSTAMP:20250101T000000Z",
                "DTSTART;TZID=Europe/Berlin:20250301T090000", "DURATION:PT90M", "SUMMARY:Dentist",
                "END:VEVENT", "END:VCALENDAR", "");
        List<String> events = components(expand(single, "2025-03-01T00:00:00Z", "2025-03-02T00:00:00Z"));
        assertThat(events).hasSize(1);
        assertThat(events.get(0)).contains("DTSTART:20250301T080000Z", "DTEND:20250301T093000Z", "SUMMARY:Dentist")
                .doesNotContain("RECURRENCE-ID").doesNotContain("DURATION");
    }

    @Test
    void anAllDaySeriesShouldKeepItsDates() {
        String daily = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//t//EN",
                "BEGIN:VEVENT", "UID:holiday-1", "DTSTAMP:20250101T000000Z",
                "DTSTART;VALUE=DATE:20250407", "DTEND;VALUE=DATE:20250408", "RRULE:FREQ=DAILY;COUNT=5",
                "EXDATE;VALUE=DATE:20250409", "SUMMARY:Conference", "END:VEVENT", "END:VCALENDAR", "");
        List<String> events = components(expand(daily, "2025-04-01T00:00:00Z", "2025-05-01T00:00:00Z"));
        assertThat(events).hasSize(4);
        assertThat(events.get(0)).contains("DTSTART;VALUE=DATE:20250407", "DTEND;VALUE=DATE:20250408",
                "RECURRENCE-ID;VALUE=DATE:20250407");
        assertThat(String.join("", events)).doesNotContain("DTSTART;VALUE=DATE:20250409");
    }
}
