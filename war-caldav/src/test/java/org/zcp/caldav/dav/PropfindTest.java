package org.zcp.caldav.dav;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.zcp.caldav.fake.FakeCodecs;
import org.zcp.caldav.fake.FakeFolderTree;
import org.zcp.caldav.fake.FakeServer;
import org.zcp.ical.ItemKind;

class PropfindTest {
    private final FakeServer server = new FakeServer();

    private static String propfind(String... props) {
        StringBuilder b = new StringBuilder("<D:propfind xmlns:D=\"DAV:\" xmlns:C=\"urn:ietf:params:xml:ns:caldav\""
                + " xmlns:CR=\"urn:ietf:params:xml:ns:carddav\" xmlns:CS=\"http://calendarserver.org/ns/\"><D:prop>");
        for (String p : props) b.append('<').append(p).append("/>");
        return b.append("</D:prop></D:propfind>").toString();
    }

    @Test
    void rootShouldNameTheCurrentUserPrincipal() {
        DavResponse r = server.send("PROPFIND", "/caldav/", propfind("D:current-user-principal"), "Depth", "0");
        assertThat(r.status()).isEqualTo(207);
        assertThat(r.text()).contains("<D:current-user-principal><D:href>/caldav/principals/alice/</D:href>");
    }

    @Test
    void principalShouldNameBothHomesAndTheAddress() {
        DavResponse r = server.send("PROPFIND", "/caldav/principals/alice/", propfind("D:displayname",
                "C:calendar-home-set", "CR:addressbook-home-set", "C:calendar-user-address-set", "D:resourcetype",
                "D:principal-URL", "C:schedule-inbox-URL"), "Depth", "0");
        assertThat(r.text()).contains("<D:displayname>Alice Adams</D:displayname>")
                .contains("<C:calendar-home-set><D:href>/caldav/alice/</D:href>")
                .contains("<CR:addressbook-home-set><D:href>/carddav/alice/</D:href>")
                .contains("<D:href>mailto:alice@example.com</D:href>")
                .contains("<D:resourcetype><D:collection/><D:principal/></D:resourcetype>")
                .contains("<C:schedule-inbox-URL><D:href>/caldav/alice/schedule-inbox/</D:href></C:schedule-inbox-URL>");
    }

    @Test
    void calendarHomeShouldListCalendarAndTaskFoldersOnly() {
        long nested = server.tree.add(server.calendar, "Calendar", "IPF.Appointment");
        DavResponse r = server.send("PROPFIND", "/caldav/alice/", propfind("D:resourcetype",
                "C:supported-calendar-component-set", "CS:getctag", "D:sync-token"), "Depth", "1");
        assertThat(r.text()).contains("<D:href>/caldav/alice/</D:href>")
                .contains("<D:href>/caldav/alice/Calendar/</D:href>")
                .contains("<D:href>/caldav/alice/Tasks/</D:href>")
                .contains("<D:href>/caldav/alice/Calendar-" + nested + "/</D:href>")
                .contains("<C:comp name=\"VTODO\"/>")
                .contains("<D:resourcetype><D:collection/><C:calendar/></D:resourcetype>")
                .contains("<D:sync-token>http://zcp.org/ns/sync/" + server.calendar + "/0</D:sync-token>")
                .doesNotContain("Contacts").doesNotContain("Inbox");
        assertThat(server.send("PROPFIND", "/carddav/alice/", propfind("D:resourcetype"), "Depth", "1").text())
                .contains("<D:href>/carddav/alice/Contacts/</D:href>").contains("<CR:addressbook/>")
                .doesNotContain("/Calendar/");
    }

    @Test
    void collectionShouldListItsItemsWithTheirETags() {
        long seq = server.store(server.calendar, "a.ics", ItemKind.EVENT, FakeCodecs.event("a", "20250101T100000Z",
                "20250101T110000Z", "Standup"));
        DavResponse r = server.send("PROPFIND", "/caldav/alice/Calendar/", propfind("D:getetag", "CS:getctag",
                "D:getcontenttype"), "Depth", "1");
        assertThat(r.text()).contains("<CS:getctag>" + seq + "</CS:getctag>")
                .contains("<D:href>/caldav/alice/Calendar/a.ics</D:href>")
                .contains("<D:getetag>\"" + seq + "\"</D:getetag>")
                .contains("text/calendar; charset=utf-8");
    }

    @Test
    void allpropShouldLeaveOutTheCalendarData() {
        server.store(server.calendar, "a.ics", ItemKind.EVENT, FakeCodecs.event("a", "20250101T100000Z",
                "20250101T110000Z", "Standup"));
        DavResponse r = server.send("PROPFIND", "/caldav/alice/Calendar/a.ics", null, "Depth", "0");
        assertThat(r.text()).contains("<D:getetag>").doesNotContain("calendar-data").doesNotContain("Standup");
        DavResponse asked = server.send("PROPFIND", "/caldav/alice/Calendar/a.ics", propfind("C:calendar-data",
                "D:getcontentlength"), "Depth", "0");
        assertThat(asked.text()).contains("SUMMARY:Standup").contains("<D:getcontentlength>");
    }

    @Test
    void propnameShouldListNamesWithoutValues() {
        DavResponse r = server.send("PROPFIND", "/caldav/alice/Calendar/",
                "<D:propfind xmlns:D=\"DAV:\"><D:propname/></D:propfind>", "Depth", "0");
        assertThat(r.text()).contains("<D:displayname/>").contains("<CS:getctag/>").doesNotContain(">Calendar<");
    }

    @Test
    void depthInfinityShouldBeRefused() {
        DavResponse r = server.send("PROPFIND", "/caldav/alice/", null, "Depth", "infinity");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.text()).contains("<D:propfind-finite-depth/>");
    }

    @Test
    void missingCollectionsAndItemsShouldBe404() {
        assertThat(server.send("PROPFIND", "/caldav/alice/Nope/", null).status()).isEqualTo(404);
        assertThat(server.send("PROPFIND", "/caldav/alice/Calendar/none.ics", null).status()).isEqualTo(404);
        assertThat(FakeFolderTree.ROOT).isEqualTo(1);
    }

    @Test
    void aReadOnlyFolderShouldOfferOnlyReading() {
        server.messages.readOnly.add(server.calendar);
        DavResponse r = server.send("PROPFIND", "/caldav/alice/Calendar/", propfind("D:current-user-privilege-set"));
        assertThat(r.text()).contains("<D:read/>").doesNotContain("<D:write/>");
    }
}
