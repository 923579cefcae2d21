package org.zcp.caldav.caldav;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.zcp.caldav.dav.DavResponse;
import org.zcp.caldav.fake.FakeCodecs;
import org.zcp.caldav.fake.FakeServer;
import org.zcp.ical.ItemKind;

/** calendar-query, calendar-multiget, sync-collection and the reports left for later. */
class ReportsTest {
    private static final String NS = " xmlns:D=\"DAV:\" xmlns:C=\"urn:ietf:params:xml:ns:caldav\"";
    private final FakeServer server = new FakeServer();

    private void events() {
        server.store(server.calendar, "jan.ics", ItemKind.EVENT, FakeCodecs.event("jan", "20250110T100000Z",
                "20250110T110000Z", "Dentist"));
        server.store(server.calendar, "feb.ics", ItemKind.EVENT, FakeCodecs.event("feb", "20250210T100000Z",
                "20250210T110000Z", "Team lunch"));
    }

    private static String query(String inner) {
        return "<C:calendar-query" + NS + "><D:prop><D:getetag/><C:calendar-data/></D:prop><C:filter>"
                + "<C:comp-filter name=\"VCALENDAR\"><C:comp-filter name=\"VEVENT\">" + inner
                + "</C:comp-filter></C:comp-filter></C:filter></C:calendar-query>";
    }

    @Test
    void calendarQueryByTimeRangeShouldAnswerTheOverlappingEvents() {
        events();
        DavResponse r = server.send("REPORT", "/caldav/alice/Calendar/",
                query("<C:time-range start=\"20250201T000000Z\" end=\"20250301T000000Z\"/>"), "Depth", "1");
        assertThat(r.status()).isEqualTo(207);
        assertThat(r.text()).contains("/caldav/alice/Calendar/feb.ics").contains("SUMMARY:Team lunch")
                .doesNotContain("jan.ics");
    }

    @Test
    void calendarQueryByTextShouldMatchWithoutCase() {
        events();
        DavResponse r = server.send("REPORT", "/caldav/alice/Calendar/",
                query("<C:prop-filter name=\"SUMMARY\"><C:text-match>DENTIST</C:text-match></C:prop-filter>"));
        assertThat(r.text()).contains("jan.ics").doesNotContain("feb.ics");
        DavResponse negated = server.send("REPORT", "/caldav/alice/Calendar/", query("<C:prop-filter name=\"UID\">"
                + "<C:text-match negate-condition=\"yes\">jan</C:text-match></C:prop-filter>"));
        assertThat(negated.text()).contains("feb.ics").doesNotContain("jan.ics");
    }

    @Test
    void calendarQueryForTasksShouldNotAnswerEvents() {
        events();
        String body = "<C:calendar-query" + NS + "><D:prop><D:getetag/></D:prop><C:filter><C:comp-filter"
                + " name=\"VCALENDAR\"><C:comp-filter name=\"VTODO\"/></C:comp-filter></C:filter></C:calendar-query>";
        assertThat(server.send("REPORT", "/caldav/alice/Calendar/", body).text()).doesNotContain(".ics");
    }

