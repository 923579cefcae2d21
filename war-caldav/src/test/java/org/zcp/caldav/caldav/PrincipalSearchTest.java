package org.zcp.caldav.caldav;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.zcp.caldav.dav.DavResponse;
import org.zcp.caldav.fake.FakeServer;

/** principal-property-search over the global address book (RFC 3744 9.4, 9.5): how clients find attendees. */
class PrincipalSearchTest {
    private static final String NS = " xmlns:D=\"DAV:\" xmlns:C=\"urn:ietf:params:xml:ns:caldav\"";
    private final FakeServer server = new FakeServer();

    private static String search(String test, String... propAndMatch) {
        StringBuilder b = new StringBuilder("<D:principal-property-search" + NS + (test == null ? "" : " test=\"" + test + "\"") + ">");
        for (int i = 0; i + 1 < propAndMatch.length; i += 2) {
            b.append("<D:property-search><D:prop>").append(propAndMatch[i]).append("</D:prop><D:match>")
                    .append(propAndMatch[i + 1]).append("</D:match></D:property-search>");
        }
        return b.append("<D:prop><D:displayname/><C:calendar-user-address-set/><C:calendar-user-type/></D:prop>"
                + "</D:principal-property-search>").toString();
    }

    @Test
    void aNameShouldFindThePrincipalWithItsAddresses() {
        DavResponse r = server.send("REPORT", "/caldav/principals/", search(null, "<D:displayname/>", "bO"), "Depth", "0");
        assertThat(r.status()).isEqualTo(207);
        assertThat(r.text()).contains("<D:href>/caldav/principals/bob/</D:href>").contains("mailto:bob@example.com")
                .contains("INDIVIDUAL").doesNotContain("/caldav/principals/alice/");
    }

    @Test
    void anAddressShouldFindAndHiddenEntriesAndGroupsShouldNot() {
        assertThat(server.send("REPORT", "/caldav/principals/", search("anyof", "<C:calendar-user-address-set/>",
                "alice@"), "Depth", "0").text()).contains("/caldav/principals/alice/");
        // hal is hidden from the address book; sales is a group, no calendar user
        assertThat(server.send("REPORT", "/caldav/principals/", search(null, "<D:displayname/>", "hal"), "Depth", "0")
                .text()).doesNotContain("/caldav/principals/hal/");
        assertThat(server.send("REPORT", "/caldav/principals/", search(null, "<D:displayname/>", "sales"), "Depth", "0")
                .text()).doesNotContain("principals/sales");
        // allof: both conditions; anyof: either
        assertThat(server.send("REPORT", "/caldav/principals/", search(null, "<D:displayname/>", "alice",
                "<C:calendar-user-address-set/>", "bob"), "Depth", "0").text()).doesNotContain("principals/alice");
        assertThat(server.send("REPORT", "/caldav/principals/", search("anyof", "<D:displayname/>", "alice",
                "<C:calendar-user-address-set/>", "bob"), "Depth", "0").text()).contains("principals/alice")
                .contains("principals/bob");
    }

    @Test
    void whatMayBeSearchedShouldBeListedAndOtherPropertiesRefused() {
        DavResponse set = server.send("REPORT", "/caldav/principals/",
                "<D:principal-search-property-set xmlns:D=\"DAV:\"/>", "Depth", "0");
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.text()).contains("principal-search-property").contains("displayname")
                .contains("calendar-user-address-set");
        DavResponse bad = server.send("REPORT", "/caldav/principals/", search(null, "<D:getetag/>", "x"), "Depth", "0");
        assertThat(bad.status()).isEqualTo(403);
    }
}
