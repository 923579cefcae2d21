package org.zcp.caldav.caldav;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.zcp.caldav.fake.FakeScheduling.Sent;
import org.zcp.caldav.fake.FakeServer;

/** Implicit scheduling (RFC 6638 3.2) of PUT and DELETE in one's own calendar. */
class SchedulingTest {
    private final FakeServer server = new FakeServer();

    private static String meeting(String organizer, String start, String... attendees) {
        StringBuilder b = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:t\r\nBEGIN:VEVENT\r\nUID:m1\r\n"
                + "DTSTAMP:20250101T000000Z\r\nDTSTART:" + start + "\r\nDTEND:20250110T230000Z\r\nSUMMARY:Plan\r\n"
                + "ORGANIZER:mailto:" + organizer + "\r\n");
        for (String a : attendees) b.append("ATTENDEE;").append(a).append("\r\n");
        return b.append("END:VEVENT\r\nEND:VCALENDAR\r\n").toString();
    }

    private int put(String text) {
        return server.send("PUT", "/caldav/alice/Calendar/m1.ics", text, "Content-Type", "text/calendar").status();
    }

    private List<Sent> sent() {
        return server.scheduling.sent;
    }

    @Test
    void theOrganizersNewMeetingIsSentToTheAttendeesTheServerSchedulesFor() {
        assertThat(put(meeting("alice@example.com", "20250110T100000Z", "PARTSTAT=ACCEPTED:mailto:alice@example.com",
                "PARTSTAT=NEEDS-ACTION:mailto:bob@example.com", "PARTSTAT=NEEDS-ACTION:mailto:ext@remote.example",
                "SCHEDULE-AGENT=CLIENT:mailto:self@remote.example"))).isEqualTo(201);

        assertThat(sent()).hasSize(1);
        assertThat(sent().get(0).method()).isEqualTo("REQUEST");
        assertThat(sent().get(0).to()).containsExactly("bob@example.com", "ext@remote.example");
        assertThat(sent().get(0).from()).isEqualTo("alice");
    }

    @Test
    void anUnchangedMeetingIsNotSentAgainAMovedOneIsAndRemovedAttendeesAreCancelled() {
        String first = meeting("alice@example.com", "20250110T100000Z", "PARTSTAT=NEEDS-ACTION:mailto:bob@example.com",
                "PARTSTAT=NEEDS-ACTION:mailto:ext@remote.example");
        put(first);
        put(first);
        assertThat(sent()).hasSize(1);

        put(meeting("alice@example.com", "20250110T120000Z", "PARTSTAT=NEEDS-ACTION:mailto:bob@example.com"));
        assertThat(sent()).hasSize(3);
        assertThat(sent().get(1).method()).isEqualTo("REQUEST");
        assertThat(sent().get(1).to()).containsExactly("bob@example.com");
        assertThat(sent().get(2).method()).isEqualTo("CANCEL");
        assertThat(sent().get(2).to()).containsExactly("ext@remote.example");
        assertThat(sent().get(2).calendar()).contains("STATUS:CANCELLED");

        assertThat(server.send("DELETE", "/caldav/alice/Calendar/m1.ics", null).status()).isEqualTo(204);
        assertThat(sent()).hasSize(4);
        assertThat(sent().get(3).method()).isEqualTo("CANCEL");
        assertThat(sent().get(3).to()).containsExactly("bob@example.com");
    }

    @Test
    void anAttendeesNewAnswerIsSentToTheOrganizer() {
        put(meeting("olga@remote.example", "20250110T100000Z", "PARTSTAT=NEEDS-ACTION:mailto:alice@example.com",
                "PARTSTAT=NEEDS-ACTION:mailto:bob@example.com"));
        assertThat(sent()).isEmpty();

        put(meeting("olga@remote.example", "20250110T100000Z", "PARTSTAT=ACCEPTED:mailto:alice@example.com",
                "PARTSTAT=NEEDS-ACTION:mailto:bob@example.com"));

        assertThat(sent()).hasSize(1);
        assertThat(sent().get(0).method()).isEqualTo("REPLY");
        assertThat(sent().get(0).to()).containsExactly("olga@remote.example");
        assertThat(sent().get(0).calendar().replace("\r\n ", "")).contains("PARTSTAT=ACCEPTED:mailto:alice@example.com")
                .doesNotContain("bob@example.com");

        server.send("DELETE", "/caldav/alice/Calendar/m1.ics", null);
        assertThat(sent()).hasSize(2);
        assertThat(sent().get(1).calendar().replace("\r\n ", "")).contains("PARTSTAT=DECLINED:mailto:alice@example.com");
    }

    @Test
    void eventsWithoutAttendeesAndOtherCollectionsAreNotScheduled() {
        put(meeting("alice@example.com", "20250110T100000Z"));
        server.send("DELETE", "/caldav/alice/Calendar/m1.ics", null);
        assertThat(sent()).isEmpty();
        assertThat(server.send("OPTIONS", "/caldav/", null).header("DAV")).contains("calendar-auto-schedule");
    }
}