    @Test
    void aFilterTooDeepShouldBeRefusedNotAnsweredWrongly() {
        DavResponse r = server.send("REPORT", "/caldav/alice/Calendar/", query("<C:comp-filter name=\"VALARM\"/>"));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.text()).contains("<C:supported-filter/>");
    }

    @Test
    void multigetShouldAnswerEachHrefAnd404ForMissingOnes() {
        events();
        String body = "<C:calendar-multiget" + NS + "><D:prop><D:getetag/><C:calendar-data/></D:prop>"
                + "<D:href>/caldav/alice/Calendar/feb.ics</D:href><D:href>/caldav/alice/Calendar/gone.ics</D:href>"
                + "<D:href>/caldav/bob/Calendar/x.ics</D:href></C:calendar-multiget>";
        DavResponse r = server.send("REPORT", "/caldav/alice/Calendar/", body);
        assertThat(r.text()).contains("SUMMARY:Team lunch")
                .contains("<D:href>/caldav/alice/Calendar/gone.ics</D:href><D:status>HTTP/1.1 404")
                .contains("<D:href>/caldav/bob/Calendar/x.ics</D:href><D:status>HTTP/1.1 404");
    }

    @Test
    void calendarDataWithExpandShouldAnswerTheInstancesOfTheRange() {
        events();
        String body = "<C:calendar-multiget" + NS + "><D:prop><C:calendar-data><C:expand start=\"20250201T000000Z\""
                + " end=\"20250301T000000Z\"/></C:calendar-data><D:getcontentlength/></D:prop>"
                + "<D:href>/caldav/alice/Calendar/feb.ics</D:href><D:href>/caldav/alice/Calendar/jan.ics</D:href>"
                + "</C:calendar-multiget>";
        DavResponse r = server.send("REPORT", "/caldav/alice/Calendar/", body);
        assertThat(r.status()).isEqualTo(207);
        // feb's instance in the range, jan's item without any: an empty calendar, not the item
        assertThat(r.text()).contains("SUMMARY:Team lunch").contains("X-EXPANDED:20250201T000000Z")
                .doesNotContain("SUMMARY:Dentist");

        String query = "<C:calendar-query" + NS + "><D:prop><C:calendar-data><C:expand start=\"20250201T000000Z\""
                + " end=\"20250301T000000Z\"/></C:calendar-data></D:prop><C:filter><C:comp-filter name=\"VCALENDAR\">"
                + "<C:comp-filter name=\"VEVENT\"><C:time-range start=\"20250201T000000Z\" end=\"20250301T000000Z\"/>"
                + "</C:comp-filter></C:comp-filter></C:filter></C:calendar-query>";
        assertThat(server.send("REPORT", "/caldav/alice/Calendar/", query, "Depth", "1").text())
                .contains("X-EXPANDED:20250201T000000Z").contains("feb.ics").doesNotContain("jan.ics");
    }

    @Test
    void anExpandWithoutItsRangeShouldBeABadRequest() {
        events();
        String body = "<C:calendar-multiget" + NS + "><D:prop><C:calendar-data><C:expand start=\"20250201T000000Z\"/>"
                + "</C:calendar-data></D:prop><D:href>/caldav/alice/Calendar/feb.ics</D:href></C:calendar-multiget>";
        DavResponse r = server.send("REPORT", "/caldav/alice/Calendar/", body);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text()).contains("expand needs start and end");
    }

    private static String sync(String token) {
        return "<D:sync-collection xmlns:D=\"DAV:\"><D:sync-token>" + token + "</D:sync-token><D:sync-level>1"
                + "</D:sync-level><D:prop><D:getetag/></D:prop></D:sync-collection>";
    }

    private static String tokenOf(String xml) {
        return xml.replaceAll("(?s).*<D:sync-token>([^<]*)</D:sync-token>.*", "$1");
    }

    @Test
    void syncCollectionShouldAnswerChangesAndRemovalsSinceTheToken() {
        events();
        DavResponse first = server.send("REPORT", "/caldav/alice/Calendar/", sync(""));
        assertThat(first.text()).contains("jan.ics").contains("feb.ics");
        String token = tokenOf(first.text());
        assertThat(token).startsWith("http://zcp.org/ns/sync/" + server.calendar + "/");

        server.send("DELETE", "/caldav/alice/Calendar/jan.ics", null);
        server.send("PUT", "/caldav/alice/Calendar/mar.ics", FakeCodecs.event("mar", "20250310T100000Z",
                "20250310T110000Z", "Review"));
        DavResponse next = server.send("REPORT", "/caldav/alice/Calendar/", sync(token));
        assertThat(next.text()).contains("<D:href>/caldav/alice/Calendar/mar.ics</D:href><D:propstat>")
                .contains("<D:href>/caldav/alice/Calendar/jan.ics</D:href><D:status>HTTP/1.1 404")
                .doesNotContain("feb.ics");
        assertThat(tokenOf(next.text())).isNotEqualTo(token);
    }

    @Test
    void aForeignOrForgottenTokenShouldBeValidSyncToken403() {
        events();
        for (String bad : new String[] {"http://zcp.org/ns/sync/" + server.tasks + "/1", "garbage",
                "http://zcp.org/ns/sync/" + server.calendar + "/999999"}) {
            DavResponse r = server.send("REPORT", "/caldav/alice/Calendar/", sync(bad));
            assertThat(r.status()).as(bad).isEqualTo(403);
            assertThat(r.text()).contains("<D:valid-sync-token/>");
        }
        String token = tokenOf(server.send("REPORT", "/caldav/alice/Calendar/", sync("")).text());
        server.store(server.calendar, "x.ics", ItemKind.EVENT, FakeCodecs.event("x", "20250101T000000Z",
                "20250101T010000Z", "x"));
        server.items.forgetBefore(server.calendar, Long.MAX_VALUE - 1);
        assertThat(server.send("REPORT", "/caldav/alice/Calendar/", sync(token)).status()).isEqualTo(403);
    }

    @Test
    void reportsNotDoneYetShouldSaySo() {
        assertThat(server.send("REPORT", "/caldav/principals/alice/", "<D:expand-property xmlns:D=\"DAV:\"/>")
                .status()).isEqualTo(501);
        assertThat(server.send("REPORT", "/caldav/alice/Calendar/", "<D:whatever xmlns:D=\"DAV:\"/>").text())
                .contains("<D:supported-report/>");
    }

    /** An appointment as Outlook stores it (start, end, busy status), straight into alice's calendar. */
    private void appointment(String start, String end, int busyStatus) {
        server.appointment(server.calendar, start, end, busyStatus);
    }

    private static String freeBusy(String start, String end) {
        return "<C:free-busy-query" + NS + "><C:time-range" + (start == null ? "" : " start=\"" + start + "\"")
                + (end == null ? "" : " end=\"" + end + "\"") + "/></C:free-busy-query>";
    }

    @Test
    void freeBusyQueryShouldAnswerAVfreebusyOfTheBusyTimeOnly() {
        appointment("2025-01-10T10:00:00Z", "2025-01-10T11:00:00Z", 2);
        appointment("2025-01-10T12:00:00Z", "2025-01-10T13:00:00Z", 1);
        appointment("2025-01-10T14:00:00Z", "2025-01-10T15:00:00Z", 0);

        DavResponse r = server.send("REPORT", "/caldav/alice/Calendar/", freeBusy("20250110T000000Z", "20250111T000000Z"),
                "Depth", "1");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/calendar");
        assertThat(r.text()).contains("BEGIN:VFREEBUSY", "DTSTART:20250110T000000Z", "DTEND:20250111T000000Z",
                "FREEBUSY;FBTYPE=BUSY:20250110T100000Z/20250110T110000Z",
                "FREEBUSY;FBTYPE=BUSY-TENTATIVE:20250110T120000Z/20250110T130000Z")
                .doesNotContain("20250110T140000Z");
    }

    @Test
    void freeBusyQueryShouldNeedARangeAndTheRight() {
        assertThat(server.send("REPORT", "/caldav/alice/Calendar/", freeBusy("20250110T000000Z", null)).status())
                .isEqualTo(400);
        assertThat(server.send("REPORT", "/caldav/alice/Tasks/", freeBusy("20250110T000000Z", "20250111T000000Z"))
                .text()).contains("<D:supported-report/>");
        assertThat(server.send("REPORT", "/caldav/alice/Calendar/", freeBusy("20250110T000000Z", "20300111T000000Z"))
                .status()).isEqualTo(400);
    }
}
