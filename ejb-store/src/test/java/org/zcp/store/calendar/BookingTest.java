package org.zcp.store.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zcp.ical.FreeBusy.Period;
import org.zcp.ical.FreeBusy.Type;

/** The booking rules that need no store: how full a slot is, and the names of delivered meetings. */
class BookingTest {
    private static Period p(String from, String to) {
        return new Period(Instant.parse("2026-03-10T" + from + ":00Z"), Instant.parse("2026-03-10T" + to + ":00Z"),
                Type.BUSY);
    }

    @Test
    void peakShouldCountMeetingsAtTheSameMomentOnly() {
        List<Period> taken = List.of(p("09:00", "10:00"), p("10:00", "11:00"), p("10:30", "12:00"), p("13:00", "14:00"));

        assertThat(Booking.peak(taken, p("10:00", "11:00"))).isEqualTo(2);
        // back to back is no overlap
        assertThat(Booking.peak(taken, p("08:00", "09:00"))).isZero();
        assertThat(Booking.peak(taken, p("12:00", "13:00"))).isZero();
        // two meetings within the slot that never meet count one each
        assertThat(Booking.peak(taken, p("09:00", "10:00"))).isEqualTo(1);
        assertThat(Booking.peak(taken, p("11:30", "13:30"))).isEqualTo(1);
    }

    @Test
    void resourceNameShouldBeTheUidWhenItIsAPlainSegment() {
        assertThat(Booking.resourceName("meet-1@example.org")).isEqualTo("meet-1@example.org.ics");
        String odd = Booking.resourceName("040000008200E00074C5B7101A82E008 / weird:uid");
        assertThat(odd).matches("[0-9a-f]{32}\\.ics");
        assertThat(Booking.resourceName("../etc")).matches("[0-9a-f]{32}\\.ics");
    }

    @Test
    void onlyTheAuthorAMessageSpeaksForIsTrusted() {
        assertThat(Booking.sentBy("Ext@Remote.example", "ext@remote.example")).isTrue();
        assertThat(Booking.sentBy("forger@evil.example", "ext@remote.example")).isFalse();
        assertThat(Booking.sentBy(null, "ext@remote.example")).isFalse();
    }
}
