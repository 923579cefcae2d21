package org.zcp.ical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zcp.ical.RecurrencePattern.ExceptionInfo;

/**
 * Known-answer blobs: each expected byte string is written field by field from the layout of
 * [MS-OXOCAL] 2.2.1.44.1 (RecurrencePattern), 2.2.1.44.2 (ExceptionInfo), 2.2.1.44.3
 * (ExtendedException) and 2.2.1.44.5 (AppointmentRecurrencePattern), the minute values computed
 * apart (Python's datetime: minutes since 1601-01-01 of the local date-time). Each is checked in
 * both directions: the series as iCalendar gives these bytes, and these bytes read give the series.
 */
class RecurrenceBlobTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** Little-endian fields as the specification lays them out. */
    private static final class Le {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Le u16(int v) {
            out.write(v & 0xFF);
            out.write(v >> 8 & 0xFF);
            return this;
        }

        Le u32(long v) {
            for (int i = 0; i < 4; i++) out.write((int) (v >> 8 * i & 0xFF));
            return this;
        }

        Le bytes(byte[] b) {
            out.writeBytes(b);
            return this;
        }

        byte[] get() {
            return out.toByteArray();
        }
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    /**
     * A weekly series with one moved occurrence (new subject and location) and one deleted: Monday
     * 2025-01-06 10:00-11:00 Europe/Berlin, Mondays and Wednesdays, ten times, weeks from Sunday;
     * Wednesday 01-08 moved to Thursday 01-09 14:00-15:00 "Moved" in "Room 2"; Monday 01-13 deleted.
     */
    static byte[] weeklyWithException() {
        return new Le()
                .u16(0x3004).u16(0x3004)          // ReaderVersion, WriterVersion
                .u16(0x200B).u16(0x0001)          // RecurFrequency weekly, PatternType week
                .u16(0x0000)                      // CalendarType Gregorian
                .u32(8640)                        // FirstDateTime: Sunday 2025-01-05 mod 1 week = 6 days
                .u32(1).u32(0)                    // Period 1 week, SlidingFlag
                .u32(0x0A)                        // PatternTypeSpecific: Monday 0x02 | Wednesday 0x08
                .u32(0x2022).u32(10).u32(0)       // EndType after N, OccurrenceCount 10, FirstDOW Sunday
                .u32(2).u32(223012800).u32(223020000) // DeletedInstanceDates: 2025-01-08, 2025-01-13
                .u32(1).u32(223014240)            // ModifiedInstanceDates: 2025-01-09
                .u32(223009920).u32(223053120)    // StartDate 2025-01-06, EndDate 2025-02-05
                .u32(0x3006).u32(0x3009)          // ReaderVersion2, WriterVersion2
                .u32(600).u32(660)                // StartTimeOffset 10:00, EndTimeOffset 11:00
                .u16(1)                           // ExceptionCount
                .u32(223015080).u32(223015140)    // StartDateTime 2025-01-09 14:00, EndDateTime 15:00
                .u32(223013400)                   // OriginalStartDate 2025-01-08 10:00
                .u16(0x0011)                      // OverrideFlags ARO_SUBJECT | ARO_LOCATION
                .u16(6).u16(5).bytes("Moved".getBytes(StandardCharsets.US_ASCII))
                .u16(7).u16(6).bytes("Room 2".getBytes(StandardCharsets.US_ASCII))
                .u32(0)                           // ReservedBlock1Size
                .u32(4).u32(0)                    // ChangeHighlightSize, ChangeHighlightValue
                .u32(0)                           // ReservedBlockEE1Size
                .u32(223015080).u32(223015140).u32(223013400)
                .u16(5).bytes("Moved".getBytes(StandardCharsets.UTF_16LE))
                .u16(6).bytes("Room 2".getBytes(StandardCharsets.UTF_16LE))
                .u32(0)                           // ReservedBlockEE2Size
                .u32(0)                           // ReservedBlock2Size
                .get();
    }

    /** Every 2 days from Friday 2025-03-28 09:00-09:15 Europe/Berlin, six times (across the DST change). */
    static byte[] dailyCount() {
        return new Le()
                .u16(0x3004).u16(0x3004)
                .u16(0x200A).u16(0x0000).u16(0)   // daily, PatternType day (no PatternTypeSpecific)
                .u32(1440)                        // FirstDateTime: 2025-03-28 mod 2880
                .u32(2880).u32(0)                 // Period in minutes, SlidingFlag
                .u32(0x2022).u32(6).u32(1)        // after 6, FirstDOW Monday
                .u32(0).u32(0)                    // no deleted, no modified
                .u32(223126560).u32(223140960)    // StartDate 2025-03-28, EndDate 2025-04-07
                .u32(0x3006).u32(0x3009).u32(540).u32(555)
                .u16(0).u32(0).u32(0)             // no exceptions, ReservedBlock1Size, ReservedBlock2Size
                .get();
    }

    /** The second Tuesday of every month from 2025-02-11 16:00-16:30 Europe/Berlin, no end. */
    static byte[] monthlyNthNoEnd() {
        return new Le()
                .u16(0x3004).u16(0x3004)
                .u16(0x200C).u16(0x0003).u16(0)   // monthly, PatternType month-nth
                .u32(0)                           // FirstDateTime: month count mod 1 = 0
                .u32(1).u32(0)
                .u32(0x04).u32(2)                 // Tuesday, second
                .u32(0x2023).u32(10).u32(1)       // never, OccurrenceCount 10 as Outlook writes it
                .u32(0).u32(0)
                .u32(223061760).u32(0x5AE980DF)   // StartDate 2025-02-11, EndDate "no end"
                .u32(0x3006).u32(0x3009).u32(960).u32(990)
                .u16(0).u32(0).u32(0)
                .get();
    }

    /** Every 15 March 12:00-13:00 UTC from 2025 until 2028 (UNTIL 2028-03-16). */
    static byte[] yearlyUntil() {
        return new Le()
                .u16(0x3004).u16(0x3004)
                .u16(0x200D).u16(0x0002).u16(0)   // yearly, PatternType month
                .u32(84960)                       // FirstDateTime: March = month 2 mod 12 -> 1601-03-01
                .u32(12).u32(0)
                .u32(15)                          // day of month
                .u32(0x2021).u32(4).u32(1)        // after date, 4 occurrences, Monday
                .u32(0).u32(0)
                .u32(223107840).u32(224686080)    // StartDate 2025-03-15, EndDate 2028-03-15
                .u32(0x3006).u32(0x3009).u32(720).u32(780)
                .u16(0).u32(0).u32(0)
                .get();
    }

    private static RecurrenceRules.Series series(String rrule, String start, String end, ZoneId zone,
            List<java.time.LocalDateTime> exdates, List<RecurrenceRules.Changed> changed) {
        return new RecurrenceRules.Series(rrule, java.time.LocalDateTime.parse(start), java.time.LocalDateTime.parse(end),
                false, zone, exdates, changed, "Sync", "Room 1", 2);
    }

    @Test
    void weeklySeriesWithAnExceptionShouldGiveTheSpecificationsBytes() {
        RecurrenceRules.Mapped m = RecurrenceRules.toPattern(series("FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10;WKST=SU",
                "2025-01-06T10:00", "2025-01-06T11:00", BERLIN,
                List.of(java.time.LocalDateTime.parse("2025-01-13T10:00")),
                List.of(new RecurrenceRules.Changed(java.time.LocalDateTime.parse("2025-01-08T10:00"),
                        java.time.LocalDateTime.parse("2025-01-09T14:00"), java.time.LocalDateTime.parse("2025-01-09T15:00"),
                        "Moved", "Room 2", 2))));

        assertThat(m.notExpressible()).isNull();
        assertThat(hex(RecurrenceBlob.write(m.pattern()))).isEqualTo(hex(weeklyWithException()));
    }

    @Test
    void weeklyBlobShouldReadFieldByField() {
        RecurrencePattern p = RecurrenceBlob.read(weeklyWithException());

        assertThat(p.recurFrequency()).isEqualTo(0x200B);
        assertThat(p.patternType()).isEqualTo(1);
        assertThat(p.firstDateTime()).isEqualTo(8640);
        assertThat(p.period()).isEqualTo(1);
        assertThat(p.weekDays()).isEqualTo(0x0A);
        assertThat(p.endType()).isEqualTo(0x2022);
        assertThat(p.occurrenceCount()).isEqualTo(10);
        assertThat(p.firstDow()).isEqualTo(0);
        assertThat(p.deleted()).containsExactly(223012800, 223020000);
        assertThat(p.modified()).containsExactly(223014240);
        assertThat(p.startDate()).isEqualTo(223009920);
        assertThat(p.endDate()).isEqualTo(223053120);
        assertThat(p.writerVersion2()).isEqualTo(0x3009);
        assertThat(p.startTimeOffset()).isEqualTo(600);
        assertThat(p.endTimeOffset()).isEqualTo(660);
        assertThat(p.exceptions()).hasSize(1);
        ExceptionInfo e = p.exceptions().get(0);
        assertThat(e.startDateTime()).isEqualTo(223015080);
        assertThat(e.endDateTime()).isEqualTo(223015140);
        assertThat(e.originalStartDate()).isEqualTo(223013400);
        assertThat(e.overrideFlags()).isEqualTo(0x11);
        assertThat(e.subject()).isEqualTo("Moved");
        assertThat(e.location()).isEqualTo("Room 2");

        RecurrenceRules.ICal ical = RecurrenceRules.toICal(p, BERLIN, false);
        assertThat(ical.rrule()).isEqualTo("FREQ=WEEKLY;COUNT=10;BYDAY=MO,WE;WKST=SU");
        assertThat(ical.exdates()).containsExactly(java.time.LocalDateTime.parse("2025-01-13T10:00"));
        assertThat(ical.overrides()).containsExactly(new RecurrenceRules.Changed(java.time.LocalDateTime.parse("2025-01-08T10:00"),
                java.time.LocalDateTime.parse("2025-01-09T14:00"), java.time.LocalDateTime.parse("2025-01-09T15:00"),
                "Moved", "Room 2", null));
    }

    @Test
    void dailySeriesShouldGiveAndReadTheSpecificationsBytes() {
        RecurrenceRules.Mapped m = RecurrenceRules.toPattern(series("FREQ=DAILY;INTERVAL=2;COUNT=6", "2025-03-28T09:00",
                "2025-03-28T09:15", BERLIN, List.of(), List.of()));

        assertThat(hex(RecurrenceBlob.write(m.pattern()))).isEqualTo(hex(dailyCount()));
        RecurrencePattern p = RecurrenceBlob.read(dailyCount());
        assertThat(p).isEqualTo(m.pattern());
        assertThat(RecurrenceRules.toICal(p, BERLIN, false).rrule()).isEqualTo("FREQ=DAILY;INTERVAL=2;COUNT=6");
        assertThat(RecurrenceRules.describe(p, false)).isEqualTo("Occurs every 2 days effective 2025-03-28 until 2025-04-07 from 09:00 to 09:15");
    }

    @Test
    void monthlyNthSeriesWithoutEndShouldGiveAndReadTheSpecificationsBytes() {
        RecurrenceRules.Mapped m = RecurrenceRules.toPattern(series("FREQ=MONTHLY;BYDAY=2TU", "2025-02-11T16:00",
                "2025-02-11T16:30", BERLIN, List.of(), List.of()));

        assertThat(hex(RecurrenceBlob.write(m.pattern()))).isEqualTo(hex(monthlyNthNoEnd()));
        RecurrencePattern p = RecurrenceBlob.read(monthlyNthNoEnd());
        assertThat(p).isEqualTo(m.pattern());
        assertThat(p.endDate()).isEqualTo(0x5AE980DF);
        assertThat(RecurrencePattern.local(p.endDate())).isEqualTo(java.time.LocalDateTime.parse("4500-12-31T23:59"));
        assertThat(RecurrenceRules.toICal(p, BERLIN, false).rrule()).isEqualTo("FREQ=MONTHLY;BYDAY=2TU");
        assertThat(RecurrenceRules.describe(p, false))
                .isEqualTo("Occurs the second Tuesday of every month effective 2025-02-11 from 16:00 to 16:30");
    }

    @Test
    void yearlySeriesUntilADateShouldGiveAndReadTheSpecificationsBytes() {
        RecurrenceRules.Mapped m = RecurrenceRules.toPattern(series("FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=15;UNTIL=20280316T000000Z",
                "2025-03-15T12:00", "2025-03-15T13:00", ZoneOffset.UTC, List.of(), List.of()));

        assertThat(hex(RecurrenceBlob.write(m.pattern()))).isEqualTo(hex(yearlyUntil()));
        RecurrencePattern p = RecurrenceBlob.read(yearlyUntil());
        assertThat(p).isEqualTo(m.pattern());
        // UNTIL comes back as the last occurrence's start: the same four occurrences
        assertThat(RecurrenceRules.toICal(p, ZoneOffset.UTC, false).rrule())
                .isEqualTo("FREQ=YEARLY;UNTIL=20280315T120000Z;BYMONTH=3;BYMONTHDAY=15");
    }

    @Test
    void olderWritersShouldBeRead() {
        byte[] full = weeklyWithException();
        // Outlook 2003: WriterVersion2 0x3008, ExtendedException without ChangeHighlight
        Le v3008 = new Le().bytes(java.util.Arrays.copyOf(full, 70));
        v3008.u32(0x3008);
        int extendedStart = 70 + 4 + 4 + 4 + 2 + 12 + 2 + 4 + 5 + 4 + 6 + 4; // through ReservedBlock1Size
        v3008.bytes(java.util.Arrays.copyOfRange(full, 74, extendedStart));
        v3008.bytes(java.util.Arrays.copyOfRange(full, extendedStart + 8, full.length));
        RecurrencePattern p = RecurrenceBlob.read(v3008.get());
        assertThat(p.writerVersion2()).isEqualTo(0x3008);
        assertThat(p.exceptions().get(0).subject()).isEqualTo("Moved");
        assertThat(p.exceptions().get(0).location()).isEqualTo("Room 2");

        // Outlook 2003 SP3 writing 0x3006 and nothing after the exceptions: the 8-bit strings stand
        byte[] cut = java.util.Arrays.copyOf(full, extendedStart - 4);
        cut[70] = 0x06;
        RecurrencePattern q = RecurrenceBlob.read(cut);
        assertThat(q.exceptions().get(0).subject()).isEqualTo("Moved");

        // EndType 0xFFFFFFFF: no end
        byte[] never = monthlyNthNoEnd();
        int endTypeAt = 2 + 2 + 2 + 2 + 2 + 4 + 4 + 4 + 8;
        never[endTypeAt] = never[endTypeAt + 1] = never[endTypeAt + 2] = never[endTypeAt + 3] = (byte) 0xFF;
        RecurrencePattern r = RecurrenceBlob.read(never);
        assertThat(r.endless()).isTrue();
        assertThat(RecurrenceRules.toICal(r, BERLIN, false).rrule()).isEqualTo("FREQ=MONTHLY;BYDAY=2TU");
    }

    @Test
    void wideSubjectShouldWinOverTheEightBitOne() {
        RecurrenceRules.Mapped m = RecurrenceRules.toPattern(series("FREQ=WEEKLY;COUNT=3", "2025-01-06T10:00",
                "2025-01-06T11:00", BERLIN, List.of(), List.of(new RecurrenceRules.Changed(
                        java.time.LocalDateTime.parse("2025-01-13T10:00"), java.time.LocalDateTime.parse("2025-01-13T12:00"),
                        java.time.LocalDateTime.parse("2025-01-13T13:00"), "Überprüfung ✓", "Room 1", 2))));
        byte[] blob = RecurrenceBlob.write(m.pattern());

        assertThat(m.pattern().exceptions().get(0).overrideFlags()).isEqualTo(RecurrencePattern.ARO_SUBJECT);
        assertThat(hex(blob)).contains(hex("\u00dcberpr\u00fcfung ?".getBytes(RecurrenceBlob.ANSI)));
        assertThat(RecurrenceBlob.read(blob).exceptions().get(0).subject()).isEqualTo("Überprüfung ✓");
    }

    @Test
    void brokenBlobsShouldBeRefused() {
        assertThatThrownBy(() -> RecurrenceBlob.read(new byte[] {4, 0x30})).isInstanceOf(IllegalArgumentException.class);
        byte[] wrongVersion = dailyCount();
        wrongVersion[0] = 0x05;
        assertThatThrownBy(() -> RecurrenceBlob.read(wrongVersion)).hasMessageContaining("ReaderVersion");
        assertThatThrownBy(() -> RecurrenceBlob.read(java.util.Arrays.copyOf(dailyCount(), 40)))
                .hasMessageContaining("cut short");
    }
}
