package org.zcp.caldav.resource;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.zcp.caldav.dav.DavResponse;
import org.zcp.caldav.fake.FakeCodecs;
import org.zcp.caldav.fake.FakeServer;

/** Calendars and address books in the public folders: /caldav/public/, /carddav/public/. */
class PublicFoldersTest {
    private final FakeServer server = new FakeServer();
    private static final String PROPFIND = "<D:propfind xmlns:D=\"DAV:\"><D:prop><D:resourcetype/><D:displayname/>"
            + "</D:prop></D:propfind>";

    @Test
    void thePublicHomesListThePublicCalendarsAndAddressBooks() {
        server.tree.addPublic("Holidays", "IPF.Appointment");
        server.tree.addPublic("Suppliers", "IPF.Contact");
        server.tree.addPublic("Announcements", "IPF.Note");

        DavResponse cal = server.send("PROPFIND", "/caldav/public/", PROPFIND, "Depth", "1");
        assertThat(cal.status()).isEqualTo(207);
        assertThat(cal.text()).contains("/caldav/public/Holidays/").doesNotContain("Suppliers")
                .doesNotContain("Announcements");
        assertThat(server.send("PROPFIND", "/carddav/public/", PROPFIND, "Depth", "1").text())
                .contains("/carddav/public/Suppliers/").doesNotContain("Holidays");
    }

    @Test
    void aPublicCalendarIsReadAndWrittenLikeAnyOtherAndSchedulesNobody() {
        server.tree.addPublic("Holidays", "IPF.Appointment");
        String event = FakeCodecs.event("h1", "20250101T000000Z", "20250102T000000Z", "New Year")
                .replace("END:VEVENT", "ORGANIZER:mailto:alice@example.com\r\nATTENDEE:mailto:bob@example.com\r\nEND:VEVENT");

        assertThat(server.send("PUT", "/caldav/public/Holidays/h1.ics", event, "Content-Type", "text/calendar").status())
                .isEqualTo(201);

        assertThat(server.send("GET", "/caldav/public/Holidays/h1.ics", null).text()).contains("SUMMARY:New Year");
        assertThat(server.scheduling.sent).as("a public calendar is nobody's to invite from").isEmpty();
    }

    @Test
    void withoutPublicFoldersThereIsNoPublicHome() {
        assertThat(server.send("PROPFIND", "/caldav/public/", PROPFIND, "Depth", "1").status()).isEqualTo(404);
    }
}
