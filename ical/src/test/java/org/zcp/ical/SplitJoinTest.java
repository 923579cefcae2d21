package org.zcp.ical;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The iCal gateway's whole calendars: split by UID with the time zones each needs, joined back. */
class SplitJoinTest {
    private static String body(String file) {
        String t = Corpus.read("ical", file);
        return t.substring(t.indexOf("BEGIN:V", t.indexOf("BEGIN:VCALENDAR") + 5), t.lastIndexOf("END:VCALENDAR"));
    }

    private static final String WHOLE = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example//Gateway//EN\r\nMETHOD:PUBLISH\r\n"
            + body("outlook-meeting.ics") + body("rrule-overrides.ics") + body("task-thunderbird.ics")
            + body("rrule-last-weekday-bysetpos.ics") + "END:VCALENDAR\r\n";

    @Test
    void splitShouldGiveOneResourcePerUidWithTheZonesItUses() {
        List<String> parts = ICalItems.split(WHOLE);

        assertThat(parts).hasSize(4);
        assertThat(parts.get(0)).contains("TZID:W. Europe Standard Time").doesNotContain("America/New_York")
                .doesNotContain("METHOD");
        assertThat(parts.get(1).split("BEGIN:VEVENT", -1)).hasSize(4);
        assertThat(parts.get(2)).contains("BEGIN:VTODO").doesNotContain("BEGIN:VTIMEZONE");
        assertThat(parts.get(3)).contains("TZID:America/New_York").doesNotContain("W. Europe");
        for (String part : parts) {
            Parsed p = ICalItems.parse(part, new TestIds(), Corpus.SERVER_ZONE);
            assertThat(p.uid()).isNotBlank();
        }
    }

    @Test
    void joinShouldWriteEachZoneOnceAndSplitBack() {
        List<String> parts = ICalItems.split(WHOLE);
        String twice = ICalItems.join(List.of(parts.get(0), parts.get(0).replace(
                "UID:040000008200E00074C5B7101A82E008", "UID:050000008200E00074C5B7101A82E008"), parts.get(3)));

        assertThat(twice.split("TZID:W. Europe Standard Time", -1)).hasSize(2);
        assertThat(twice.split("BEGIN:VTIMEZONE", -1)).hasSize(3);
        assertThat(ICalItems.split(ICalItems.join(parts))).hasSize(4);
    }

    @Test
    void componentWithoutUidShouldBeRefused() {
        String bad = WHOLE.replace("UID:last-workday@example.com\r\n", "");

        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(ICalException.class, () -> ICalItems.split(bad))
                .precondition()).isEqualTo(ICalException.Precondition.VALID_CALENDAR_OBJECT_RESOURCE);
    }
}
