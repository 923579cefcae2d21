package org.zcp.caldav.caldav;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.zcp.caldav.dav.DavRequest;
import org.zcp.caldav.dav.DavResponse;
import org.zcp.caldav.fake.FakeServer;

/** The scheduling outbox and inbox (RFC 6638 2.1, 2.2) and free/busy requests POSTed to the outbox (RFC 6638 5). */
class OutboxTest {
    private static final String OUTBOX = "/caldav/alice/schedule-outbox/";
    private final FakeServer server = new FakeServer();

    private static String propfind(String... props) {
        StringBuilder b = new StringBuilder("<D:propfind xmlns:D=\"DAV:\" xmlns:C=\"urn:ietf:params:xml:ns:caldav\"><D:prop>");
        for (String p : props) b.append('<').append(p).append("/>");
        return b.append("</D:prop></D:propfind>").toString();
    }

    /** A free/busy request as Thunderbird sends it (long ATTENDEE lines folded), with these lines in its VFREEBUSY. */
    private static String request(String... lines) {
        StringBuilder b = new StringBuilder("BEGIN:VCALENDAR\r\nPRODID:-//Mozilla.org/NONSGML Mozilla Calendar V1.1//EN\r\n"
                + "VERSION:2.0\r\nMETHOD:REQUEST\r\nBEGIN:VFREEBUSY\r\nDTSTAMP:20250101T000000Z\r\nUID:fb-1\r\n");
        for (String l : lines) b.append(l).append("\r\n");
        return b.append("END:VFREEBUSY\r\nEND:VCALENDAR\r\n").toString();
    }

    private static String january10(String organizer, String... attendees) {
        String[] lines = new String[3 + attendees.length];
        lines[0] = "DTSTART:20250110T000000Z";
        lines[1] = "DTEND:20250111T000000Z";
        lines[2] = "ORGANIZER:" + organizer;
        for (int i = 0; i < attendees.length; i++) {
            lines[3 + i] = "ATTENDEE;PARTSTAT=NEEDS-ACTION;ROLE=REQ-PARTICIPANT;CUTYPE=INDIVIDUAL:\r\n " + attendees[i];
        }
        return request(lines);
    }

    private DavResponse post(String path, String body) {
        return server.send("POST", path, body, "Content-Type", "text/calendar; charset=utf-8",
                "Originator", "mailto:alice@example.com");
    }

    @Test
    void theOwnPrincipalShouldNameTheBoxesAndEveryPrincipalItsAddresses() {
        DavResponse own = server.send("PROPFIND", "/caldav/principals/alice/", propfind("C:schedule-outbox-URL",
                "C:schedule-inbox-URL", "C:calendar-user-address-set", "C:calendar-user-type"), "Depth", "0");
        assertThat(own.text())
                .contains("<C:schedule-outbox-URL><D:href>/caldav/alice/schedule-outbox/</D:href></C:schedule-outbox-URL>")
                .contains("<C:schedule-inbox-URL><D:href>/caldav/alice/schedule-inbox/</D:href></C:schedule-inbox-URL>")
                .contains("<C:calendar-user-address-set><D:href>mailto:alice@example.com</D:href>"
                        + "<D:href>/caldav/principals/alice/</D:href></C:calendar-user-address-set>")
                .contains("<C:calendar-user-type>INDIVIDUAL</C:calendar-user-type>");
        assertThat(server.send("PROPFIND", "/caldav/principals/alice/", "<D:propfind xmlns:D=\"DAV:\"><D:propname/>"
                + "</D:propfind>", "Depth", "0").text()).contains("<C:schedule-outbox-URL/>", "<C:schedule-inbox-URL/>");

        DavResponse other = server.service.handle(DavRequest.of("PROPFIND", "/caldav/principals/alice/", null,
                "Depth", "0", "Authorization", FakeServer.basic("bob", "pw")));
        assertThat(other.text()).contains("<D:href>mailto:alice@example.com</D:href>", "<C:calendar-user-type>")
                .doesNotContain("schedule-outbox-URL").doesNotContain("schedule-inbox-URL");
    }

