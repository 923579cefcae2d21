package org.zcp.ical;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zcp.ical.FreeBusy.Period;
import org.zcp.ical.FreeBusy.Type;
import org.zcp.store.api.mapi.Message;

/** Free/busy periods of stored events: busy status, recurrences, overrides, private and free items. */
class FreeBusyTest {
    private final TestIds ids = new TestIds();
    private static final Instant FROM = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2025-02-01T00:00:00Z");

    private Message event(String body) {
        String text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:t\r\nBEGIN:VEVENT\r\nUID:fb@example.com\r\n"
                + "DTSTAMP:20250101T000000Z\r\nSUMMARY:Secret talks\r\n" + body.replace("\n", "\r\n")
                + "END:VEVENT\r\nEND:VCALENDAR\r\n";
        return ICalItems.parse(text, ids, Corpus.SERVER_ZONE).message();
    }

    private List<Period> busy(Message m) {
        return FreeBusy.of(m, ids, FROM, TO, Corpus.SERVER_ZONE);
    }

    @Test
    void anOpaqueEventShouldBeBusyForItsTime() {
        List<Period> p = busy(event("DTSTART:20250110T100000Z\nDTEND:20250110T110000Z\n"));

        assertThat(p).containsExactly(new Period(Instant.parse("2025-01-10T10:00:00Z"),
                Instant.parse("2025-01-10T11:00:00Z"), Type.BUSY));
    }

    @Test
    void busyStatusShouldBeTheFreeBusyType() {
        assertThat(busy(event("DTSTART:20250110T100000Z\nDTEND:20250110T110000Z\nX-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE\n")))
                .extracting(Period::type).containsExactly(Type.BUSY_TENTATIVE);
        assertThat(busy(event("DTSTART:20250110T100000Z\nDTEND:20250110T110000Z\nX-MICROSOFT-CDO-BUSYSTATUS:OOF\n")))
                .extracting(Period::type).containsExactly(Type.BUSY_UNAVAILABLE);
    }

    @Test
    void freeCancelledAndPrivateEventsShouldShowAsTheRulesSay() {
        assertThat(busy(event("DTSTART:20250110T100000Z\nDTEND:20250110T110000Z\nTRANSP:TRANSPARENT\n"))).isEmpty();
        assertThat(busy(event("DTSTART:20250110T100000Z\nDTEND:20250110T110000Z\nSTATUS:CANCELLED\n"))).isEmpty();
        // private: busy like any other (free/busy shows times only)
        assertThat(busy(event("DTSTART:20250110T100000Z\nDTEND:20250110T110000Z\nCLASS:PRIVATE\n"))).hasSize(1);
    }

    @Test
    void aRecurringEventShouldBeBusyForEachOccurrenceButTheExcludedOnes() {
        Message m = event("DTSTART:20250106T090000Z\nDTEND:20250106T093000Z\nRRULE:FREQ=WEEKLY;COUNT=10\n"
                + "EXDATE:20250113T090000Z\n");

        List<Period> p = busy(m);

        assertThat(p).extracting(Period::start).containsExactlyInAnyOrder(Instant.parse("2025-01-06T09:00:00Z"),
                Instant.parse("2025-01-20T09:00:00Z"), Instant.parse("2025-01-27T09:00:00Z"));
    }

    @Test
    void periodsShouldBeClippedToTheRangeAsked() {
        List<Period> p = busy(event("DTSTART:20241231T230000Z\nDTEND:20250101T010000Z\n"));

        assertThat(p).containsExactly(new Period(FROM, Instant.parse("2025-01-01T01:00:00Z"), Type.BUSY));
    }

    @Test
    void mergeShouldJoinOverlappingPeriodsOfOneType() {
        List<Period> in = new ArrayList<>(List.of(
                new Period(Instant.parse("2025-01-01T10:00:00Z"), Instant.parse("2025-01-01T11:00:00Z"), Type.BUSY),
                new Period(Instant.parse("2025-01-01T10:30:00Z"), Instant.parse("2025-01-01T12:00:00Z"), Type.BUSY),
                new Period(Instant.parse("2025-01-01T12:00:00Z"), Instant.parse("2025-01-01T12:30:00Z"), Type.BUSY),
                new Period(Instant.parse("2025-01-01T10:00:00Z"), Instant.parse("2025-01-01T10:15:00Z"),
                        Type.BUSY_TENTATIVE)));

        assertThat(FreeBusy.merge(in)).containsExactly(
                new Period(Instant.parse("2025-01-01T10:00:00Z"), Instant.parse("2025-01-01T10:15:00Z"),
                        Type.BUSY_TENTATIVE),
                new Period(Instant.parse("2025-01-01T10:00:00Z"), Instant.parse("2025-01-01T12:30:00Z"), Type.BUSY));
    }

    @Test
    void renderShouldBeAVfreebusyWithoutAnythingOfTheItems() {
        String text = FreeBusy.render(busy(event("DTSTART:20250110T100000Z\nDTEND:20250110T110000Z\n")), FROM, TO,
                Instant.parse("2025-01-05T00:00:00Z"));

        assertThat(text).contains("BEGIN:VFREEBUSY\r\n", "DTSTART:20250101T000000Z\r\n", "DTEND:20250201T000000Z\r\n",
                "FREEBUSY;FBTYPE=BUSY:20250110T100000Z/20250110T110000Z\r\n").doesNotContain("Secret");
        // ical4j reads it back
        assertThat(CalendarText.parse(text, Corpus.SERVER_ZONE).calendar.getComponents("VFREEBUSY")).hasSize(1);
    }
}
