package org.zcp.ical;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * A zone read from a client's VTIMEZONE must keep its rules after the text it was read from is
 * gone: ical4j's rules provider holds its registry weakly, and a zone whose registry was
 * collected has no rules (the NPE a CalDAV server met under load, at random).
 */
class ZoneLifetimeTest {
    static final String CUSTOM = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VTIMEZONE\r\n"
            + "TZID:Office Time\r\nBEGIN:STANDARD\r\nDTSTART:19701025T030000\r\nTZOFFSETFROM:+0200\r\n"
            + "TZOFFSETTO:+0100\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\nBEGIN:DAYLIGHT\r\n"
            + "DTSTART:19700329T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n"
            + "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\nBEGIN:VEVENT\r\nUID:z1\r\n"
            + "DTSTAMP:20240101T000000Z\r\nDTSTART;TZID=Office Time:20240704T100000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

    @Test
    void aZoneFromAVtimezoneKeepsItsRulesAfterItsTextIsCollected() throws Exception {
        ZoneId zone = CalendarText.parse(CUSTOM, ZoneOffset.UTC).zone("Office Time");
        for (int i = 0; i < 5; i++) {
            // churn and collect: the registry of the parse above is only weakly held by ical4j
            for (int j = 0; j < 20; j++) CalendarText.parse(CUSTOM.replace("Office Time", "Zone " + i + "-" + j),
                    ZoneOffset.UTC);
            System.gc();
            Thread.sleep(20);
        }
        assertThat(zone.getRules()).isNotNull();
        assertThat(zone.getRules().getOffset(Instant.parse("2024-07-04T08:00:00Z"))).isEqualTo(ZoneOffset.ofHours(2));
        assertThat(zone.getRules().getOffset(Instant.parse("2024-01-04T08:00:00Z"))).isEqualTo(ZoneOffset.ofHours(1));
    }
}
