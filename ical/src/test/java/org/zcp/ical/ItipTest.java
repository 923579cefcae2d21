package org.zcp.ical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zcp.api.mapi.PropTag;
import org.zcp.ical.Itip.Method;
import org.zcp.ical.Itip.PartStat;
import org.zcp.store.api.mapi.Message;
import org.zcp.store.api.mapi.PropValue;
import org.zcp.store.api.mapi.Recipient;

/** iTIP messages: reading requests and replies, the attendee's copy, answers and cancellations. */
class ItipTest {
    private final TestIds ids = new TestIds();

    static String request(String method, String extra) {
        return ("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\nMETHOD:" + method
                + "\nBEGIN:VEVENT\nUID:meet-1@example.org\nSEQUENCE:2\nDTSTAMP:20250101T000000Z\n"
                + "DTSTART:20250110T100000Z\nDTEND:20250110T110000Z\nSUMMARY:Planning\n"
                + "ORGANIZER;CN=Olga Organizer:mailto:olga@example.org\n"
                + "ATTENDEE;CN=Olga Organizer;PARTSTAT=ACCEPTED:mailto:olga@example.org\n"
                + "ATTENDEE;CN=Room 1;CUTYPE=ROOM;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:room1@zcp.test\n"
                + "ATTENDEE;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:john@zcp.test\n" + extra
                + "END:VEVENT\nEND:VCALENDAR\n").replace("\n", "\r\n");
    }

    @Test
    void readShouldTellMethodUidSequenceOrganizerAndAttendees() {
        Itip.Message m = Itip.read(request("REQUEST", ""), Corpus.SERVER_ZONE);

        assertThat(m.method()).isEqualTo(Method.REQUEST);
        assertThat(m.uid()).isEqualTo("meet-1@example.org");
        assertThat(m.sequence()).isEqualTo(2);
        assertThat(m.organizer()).isEqualTo("olga@example.org");
        assertThat(m.attendees()).extracting(Itip.Attendee::address)
                .containsExactly("olga@example.org", "room1@zcp.test", "john@zcp.test");
        assertThat(m.attendee("JOHN@zcp.test").partStat()).isEqualTo("NEEDS-ACTION");
        assertThat(m.recurring()).isFalse();
        assertThat(m.start()).isEqualTo(Instant.parse("2025-01-10T10:00:00Z"));
        assertThat(Itip.messageClass(m)).isEqualTo("IPM.Schedule.Meeting.Request");
        assertThat(Itip.read(request("REQUEST", "RRULE:FREQ=DAILY;COUNT=3\n"), Corpus.SERVER_ZONE).recurring()).isTrue();
    }

    @Test
    void readShouldRefuseWhatIsNoSchedulingMessage() {
        assertThatThrownBy(() -> Itip.read(request("REQUEST", "").replace("METHOD:REQUEST\r\n", ""), Corpus.SERVER_ZONE))
                .isInstanceOf(ICalException.class).hasMessageContaining("METHOD");
        assertThatThrownBy(() -> Itip.read("garbage", Corpus.SERVER_ZONE)).isInstanceOf(ICalException.class);
    }

    @Test
    void attendeeCopyShouldBeTentativeUntilAcceptedAndCarryTheAnswer() {
        Parsed copy = Itip.attendeeCopy(request("REQUEST", ""), ids, "john@zcp.test", PartStat.NEEDS_ACTION,
                Corpus.SERVER_ZONE);
        Props p = new Props(copy.message().props, ids);
        assertThat(p.num(Names.BUSY_STATUS)).isEqualTo(1L);
        assertThat(p.num(Names.RESPONSE_STATUS)).isEqualTo((long) Tags.RESP_NOT_RESPONDED);
        assertThat(p.num(Names.APPT_STATE_FLAGS)).isEqualTo(3L);

        Parsed accepted = Itip.attendeeCopy(request("REQUEST", ""), ids, "room1@zcp.test", PartStat.ACCEPTED,
                Corpus.SERVER_ZONE);
        assertThat(new Props(accepted.message().props, ids).num(Names.BUSY_STATUS)).isEqualTo(2L);
        assertThat(unfold(ICalItems.render(accepted.message(), ids, Corpus.SERVER_ZONE)))
                .contains("PARTSTAT=ACCEPTED:mailto:room1@zcp.test");
    }

