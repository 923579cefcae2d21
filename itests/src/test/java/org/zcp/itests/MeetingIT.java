package org.zcp.itests;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.activation.DataHandler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.zcp.api.mapi.PropTag;
import org.zcp.api.soap.DeliveryResult;
import org.zcp.api.soap.Row;
import org.zcp.api.soap.UserDetails;
import org.zcp.api.soap.ZarafaCmd;

/**
 * Meeting requests in the mail flow (issue 11; manual 8.8): a request delivered by LMTP/dagent is
 * a tentative meeting in the recipient's calendar and a meeting request in the Inbox; an answer
 * updates the organizer's copy; a mailbox with --mr-accept answers by itself through the spooler,
 * declining conflicts and recurring meetings as configured, and a cancellation removes the
 * booking; what is no calendar data is delivered as plain mail. The calendar is read back over
 * CalDAV, as a client sees it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MeetingIT {
    static ZarafaCmd c;
    static String admin;
    static String company;
    static SmtpSink sink;

    @BeforeAll
    static void setUp() throws Exception {
        c = ItServer.client();
        admin = ItServer.admin();
        company = ItServer.company(admin);
        sink = SmtpSink.get();
    }

    record Person(String login, String email) {
    }

    static Person person(String name) throws Exception {
        String login = ItServer.user(admin, company, name + "-" + UUID.randomUUID().toString().substring(0, 6));
        return new Person(login, c.getUser(admin, login).email);
    }

    static String event(String method, String uid, int sequence, String start, String end, String organizer,
            String extra, String... attendees) {
        StringBuilder b = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//Meeting IT//EN\r\n");
        if (method != null) b.append("METHOD:").append(method).append("\r\n");
        b.append("BEGIN:VEVENT\r\nUID:").append(uid).append("\r\nSEQUENCE:").append(sequence)
                .append("\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:").append(start).append("\r\nDTEND:").append(end)
                .append("\r\nSUMMARY:Planning ").append(uid, 0, 8).append("\r\nORGANIZER;CN=Olga:mailto:")
                .append(organizer).append("\r\n");
        for (String a : attendees) b.append("ATTENDEE;").append(a).append("\r\n");
        b.append(extra).append("END:VEVENT\r\nEND:VCALENDAR\r\n");
        return b.toString();
    }

    /** An iMIP message (RFC 6047) as Google and Thunderbird send it: text and text/calendar alternatives. */
    static void deliver(String rcpt, String from, String method, String ics) throws Exception {
        String boundary = "b-" + UUID.randomUUID();
        String raw = "From: " + from + "\r\nTo: " + rcpt + "\r\nSubject: Invitation\r\nMessage-ID: <"
                + UUID.randomUUID() + "@remote.example>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative;"
                + " boundary=\"" + boundary + "\"\r\n\r\n--" + boundary
                + "\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nYou are invited.\r\n--" + boundary
                + "\r\nContent-Type: text/calendar; charset=UTF-8; method=" + method + "\r\n\r\n" + ics + "--"
                + boundary + "--\r\n";
        DeliveryResult r = c.deliverMessage(admin, rcpt, from, new DataHandler(new StoreSoapIT.BytesSource(
                raw.getBytes(StandardCharsets.UTF_8))), null, false, false);
        assertThat(r.status).isEqualTo(DeliveryResult.DELIVERED);
    }

    static CalDavIT.Answer get(Person p, String uid) throws Exception {
        CalDavIT.Answer a = CalDavIT.send(p.login(), "GET", "/caldav/" + p.login() + "/Calendar/" + uid + ".ics", null);
        return new CalDavIT.Answer(a.status(), a.body() == null ? null : a.body().replace("\r\n ", ""), a.etag());
    }

    /** The message classes in the Inbox of a user. */
    static List<String> inboxClasses(Person p) throws Exception {
        String s = ItServer.logon(p.login(), ItServer.password(p.login()));
        var store = c.getStore(s, null);
        String inbox = Fixture.folders(c, s, store.ipmSubtreeId).get("Inbox");
        List<String> out = new ArrayList<>();
        for (Row r : c.queryContents(s, inbox, Fixture.columns(PropTag.PR_MESSAGE_CLASS)).rows) out.add(r.props.get(0).s);
        return out;
    }

    static String uid() {
        return UUID.randomUUID() + "@remote.example";
    }

    @Test
    void aRequestIsATentativeMeetingInTheCalendarAndAMeetingRequestInTheInbox() throws Exception {
        Person mira = person("mira");
        String uid = uid();
        deliver(mira.email(), "olga@remote.example", "REQUEST", event("REQUEST", uid, 0, "20270310T100000Z",
                "20270310T110000Z", "olga@remote.example", "", "PARTSTAT=ACCEPTED:mailto:olga@remote.example",
                "PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:" + mira.email()));

        CalDavIT.Answer a = get(mira, uid);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body()).contains("UID:" + uid, "X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE",
                "PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:" + mira.email());
        assertThat(inboxClasses(mira)).contains("IPM.Schedule.Meeting.Request");
        // the request carries the meeting's global object id, as Outlook finds the meeting by it
        String s = ItServer.logon(mira.login(), ItServer.password(mira.login()));
        int goid = c.getIDsFromNames(s, List.of(org.zcp.api.soap.NamedProp.ofId(
                "6ED8DA90-450B-101B-98DA-00AA003F1305", 0x0003)), false).get(0) << 16 | 0x0102;
        String inbox = Fixture.folders(c, s, c.getStore(s, null).ipmSubtreeId).get("Inbox");
        List<Row> rows = c.queryContents(s, inbox, Fixture.columns(PropTag.PR_MESSAGE_CLASS, goid)).rows;
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.props.get(0).s).isEqualTo("IPM.Schedule.Meeting.Request");
            assertThat(r.props.get(1).bin).isNotNull().hasSizeGreaterThan(40);
        });

        // an update with a higher SEQUENCE moves the meeting; an older one changes nothing
        deliver(mira.email(), "olga@remote.example", "REQUEST", event("REQUEST", uid, 2, "20270311T100000Z",
                "20270311T110000Z", "olga@remote.example", "", "PARTSTAT=NEEDS-ACTION:mailto:" + mira.email()));
        deliver(mira.email(), "olga@remote.example", "REQUEST", event("REQUEST", uid, 1, "20270312T100000Z",
                "20270312T110000Z", "olga@remote.example", "", "PARTSTAT=NEEDS-ACTION:mailto:" + mira.email()));
        assertThat(get(mira, uid).body()).contains("DTSTART:20270311T100000Z", "SEQUENCE:2");

        // a cancellation keeps the entry, marked and free
        deliver(mira.email(), "olga@remote.example", "CANCEL", event("CANCEL", uid, 3, "20270311T100000Z",
                "20270311T110000Z", "olga@remote.example", "", "PARTSTAT=NEEDS-ACTION:mailto:" + mira.email()));
        assertThat(get(mira, uid).body()).contains("SUMMARY:Canceled: Planning", "TRANSP:TRANSPARENT");
        assertThat(inboxClasses(mira)).contains("IPM.Schedule.Meeting.Canceled");
    }

    @Test
    void anAnswerUpdatesTheOrganizersCopy() throws Exception {
        Person olga = person("olga");
        String uid = uid();
        String own = event(null, uid, 0, "20270310T100000Z", "20270310T110000Z", olga.email(), "",
                "PARTSTAT=ACCEPTED:mailto:" + olga.email(), "PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:ext@remote.example");
        assertThat(CalDavIT.send(olga.login(), "PUT", "/caldav/" + olga.login() + "/Calendar/" + uid + ".ics", own,
                "Content-Type", "text/calendar").status()).isEqualTo(201);

        deliver(olga.email(), "ext@remote.example", "REPLY", event("REPLY", uid, 0, "20270310T100000Z",
                "20270310T110000Z", olga.email(), "", "PARTSTAT=ACCEPTED:mailto:ext@remote.example"));

        assertThat(get(olga, uid).body()).contains("PARTSTAT=ACCEPTED:mailto:ext@remote.example");
        assertThat(inboxClasses(olga)).contains("IPM.Schedule.Meeting.Resp.Pos");
        // an answer of someone who was not invited changes nothing
        deliver(olga.email(), "intruder@remote.example", "REPLY", event("REPLY", uid, 0, "20270310T100000Z",
                "20270310T110000Z", olga.email(), "", "PARTSTAT=DECLINED:mailto:intruder@remote.example"));
        assertThat(get(olga, uid).body()).doesNotContain("intruder");
        // nor does a forged one: an answer of ext sent by someone else
        deliver(olga.email(), "forger@evil.example", "REPLY", event("REPLY", uid, 0, "20270310T100000Z",
                "20270310T110000Z", olga.email(), "", "PARTSTAT=DECLINED:mailto:ext@remote.example"));
        assertThat(get(olga, uid).body()).contains("PARTSTAT=ACCEPTED:mailto:ext@remote.example");
    }

    @Test
    void aRoomAcceptsOneBookingDeclinesAnOverlappingOneAndFreesACancelledOne() throws Exception {
        Person room = person("room");
        UserDetails settings = new UserDetails();
        settings.groups = null;
        settings.enabledFeatures = null;
        settings.disabledFeatures = null;
        settings.mrAccept = true;
        settings.mrDeclineConflict = true;
        settings.mrDeclineRecurring = true;
        c.setUser(admin, room.login(), settings);
        String booker = "booker-" + UUID.randomUUID().toString().substring(0, 6) + "@remote.example";
        String attendee = "CUTYPE=ROOM;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:" + room.email();

        String first = uid();
        deliver(room.email(), booker, "REQUEST", event("REQUEST", first, 0, "20270310T100000Z", "20270310T110000Z",
                booker, "", attendee));
        SmtpSink.Received yes = sink.await(r -> r.to().contains(booker) && r.data().contains(first), 30);
        assertThat(yes.data().replace("\r\n ", "")).contains("METHOD:REPLY", "Subject: Accepted: Invitation",
                "PARTSTAT=ACCEPTED:mailto:" + room.email());
        assertThat(get(room, first).body()).contains("X-MICROSOFT-CDO-BUSYSTATUS:BUSY");

        String second = uid();
        deliver(room.email(), booker, "REQUEST", event("REQUEST", second, 0, "20270310T103000Z", "20270310T113000Z",
                booker, "", attendee));
        SmtpSink.Received no = sink.await(r -> r.to().contains(booker) && r.data().contains(second), 30);
        assertThat(no.data().replace("\r\n ", "")).contains("Subject: Declined: Invitation", "PARTSTAT=DECLINED",
                "the time is taken");
        assertThat(get(room, second).status()).isEqualTo(404);

        String weekly = uid();
        deliver(room.email(), booker, "REQUEST", event("REQUEST", weekly, 0, "20270401T100000Z", "20270401T110000Z",
                booker, "RRULE:FREQ=WEEKLY;COUNT=4\r\n", attendee));
        SmtpSink.Received recurring = sink.await(r -> r.to().contains(booker) && r.data().contains(weekly), 30);
        assertThat(recurring.data().replace("\r\n ", "")).contains("PARTSTAT=DECLINED",
                "recurring meetings are declined");

        // the free/busy the room's calendar shows is the accepted booking
        CalDavIT.Answer fb = CalDavIT.send(room.login(), "REPORT", "/caldav/" + room.login() + "/Calendar/",
                "<C:free-busy-query xmlns:C=\"urn:ietf:params:xml:ns:caldav\"><C:time-range start=\"20270310T000000Z\""
                        + " end=\"20270311T000000Z\"/></C:free-busy-query>", "Depth", "1");
        assertThat(fb.status()).isEqualTo(200);
        assertThat(fb.body()).contains("FREEBUSY;FBTYPE=BUSY:20270310T100000Z/20270310T110000Z")
                .doesNotContain("20270310T113000Z");

        deliver(room.email(), booker, "CANCEL", event("CANCEL", first, 1, "20270310T100000Z", "20270310T110000Z",
                booker, "", attendee));
        assertThat(get(room, first).status()).isEqualTo(404);
        // the processed requests went to Deleted Items: the room's Inbox holds none of them
        assertThat(inboxClasses(room)).doesNotContain("IPM.Schedule.Meeting.Request");
    }

    @Test
    void calendarDataThatCannotBeReadIsDeliveredAsPlainMail() throws Exception {
        Person nils = person("nils");
        deliver(nils.email(), "olga@remote.example", "REQUEST", "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nthis is not"
                + " iCalendar\r\n");
        assertThat(inboxClasses(nils)).containsExactly("IPM.Note");
    }

    @Test
    void anOrganizersPutInvitesByImipAndAnAttendeesPutAnswers() throws Exception {
        Person olga = person("olga");
        String guest = "guest-" + UUID.randomUUID().toString().substring(0, 6) + "@remote.example";
        String uid = uid();
        String meeting = event(null, uid, 0, "20270410T100000Z", "20270410T110000Z", olga.email(), "",
                "PARTSTAT=ACCEPTED:mailto:" + olga.email(), "PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:" + guest);
        assertThat(CalDavIT.send(olga.login(), "PUT", "/caldav/" + olga.login() + "/Calendar/" + uid + ".ics", meeting,
                "Content-Type", "text/calendar").status()).isEqualTo(201);
        SmtpSink.Received invite = sink.await(r -> r.to().contains(guest) && r.data().contains(uid), 30);
        assertThat(invite.from()).isEqualTo(olga.email());
        assertThat(invite.data()).contains("method=REQUEST", "METHOD:REQUEST", "Subject: Invitation: Planning");

        // the guest's copy in a local attendee's calendar, answered over CalDAV
        Person paul = person("paul");
        String theirs = uid();
        String request = event("REQUEST", theirs, 0, "20270411T100000Z", "20270411T110000Z", guest, "",
                "PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:" + paul.email());
        deliver(paul.email(), guest, "REQUEST", request);
        String copy = get(paul, theirs).body();
        String accepted = copy.replace("PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:" + paul.email(),
                "PARTSTAT=ACCEPTED:mailto:" + paul.email());
        assertThat(accepted).isNotEqualTo(copy);
        assertThat(CalDavIT.send(paul.login(), "PUT", "/caldav/" + paul.login() + "/Calendar/" + theirs + ".ics",
                accepted, "Content-Type", "text/calendar").status()).isEqualTo(204);
        SmtpSink.Received answer = sink.await(r -> r.to().contains(guest) && r.data().contains(theirs), 30);
        assertThat(answer.data().replace("\r\n ", "")).contains("METHOD:REPLY",
                "PARTSTAT=ACCEPTED:mailto:" + paul.email(), "Subject: Accepted: Planning");
    }

    @Test
    void anotherUsersFreeBusyThroughTheSchedulingOutbox() throws Exception {
        Person vera = person("vera");
        Person asker = person("asker");
        String uid = uid();
        deliver(vera.email(), "olga@remote.example", "REQUEST", event("REQUEST", uid, 0, "20270510T100000Z",
                "20270510T110000Z", "olga@remote.example", "", "PARTSTAT=NEEDS-ACTION:mailto:" + vera.email()));
        String request = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nMETHOD:REQUEST\r\nBEGIN:VFREEBUSY\r\n"
                + "UID:" + UUID.randomUUID() + "\r\nDTSTAMP:20270101T000000Z\r\nDTSTART:20270510T000000Z\r\n"
                + "DTEND:20270511T000000Z\r\nORGANIZER:mailto:" + asker.email() + "\r\nATTENDEE:mailto:" + vera.email()
                + "\r\nATTENDEE:mailto:nobody@remote.example\r\nEND:VFREEBUSY\r\nEND:VCALENDAR\r\n";

        CalDavIT.Answer a = CalDavIT.send(asker.login(), "POST", "/caldav/" + asker.login() + "/schedule-outbox/",
                request, "Content-Type", "text/calendar");

        assertThat(a.status()).isEqualTo(200);
        String body = a.body().replace("\r\n ", "");
        assertThat(body).contains("2.0;Success", "FREEBUSY;FBTYPE=BUSY-TENTATIVE:20270510T100000Z/20270510T110000Z",
                "3.7;Invalid calendar user").doesNotContain("Planning");
        // nobody else's outbox
        assertThat(CalDavIT.send(asker.login(), "POST", "/caldav/" + vera.login() + "/schedule-outbox/", request,
                "Content-Type", "text/calendar").status()).isEqualTo(404);
    }

    @Test
    void oneOccurrenceIsCancelledOrMovedInTheSeries() throws Exception {
        Person mira = person("miro");
        String uid = uid();
        String attendee = "PARTSTAT=NEEDS-ACTION:mailto:" + mira.email();
        deliver(mira.email(), "olga@remote.example", "REQUEST", event("REQUEST", uid, 0, "20270301T090000Z",
                "20270301T093000Z", "olga@remote.example", "RRULE:FREQ=WEEKLY;COUNT=6\r\n", attendee));
        String occurrence = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nMETHOD:%s\r\nBEGIN:VEVENT\r\n"
                + "UID:" + uid + "\r\nSEQUENCE:1\r\nDTSTAMP:20270101T000000Z\r\nRECURRENCE-ID:%s\r\n%s"
                + "ORGANIZER:mailto:olga@remote.example\r\nATTENDEE;" + attendee + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

        deliver(mira.email(), "olga@remote.example", "CANCEL", String.format(occurrence, "CANCEL", "20270308T090000Z",
                "DTSTART:20270308T090000Z\r\n"));
        assertThat(get(mira, uid).body()).contains("EXDATE:20270308T090000Z").contains("RRULE:");

        deliver(mira.email(), "olga@remote.example", "REQUEST", String.format(occurrence, "REQUEST", "20270315T090000Z",
                "DTSTART:20270316T140000Z\r\nDTEND:20270316T143000Z\r\nSUMMARY:Moved once\r\n"));
        String copy = get(mira, uid).body();
        assertThat(copy).contains("EXDATE:20270308T090000Z", "RECURRENCE-ID:20270315T090000Z",
                "DTSTART:20270316T140000Z", "SUMMARY:Moved once");
        assertThat(inboxClasses(mira)).contains("IPM.Schedule.Meeting.Canceled");
    }
}
