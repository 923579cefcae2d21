package org.zcp.ical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.zcp.store.api.mapi.Message;

/** RFC 4791 9.9 time-range tests, single and recurring, and the bound on expansion. */
class OverlapsTest {
    private final TestIds ids = new TestIds();

    private Message event(String body) {
        String text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:t\r\nBEGIN:VEVENT\r\nUID:t@example.com\r\nDTSTAMP:20250101T000000Z\r\n"
                + body.replace("\n", "\r\n") + "END:VEVENT\r\nEND:VCALENDAR\r\n";
        return ICalItems.parse(text, ids, Corpus.SERVER_ZONE).message();
    }

    private Message file(String name) {
        return ICalItems.parse(Corpus.read("ical", name), ids, Corpus.SERVER_ZONE).message();
    }

    private boolean overlaps(Message m, String from, String to) {
        return ICalItems.overlaps(m, ids, Instant.parse(from), Instant.parse(to), Corpus.SERVER_ZONE);
    }

    @Test
    void eventWithEndShouldOverlapOnlyRangesItIntersects() {
        Message m = event("DTSTART:20250101T100000Z\nDTEND:20250101T110000Z\n");

        assertThat(overlaps(m, "2025-01-01T10:30:00Z", "2025-01-01T10:31:00Z")).isTrue();
        assertThat(overlaps(m, "2025-01-01T09:00:00Z", "2025-01-01T10:00:00Z")).isFalse();
        assertThat(overlaps(m, "2025-01-01T11:00:00Z", "2025-01-01T12:00:00Z")).isFalse();
        assertThat(overlaps(m, "2025-01-01T00:00:00Z", "2025-01-02T00:00:00Z")).isTrue();
    }

    @Test
    void eventWithoutEndShouldBeAnInstant() {
        Message m = event("DTSTART:20250101T100000Z\n");

        assertThat(overlaps(m, "2025-01-01T10:00:00Z", "2025-01-01T10:00:01Z")).isTrue();
        assertThat(overlaps(m, "2025-01-01T09:00:00Z", "2025-01-01T10:00:00Z")).isFalse();
        assertThat(overlaps(m, "2025-01-01T10:00:01Z", "2025-01-01T11:00:00Z")).isFalse();
    }

    @Test
    void allDayEventWithoutEndShouldLastTheDay() {
        Message m = event("DTSTART;VALUE=DATE:20250101\n");

        assertThat(overlaps(m, "2025-01-01T22:00:00Z", "2025-01-01T22:30:00Z")).isTrue();
        assertThat(overlaps(m, "2025-01-01T23:00:00Z", "2025-01-02T00:00:00Z")).isFalse();
        assertThat(overlaps(m, "2024-12-31T22:59:00Z", "2024-12-31T23:00:00Z")).isFalse();
    }

    @Test
    void taskTableOfRfc4791ShouldHold() {
        long s = 1000;
        long due = 2000;

        assertThat(Overlaps.task(s, due, null, null, 1500, 1600)).isTrue();
        assertThat(Overlaps.task(s, due, null, null, 2000, 2100)).isFalse();
        assertThat(Overlaps.task(s, null, null, null, 1000, 1001)).isTrue();
        assertThat(Overlaps.task(s, null, null, null, 900, 1000)).isFalse();
        assertThat(Overlaps.task(null, due, null, null, 1900, 2000)).isTrue();
        assertThat(Overlaps.task(null, due, null, null, 2000, 2100)).isFalse();
        assertThat(Overlaps.task(null, null, 3000L, 500L, 600, 700)).isTrue();
        assertThat(Overlaps.task(null, null, 3000L, null, 3000, 3000)).isTrue();
        assertThat(Overlaps.task(null, null, null, 500L, 100, 400)).isFalse();
        assertThat(Overlaps.task(null, null, null, null, 0, 1)).isTrue();
    }

    @Test
    void parsedTaskShouldUseStartAndDue() {
        Message m = file("task-thunderbird.ics");

        assertThat(overlaps(m, "2025-03-20T00:00:00Z", "2025-03-21T00:00:00Z")).isTrue();
        assertThat(overlaps(m, "2025-04-01T00:00:00Z", "2025-04-02T00:00:00Z")).isFalse();
        assertThat(overlaps(file("task-google-simple.ics"), "1999-01-01T00:00:00Z", "1999-01-02T00:00:00Z")).isTrue();
    }