    @Test
    void applyReplyShouldSetTheAttendeesTrackStatusOnly() {
        Message organizerCopy = ICalItems.parse(request("REQUEST", "").replace("METHOD:REQUEST\r\n", ""), ids,
                Corpus.SERVER_ZONE).message();

        assertThat(Itip.applyReply(organizerCopy, ids, "John@ZCP.test", PartStat.DECLINED)).isTrue();
        assertThat(Itip.applyReply(organizerCopy, ids, "stranger@example.org", PartStat.ACCEPTED)).isFalse();

        assertThat(unfold(ICalItems.render(organizerCopy, ids, Corpus.SERVER_ZONE)))
                .contains("PARTSTAT=DECLINED:mailto:john@zcp.test", "PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:room1@zcp.test");
        long tracked = organizerCopy.recipients.stream().map(r -> track(r)).filter(t -> t == Tags.RESP_DECLINED).count();
        assertThat(tracked).isEqualTo(1);
    }

    @Test
    void replyShouldBeAnRfc5546ReplyThatReadsBack() {
        Itip.Message req = Itip.read(request("REQUEST", ""), Corpus.SERVER_ZONE);

        String reply = Itip.reply(req, "room1@zcp.test", "Room 1", PartStat.DECLINED, "The room is taken",
                Instant.parse("2025-01-02T00:00:00Z"));

        Itip.Message back = Itip.read(reply, Corpus.SERVER_ZONE);
        assertThat(back.method()).isEqualTo(Method.REPLY);
        assertThat(back.uid()).isEqualTo("meet-1@example.org");
        assertThat(back.sequence()).isEqualTo(2);
        assertThat(back.organizer()).isEqualTo("olga@example.org");
        assertThat(back.attendees()).containsExactly(new Itip.Attendee("room1@zcp.test", "Room 1", "DECLINED"));
        assertThat(Itip.messageClass(back)).isEqualTo("IPM.Schedule.Meeting.Resp.Neg");
        assertThat(reply).contains("COMMENT:The room is taken");
    }

    @Test
    void cancelShouldFreeTheTimeAndSaySo() {
        Message copy = Itip.attendeeCopy(request("REQUEST", ""), ids, "john@zcp.test", PartStat.ACCEPTED,
                Corpus.SERVER_ZONE).message();

        Itip.cancel(copy, ids);

        assertThat(FreeBusy.of(copy, ids, Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-02-01T00:00:00Z"),
                Corpus.SERVER_ZONE)).isEmpty();
        assertThat(new Props(copy.props, ids).str(PropTag.PR_SUBJECT)).isEqualTo("Canceled: Planning");
    }

    private static String unfold(String text) {
        return text.replace("\r\n ", "");
    }

    private static long track(Recipient r) {
        for (PropValue v : r.props) if (v.tag == Tags.PR_RECIPIENT_TRACKSTATUS) return v.l;
        return -1;
    }

    @Test
    void aResourceShouldBecomeTheRequestOrCancellationOfItsMeeting() {
        String resource = request("REQUEST", "STATUS:CONFIRMED\n").replace("METHOD:REQUEST\r\n", "");
        Itip.Message m = Itip.describe(resource, Corpus.SERVER_ZONE);
        assertThat(m.method()).isEqualTo(Method.OTHER);

        String req = Itip.withMethod(resource, Method.REQUEST);
        assertThat(Itip.read(req, Corpus.SERVER_ZONE).method()).isEqualTo(Method.REQUEST);
        String cancel = Itip.withMethod(resource, Method.CANCEL);
        assertThat(cancel).contains("METHOD:CANCEL\r\n", "STATUS:CANCELLED\r\n").doesNotContain("CONFIRMED");
        assertThat(Itip.read(cancel, Corpus.SERVER_ZONE).uid()).isEqualTo("meet-1@example.org");
    }