    @Test
    void theOwnHomeShouldListBothBoxesWhichHoldNothing() {
        DavResponse home = server.send("PROPFIND", "/caldav/alice/", propfind("D:resourcetype"), "Depth", "1");
        assertThat(home.text())
                .contains("<D:href>/caldav/alice/schedule-outbox/</D:href><D:propstat><D:prop><D:resourcetype>"
                        + "<D:collection/><C:schedule-outbox/></D:resourcetype>")
                .contains("<D:href>/caldav/alice/schedule-inbox/</D:href><D:propstat><D:prop><D:resourcetype>"
                        + "<D:collection/><C:schedule-inbox/></D:resourcetype>")
                .contains("<D:href>/caldav/alice/Calendar/</D:href>");
        assertThat(server.send("PROPFIND", "/carddav/alice/", null, "Depth", "1").text()).doesNotContain("schedule-");

        DavResponse inbox = server.send("PROPFIND", "/caldav/alice/schedule-inbox/", null, "Depth", "1");
        assertThat(inbox.status()).isEqualTo(207);
        assertThat(inbox.text().split("<D:response>", -1)).hasSize(2);
        assertThat(server.send("GET", "/caldav/alice/schedule-inbox/x.ics", null).status()).isEqualTo(404);
        assertThat(server.send("PUT", "/caldav/alice/schedule-inbox/x.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
                .status()).isEqualTo(403);
        assertThat(server.send("PROPPATCH", OUTBOX, "<D:propertyupdate xmlns:D=\"DAV:\"><D:set><D:prop><D:displayname>"
                + "x</D:displayname></D:prop></D:set></D:propertyupdate>").status()).isEqualTo(403);
        assertThat(server.service.handle(DavRequest.of("OPTIONS", OUTBOX, null)).header("Allow")).contains("POST");
    }

    @Test
    void theBoxesShouldNotBeMadeDeletedOrShadowed() {
        DavResponse mk = server.send("MKCALENDAR", OUTBOX, null);
        assertThat(mk.status()).isEqualTo(405);
        assertThat(mk.text()).contains("<D:resource-must-be-null/>").contains("scheduling outbox");
        assertThat(server.send("MKCOL", "/caldav/alice/Schedule-Inbox/", null).status()).isEqualTo(405);
        DavResponse delete = server.send("DELETE", OUTBOX, null);
        assertThat(delete.status()).isEqualTo(403);
        assertThat(delete.text()).contains("cannot be deleted");

        long folder = server.tree.add(org.zcp.caldav.fake.FakeFolderTree.ROOT, "schedule-inbox", "IPF.Appointment");
        assertThat(server.send("PROPFIND", "/caldav/alice/", null, "Depth", "1").text())
                .contains("<D:href>/caldav/alice/schedule-inbox-" + folder + "/</D:href>");
    }

    @Test
    void aFreeBusyRequestShouldAnswerEachAttendeeInOrder() {
        server.appointment(server.calendar, "2025-01-10T10:00:00Z", "2025-01-10T11:00:00Z", 2);
        server.appointment(server.calendar, "2025-01-10T12:00:00Z", "2025-01-10T13:00:00Z", 1);

        DavResponse r = post(OUTBOX, january10("mailto:Alice@Example.com", "mailto:alice@example.com",
                "mailto:nobody@remote.example"));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("application/xml; charset=utf-8");
        String xml = r.text().replace("&#13;", "");
        assertThat(xml).startsWith("<?xml").contains("<C:schedule-response")
                .contains("<C:response><C:recipient><D:href>mailto:alice@example.com</D:href></C:recipient>"
                        + "<C:request-status>2.0;Success</C:request-status><C:calendar-data>BEGIN:VCALENDAR")
                .contains("METHOD:REPLY", "BEGIN:VFREEBUSY", "UID:fb-1", "DTSTART:20250110T000000Z",
                        "DTEND:20250111T000000Z", "ORGANIZER:mailto:Alice@Example.com",
                        "ATTENDEE:mailto:alice@example.com",
                        "FREEBUSY;FBTYPE=BUSY:20250110T100000Z/20250110T110000Z",
                        "FREEBUSY;FBTYPE=BUSY-TENTATIVE:20250110T120000Z/20250110T130000Z")
                .contains("<C:response><C:recipient><D:href>mailto:nobody@remote.example</D:href></C:recipient>"
                        + "<C:request-status>3.7;Invalid calendar user</C:request-status></C:response>");
        assertThat(xml.indexOf("mailto:alice@example.com</D:href>"))
                .isLessThan(xml.indexOf("mailto:nobody@remote.example</D:href>"));
    }

    @Test
    void theOrganizerShouldBeTheUserAndTheRequestWellFormed() {
        DavResponse other = post(OUTBOX, january10("mailto:bob@example.com", "mailto:alice@example.com"));
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.text()).contains("<C:organizer-allowed/>");
        assertThat(post(OUTBOX, january10("/caldav/principals/alice/", "/caldav/principals/alice/")).text())
                .contains("2.0;Success");

        DavResponse notIcal = post(OUTBOX, "<hello/>");
        assertThat(notIcal.status()).isEqualTo(403);
        assertThat(notIcal.text()).contains("<C:valid-calendar-data/>");
        for (String bad : new String[] {
            request("DTSTART:20250110T000000Z", "ORGANIZER:mailto:alice@example.com", "ATTENDEE:mailto:bob@example.com"),
            request("DTSTART:20250110T000000Z", "DTEND:20250111T000000Z", "ATTENDEE:mailto:bob@example.com"),
            request("DTSTART:20250110T000000Z", "DTEND:20250111T000000Z", "ORGANIZER:mailto:alice@example.com"),
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n"}) {
            DavResponse r = post(OUTBOX, bad);
            assertThat(r.status()).as(bad).isEqualTo(403);
            assertThat(r.text()).as(bad).contains("<C:valid-scheduling-message/>");
        }
        assertThat(post(OUTBOX, request("DTSTART;TZID=Europe/Berlin:20250110T000000", "DTEND:20250111T000000Z",
                "ORGANIZER:mailto:alice@example.com", "ATTENDEE:mailto:bob@example.com")).text())
                .contains("<C:valid-calendar-data/>");
        assertThat(post(OUTBOX, request("DTSTART:20250111T000000Z", "DTEND:20250110T000000Z",
                "ORGANIZER:mailto:alice@example.com", "ATTENDEE:mailto:bob@example.com")).status()).isEqualTo(400);
        // the store's limit: at most two years at a time
        assertThat(post(OUTBOX, request("DTSTART:20250110T000000Z", "DTEND:20300110T000000Z",
                "ORGANIZER:mailto:alice@example.com", "ATTENDEE:mailto:alice@example.com")).status()).isEqualTo(400);
    }

    @Test
    void aMeetingPostedToTheOutboxShouldBeRefusedAsTheServerSchedulesItself() {
        String meeting = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:m1\r\n"
                + "DTSTAMP:20250101T000000Z\r\nDTSTART:20250110T100000Z\r\nDTEND:20250110T110000Z\r\n"
                + "ORGANIZER:mailto:alice@example.com\r\nATTENDEE:mailto:bob@example.com\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        DavResponse r = post(OUTBOX, meeting);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.text()).contains("<C:valid-scheduling-message/>").contains("schedules meetings itself");
        assertThat(server.scheduling.sent).isEmpty();
    }

    @Test
    void tooManyAttendeesShouldBeRefused() {
        String[] many = new String[OutboxPost.MAX_ATTENDEES + 1];
        for (int i = 0; i < many.length; i++) many[i] = "mailto:u" + i + "@example.com";
        assertThat(post(OUTBOX, january10("mailto:alice@example.com", many)).status()).isEqualTo(403);
        String[] enough = java.util.Arrays.copyOf(many, OutboxPost.MAX_ATTENDEES);
        assertThat(post(OUTBOX, january10("mailto:alice@example.com", enough)).status()).isEqualTo(200);
    }

    @Test
    void onlyTheOwnerShouldUseTheOutboxAndPostElsewhereIs405() {
        String body = january10("mailto:alice@example.com", "mailto:alice@example.com");
        assertThat(post("/caldav/bob/schedule-outbox/", body).status()).isEqualTo(404);
        DavResponse asBob = server.service.handle(DavRequest.of("POST", OUTBOX, january10("mailto:bob@example.com",
                "mailto:alice@example.com"), "Authorization", FakeServer.basic("bob", "pw")));
        assertThat(asBob.status()).isEqualTo(404);
        assertThat(server.service.handle(DavRequest.of("PROPFIND", "/caldav/alice/schedule-inbox/", null,
                "Authorization", FakeServer.basic("bob", "pw"))).status()).isEqualTo(404);

        DavResponse elsewhere = post("/caldav/alice/Calendar/", body);
        assertThat(elsewhere.status()).isEqualTo(405);
        assertThat(elsewhere.header("Allow")).doesNotContain("POST");
        assertThat(post("/caldav/alice/schedule-inbox/", body).status()).isEqualTo(405);
    }
}