    @Test
    void recurringSeriesShouldHonourExdateRdateAndOverrides() {
        Message weekly = file("rrule-exdate-rdate.ics");
        Message moved = file("rrule-overrides.ics");

        assertThat(overlaps(weekly, "2025-01-13T09:00:00Z", "2025-01-13T09:30:00Z")).isTrue();
        assertThat(overlaps(weekly, "2025-01-20T09:00:00Z", "2025-01-20T09:30:00Z")).as("EXDATE").isFalse();
        assertThat(overlaps(weekly, "2025-01-22T09:00:00Z", "2025-01-22T09:30:00Z")).as("RDATE").isTrue();
        assertThat(overlaps(weekly, "2025-04-07T09:00:00Z", "2025-04-07T09:30:00Z")).as("after UNTIL").isFalse();
        assertThat(overlaps(moved, "2025-01-13T13:00:00Z", "2025-01-13T13:30:00Z")).as("moved away").isFalse();
        assertThat(overlaps(moved, "2025-01-14T15:00:00Z", "2025-01-14T15:30:00Z")).as("moved here").isTrue();
        assertThat(overlaps(moved, "2025-01-27T13:35:00Z", "2025-01-27T13:50:00Z")).as("shortened").isFalse();
        assertThat(overlaps(moved, "2025-02-24T13:00:00Z", "2025-02-24T13:30:00Z")).as("8th").isTrue();
        assertThat(overlaps(moved, "2025-03-03T13:00:00Z", "2025-03-03T13:30:00Z")).as("9th of COUNT=8").isFalse();
    }

    @Test
    void countAcrossDstShouldKeepLocalTime() {
        Message m = file("rrule-count-across-dst.ics");

        assertThat(overlaps(m, "2025-03-29T08:00:00Z", "2025-03-29T08:05:00Z")).as("CET").isTrue();
        assertThat(overlaps(m, "2025-03-31T07:00:00Z", "2025-03-31T07:05:00Z")).as("CEST").isTrue();
        assertThat(overlaps(m, "2025-03-31T08:00:00Z", "2025-03-31T08:05:00Z")).isFalse();
        assertThat(overlaps(m, "2025-04-02T07:00:00Z", "2025-04-02T07:05:00Z")).as("7th of COUNT=6").isFalse();
    }

    @Test
    void lastWeekdayOfMonthShouldBeFound() {
        Message m = file("rrule-last-weekday-bysetpos.ics");

        assertThat(overlaps(m, "2025-05-30T20:00:00Z", "2025-05-30T20:30:00Z")).as("Fri 30 May, EDT").isTrue();
        assertThat(overlaps(m, "2025-08-29T20:00:00Z", "2025-08-29T20:30:00Z")).as("Fri 29 Aug").isTrue();
        assertThat(overlaps(m, "2025-08-31T20:00:00Z", "2025-08-31T20:30:00Z")).as("Sun 31 Aug").isFalse();
        assertThat(overlaps(m, "2025-11-28T21:00:00Z", "2025-11-28T21:30:00Z")).as("Fri 28 Nov, EST").isTrue();
    }

    @Test
    void openDailySeriesShouldBeFoundCenturiesLaterQuickly() {
        Message m = event("DTSTART;TZID=Europe/Berlin:19900101T080000\nDTEND;TZID=Europe/Berlin:19900101T090000\n"
                + "RRULE:FREQ=DAILY\n");

        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertThat(overlaps(m, "2090-07-01T06:30:00Z", "2090-07-01T06:45:00Z")).isTrue();
            assertThat(overlaps(m, "2090-07-01T07:00:00Z", "2090-07-01T07:45:00Z")).isFalse();
        });
    }

    @Test
    void secondlyRuleWithoutEndShouldFinishFastAndRight() {
        Message m = event("DTSTART:20250101T000000Z\nDTEND:20250101T000001Z\nRRULE:FREQ=DAILY\n");
        Props p = new Props(m.props, ids);
        p.str(Names.RECURRENCE, "RRULE:FREQ=SECONDLY;INTERVAL=7");

        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            // 2035-01-01T00:00:00Z is 3,652 days = 315,532,800 s = 7 * 45,076,114 + 2 after the start:
            // the instances nearest are 23:59:58 (one second long) and 00:00:05
            assertThat(overlaps(m, "2034-12-31T23:59:59Z", "2035-01-01T00:00:05Z")).isFalse();
            assertThat(overlaps(m, "2035-01-01T00:00:05Z", "2035-01-01T00:00:05.500Z")).isTrue();
            assertThat(overlaps(m, "2035-01-01T00:00:04.500Z", "2035-01-01T00:00:05.001Z")).isTrue();
            assertThat(overlaps(m, "2034-12-31T23:59:58.500Z", "2034-12-31T23:59:58.600Z")).isTrue();
            assertThat(overlaps(m, "2034-12-31T23:59:57Z", "2034-12-31T23:59:58Z")).isFalse();
            assertThat(overlaps(m, "2030-01-01T00:00:00Z", "2030-01-02T00:00:00Z")).isTrue();
        });
    }

    @Test
    void expansionShouldStopAtTheBound() {
        Message m = event("DTSTART:20000101T120000Z\nDTEND:20000101T130000Z\nRRULE:FREQ=DAILY;COUNT=400000\n");

        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            assertThat(overlaps(m, "2000-01-10T12:00:00Z", "2000-01-10T12:30:00Z")).isTrue();
            // instance 150,001 (year 2410) lies beyond the 100,000 instances looked at
            assertThat(overlaps(m, "2410-09-01T00:00:00Z", "2410-09-30T00:00:00Z")).isFalse();
        });
    }
}