    @Test
    void rescheduledShouldTellChangesThatNeedNewAnswers() {
        Itip.Message before = Itip.read(request("REQUEST", ""), Corpus.SERVER_ZONE);
        assertThat(Itip.rescheduled(null, before)).isTrue();
        assertThat(Itip.rescheduled(before, before)).isFalse();
        Itip.Message moved = Itip.read(request("REQUEST", "").replace("DTSTART:20250110T100000Z", "DTSTART:20250110T090000Z"),
                Corpus.SERVER_ZONE);
        assertThat(Itip.rescheduled(before, moved)).isTrue();
        Itip.Message answered = Itip.read(request("REQUEST", "").replace("PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:john",
                "PARTSTAT=ACCEPTED:mailto:john"), Corpus.SERVER_ZONE);
        assertThat(Itip.rescheduled(before, answered)).isFalse();
        Itip.Message more = Itip.read(request("REQUEST", "ATTENDEE:mailto:new@zcp.test\n"), Corpus.SERVER_ZONE);
        assertThat(Itip.rescheduled(before, more)).isTrue();
        Itip.Message client = Itip.read(request("REQUEST", "ATTENDEE;SCHEDULE-AGENT=CLIENT:mailto:c@zcp.test\n"),
                Corpus.SERVER_ZONE);
        assertThat(client.attendee("c@zcp.test").byServer()).isFalse();
        assertThat(client.attendee("john@zcp.test").byServer()).isTrue();
    }

    private static final String SERIES = ("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:t\nBEGIN:VEVENT\nUID:weekly-1\n"
            + "DTSTAMP:20250101T000000Z\nDTSTART:20250106T100000Z\nDTEND:20250106T110000Z\nSUMMARY:Weekly\n"
            + "RRULE:FREQ=WEEKLY;COUNT=5\nORGANIZER:mailto:olga@example.org\nATTENDEE:mailto:john@zcp.test\n"
            + "END:VEVENT\nEND:VCALENDAR\n").replace("\n", "\r\n");

    private static String occurrence(String method, String extra) {
        return ("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:t\nMETHOD:" + method + "\nBEGIN:VEVENT\nUID:weekly-1\n"
                + "SEQUENCE:1\nDTSTAMP:20250102T000000Z\nRECURRENCE-ID:20250113T100000Z\n" + extra
                + "ORGANIZER:mailto:olga@example.org\nATTENDEE:mailto:john@zcp.test\nEND:VEVENT\nEND:VCALENDAR\n")
                .replace("\n", "\r\n");
    }

    private List<java.time.Instant> starts(String text) {
        Message m = ICalItems.parse(text, ids, Corpus.SERVER_ZONE).message();
        return FreeBusy.occurrences(m, ids, Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-03-01T00:00:00Z"),
                Corpus.SERVER_ZONE).stream().map(FreeBusy.Period::start).sorted().toList();
    }

    @Test
    void aCancelledOccurrenceShouldLeaveTheSeries() {
        Itip.Message m = Itip.read(occurrence("CANCEL", "DTSTART:20250113T100000Z\n"), Corpus.SERVER_ZONE);
        assertThat(m.oneOccurrence()).isTrue();
        assertThat(m.recurrenceId()).isEqualTo("RECURRENCE-ID:20250113T100000Z");

        String after = Itip.withOccurrence(SERIES, occurrence("CANCEL", "DTSTART:20250113T100000Z\n"), true);

        assertThat(starts(after)).hasSize(4).doesNotContain(Instant.parse("2025-01-13T10:00:00Z"));
    }

    @Test
    void aMovedOccurrenceShouldBecomeAnOverrideOfTheSeries() {
        String moved = occurrence("REQUEST", "DTSTART:20250114T150000Z\nDTEND:20250114T160000Z\nSUMMARY:Moved\n");

        String after = Itip.withOccurrence(SERIES, moved, false);
        String again = Itip.withOccurrence(after, moved, false);

        assertThat(starts(after)).hasSize(5).contains(Instant.parse("2025-01-14T15:00:00Z"))
                .doesNotContain(Instant.parse("2025-01-13T10:00:00Z"));
        assertThat(again.split("RECURRENCE-ID", -1)).as("one override, not two").hasSize(2);
        String reply = Itip.reply(Itip.read(moved, Corpus.SERVER_ZONE), "john@zcp.test", null, PartStat.DECLINED, null,
                Instant.parse("2025-01-02T00:00:00Z"));
        assertThat(reply).contains("RECURRENCE-ID:20250113T100000Z");
    }
}
